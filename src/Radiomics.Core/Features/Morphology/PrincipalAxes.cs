using Radiomics.Imaging;

namespace Radiomics.Features.Morphology;

/// <summary>
/// Principal component analysis of the voxel-centre point set of a mask (IBSI 1 "Major axis length", TDIC, and the
/// features built on it): the eigenvalues λ_major ≥ λ_minor ≥ λ_least of the covariance matrix of the voxel centres
/// (mm²) and their unit eigenvectors.
/// </summary>
public sealed record PrincipalAxes(double Major, double Minor, double Least, Matrix3 Directions, Vec3 Centroid, long Count)
{
    /// <summary>Major axis length 4√λ_major (IBSI TDIC).</summary>
    public double MajorAxisLength => 4 * Math.Sqrt(Math.Max(Major, 0));

    /// <summary>Minor axis length 4√λ_minor (IBSI P9VJ).</summary>
    public double MinorAxisLength => 4 * Math.Sqrt(Math.Max(Minor, 0));

    /// <summary>Least axis length 4√λ_least (IBSI 7J51).</summary>
    public double LeastAxisLength => 4 * Math.Sqrt(Math.Max(Least, 0));

    /// <summary>
    /// PCA of the centres of the voxels where <paramref name="mask"/> is true, placed at index ⊙ spacing. The covariance
    /// is normalised by N − 1 (the sample covariance, as numpy's <c>cov</c> of the reference implementations); it is
    /// zero for a single voxel.
    /// </summary>
    public static PrincipalAxes Of(ReadOnlySpan<bool> mask, Size3 size, Vec3 spacing)
    {
        if (mask.Length != size.Count)
        {
            throw new ArgumentException($"{mask.Length} mask values for a {size} grid.", nameof(mask));
        }

        // Two passes (mean, then centred moments) keep the moments accurate for large grids.
        long n = 0;
        double sx = 0, sy = 0, sz = 0;
        int i = 0;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++, i++)
                {
                    if (mask[i])
                    {
                        n++;
                        sx += x;
                        sy += y;
                        sz += z;
                    }
                }
            }
        }

        if (n == 0)
        {
            throw new ArgumentException("The mask is empty.", nameof(mask));
        }

        double mx = sx / n, my = sy / n, mz = sz / n;
        double cxx = 0, cxy = 0, cxz = 0, cyy = 0, cyz = 0, czz = 0;
        i = 0;
        for (int z = 0; z < size.Z; z++)
        {
            double dz = (z - mz) * spacing.Z;
            for (int y = 0; y < size.Y; y++)
            {
                double dy = (y - my) * spacing.Y;
                for (int x = 0; x < size.X; x++, i++)
                {
                    if (mask[i])
                    {
                        double dx = (x - mx) * spacing.X;
                        cxx += dx * dx;
                        cxy += dx * dy;
                        cxz += dx * dz;
                        cyy += dy * dy;
                        cyz += dy * dz;
                        czz += dz * dz;
                    }
                }
            }
        }

        double norm = n > 1 ? 1.0 / (n - 1) : 0;
        var covariance = norm * new Matrix3(cxx, cxy, cxz, cxy, cyy, cyz, cxz, cyz, czz);
        var eigen = SymmetricEigen3.Of(covariance);
        var centroid = new Vec3(mx * spacing.X, my * spacing.Y, mz * spacing.Z);
        return new PrincipalAxes(eigen.Values.X, eigen.Values.Y, eigen.Values.Z, eigen.Vectors, centroid, n);
    }
}
