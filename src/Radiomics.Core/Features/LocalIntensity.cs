using Radiomics.Numerics;
namespace Radiomics.Features;

/// <summary>
/// Local intensity features (IBSI 1, family 9ST6): means of the intensities in a 1 cm³ sphere (radius
/// r = (3/(4π))^(1/3) cm ≈ 6.2 mm in world coordinates) around voxels of the ROI intensity mask. The sphere draws on
/// every voxel of the grid, inside the ROI or not, so the grid should extend r beyond the ROI (the extractor's
/// <see cref="RoiVolume"/> does, clipped at the image border); voxels beyond the grid or with non-finite intensity are
/// not available and do not count.
/// </summary>
public static class LocalIntensity
{
    /// <summary>Family key in feature tables and the IBSI reference data.</summary>
    public const string Family = "local_intensity";

    /// <summary>Radius in mm of a sphere of 1 cm³.</summary>
    public static readonly double SphereRadius = Math.Cbrt(3 / (4 * Math.PI)) * 10;

    /// <summary>Local intensity peak (VJGA) and global intensity peak (0F91).</summary>
    /// <exception cref="EmptyRoiException">The intensity mask is empty.</exception>
    public static IReadOnlyList<FeatureValue> Compute(RoiVolume roi)
    {
        ArgumentNullException.ThrowIfNull(roi);
        var size = roi.Geometry.Size;
        int nx = size.X, ny = size.Y, nz = size.Z;
        var values = roi.Intensities;
        var mask = roi.IntensityMask;

        // Row prefix sums turn the sphere into one lookup per (dy, dz) row segment.
        var prefix = new double[(nx + 1) * ny * nz];
        var prefixCount = new int[(nx + 1) * ny * nz];
        for (int row = 0; row < ny * nz; row++)
        {
            int p = row * (nx + 1), s = row * nx;
            for (int x = 0; x < nx; x++)
            {
                double v = values[s + x];
                bool ok = double.IsFinite(v);
                prefix[p + x + 1] = prefix[p + x] + (ok ? v : 0);
                prefixCount[p + x + 1] = prefixCount[p + x] + (ok ? 1 : 0);
            }
        }

        var segments = SphereRows(roi.Geometry.Spacing.X, roi.Geometry.Spacing.Y, roi.Geometry.Spacing.Z);
        double maxIntensity = double.NegativeInfinity;
        for (int i = 0; i < values.Length; i++)
        {
            if (mask[i] && values[i] > maxIntensity)
            {
                maxIntensity = values[i];
            }
        }

        if (double.IsNegativeInfinity(maxIntensity))
        {
            throw new EmptyRoiException("Local intensity features need at least one voxel with a finite intensity in the intensity mask.");
        }

        double[] intensities = roi.Intensities.ToArray();
        bool[] inside = roi.IntensityMask.ToArray();
        var globalPerSlice = new double[nz];
        var localPerSlice = new double[nz];
        ParallelRows.For(0, nz, Parallelism.AllCores, z =>
        {
            double global = double.NegativeInfinity, local = double.NegativeInfinity;
            for (int y = 0; y < ny; y++)
            {
                for (int x = 0; x < nx; x++)
                {
                    int i = x + nx * (y + ny * z);
                    if (!inside[i])
                    {
                        continue;
                    }

                    double sum = 0;
                    int count = 0;
                    foreach (var (dy, dz, half) in segments)
                    {
                        int yy = y + dy, zz = z + dz;
                        if ((uint)yy >= (uint)ny || (uint)zz >= (uint)nz)
                        {
                            continue;
                        }

                        int p = (yy + ny * zz) * (nx + 1);
                        int a = Math.Max(0, x - half), b = Math.Min(nx - 1, x + half) + 1;
                        sum += prefix[p + b] - prefix[p + a];
                        count += prefixCount[p + b] - prefixCount[p + a];
                    }

                    double mean = sum / count;
                    global = Math.Max(global, mean);
                    if (intensities[i] == maxIntensity)
                    {
                        local = Math.Max(local, mean);
                    }
                }
            }

            globalPerSlice[z] = global;
            localPerSlice[z] = local;
        });

        return
        [
            new FeatureValue(Family, "Local intensity peak", "VJGA", localPerSlice.Max()),
            new FeatureValue(Family, "Global intensity peak", "0F91", globalPerSlice.Max()),
        ];
    }

    /// <summary>The sphere as rows along x: for each (dy, dz) offset, the largest |dx| whose voxel centre lies within the radius.</summary>
    internal static List<(int Dy, int Dz, int HalfWidth)> SphereRows(double sx, double sy, double sz)
    {
        double r = SphereRadius, r2 = r * r;
        int ey = (int)Math.Floor(r / sy), ez = (int)Math.Floor(r / sz);
        var rows = new List<(int, int, int)>();
        for (int dz = -ez; dz <= ez; dz++)
        {
            for (int dy = -ey; dy <= ey; dy++)
            {
                double rest = r2 - dy * sy * dy * sy - dz * sz * dz * sz;
                if (rest >= 0)
                {
                    rows.Add((dy, dz, (int)Math.Floor(Math.Sqrt(rest) / sx)));
                }
            }
        }

        return rows;
    }
}
