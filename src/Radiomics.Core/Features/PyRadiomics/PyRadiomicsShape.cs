using MathNet.Numerics.LinearAlgebra;
using Radiomics.Features.Morphology;
using Radiomics.Imaging;

namespace Radiomics.Features.PyRadiomics;

/// <summary>PyRadiomics' <c>shape</c> class (its <c>radiomics/shape.py</c>).</summary>
/// <remarks>
/// Differences from IBSI morphology: the mesh is the toolkit's marching cubes (edge midpoints, as PyRadiomics' own), but
/// PyRadiomics' case table treats ambiguous faces by the parity of corner 7, so area and volume can differ slightly on
/// ROIs with diagonal contacts (see docs/pyradiomics-flavour.md). The 2D diameters are the largest vertex distances in
/// one axial slice, coronal (column) and sagittal (row) plane; the axis lengths are 4√λ of the covariance of voxel
/// centres (IBSI: the same, with the same names), and Sphericity, Compactness and SphericalDisproportion are IBSI's.
/// </remarks>
internal static class PyRadiomicsShape
{
    public static IEnumerable<(string Name, double Value)> Compute(PyRadiomicsVolume v)
    {
        var size = new Size3(v.Size[2], v.Size[1], v.Size[0]);
        var spacing = new Vec3(v.Spacing.X, v.Spacing.Y, v.Spacing.Z);
        var surface = MarchingCubes.Extract(v.Mask, size, spacing, joinDiagonal: true);
        var (area, volume) = PyRadiomicsMesh.Measure(v);
        var diameters = Diameters(surface);
        var eigen = AxisEigenvalues(v);
        int np = v.Mask.Count(b => b);
        double voxelVolume = np * v.Spacing.X * v.Spacing.Y * v.Spacing.Z;
        double sphericity = Math.Cbrt(36 * Math.PI * volume * volume) / area;
        yield return ("Compactness1", volume / (Math.Pow(area, 1.5) * Math.Sqrt(Math.PI)));
        yield return ("Compactness2", 36 * Math.PI * volume * volume / (area * area * area));
        yield return ("Elongation", Math.Sqrt(eigen[1] / eigen[2]));
        yield return ("Flatness", Math.Sqrt(eigen[0] / eigen[2]));
        yield return ("LeastAxisLength", Math.Sqrt(eigen[0]) * 4);
        yield return ("MajorAxisLength", Math.Sqrt(eigen[2]) * 4);
        yield return ("Maximum2DDiameterColumn", diameters[1]);
        yield return ("Maximum2DDiameterRow", diameters[2]);
        yield return ("Maximum2DDiameterSlice", diameters[0]);
        yield return ("Maximum3DDiameter", diameters[3]);
        yield return ("MeshVolume", volume);
        yield return ("MinorAxisLength", Math.Sqrt(eigen[1]) * 4);
        yield return ("SphericalDisproportion", 1 / sphericity);
        yield return ("Sphericity", sphericity);
        yield return ("SurfaceArea", area);
        yield return ("SurfaceVolumeRatio", area / volume);
        yield return ("VoxelVolume", voxelVolume);
    }

    /// <summary>Largest vertex distances: [0] within an axial slice (same z), [1] same y, [2] same x, [3] overall.</summary>
    private static double[] Diameters(VoxelSurface surface)
    {
        var lattice = surface.LatticeVertices.ToArray();
        var step = surface.LatticeStep;
        var best = new double[4];
        for (int a = 0; a < lattice.Length; a++)
        {
            var p = lattice[a];
            for (int b = a + 1; b < lattice.Length; b++)
            {
                var q = lattice[b];
                double dx = (p.X - q.X) * step.X, dy = (p.Y - q.Y) * step.Y, dz = (p.Z - q.Z) * step.Z;
                double d = (dx * dx) + (dy * dy) + (dz * dz);
                if (p.Z == q.Z && d > best[0])
                {
                    best[0] = d;
                }

                if (p.Y == q.Y && d > best[1])
                {
                    best[1] = d;
                }

                if (p.X == q.X && d > best[2])
                {
                    best[2] = d;
                }

                if (d > best[3])
                {
                    best[3] = d;
                }
            }
        }

        return [.. best.Select(Math.Sqrt)];
    }

    /// <summary>Eigenvalues (ascending) of the covariance of the ROI's voxel centres in mm, divided by N; −1e-10 &lt; λ &lt; 0 rounds to 0.</summary>
    private static double[] AxisEigenvalues(PyRadiomicsVolume v)
    {
        var points = new List<(double Z, double Y, double X)>();
        for (int z = 0; z < v.Size[0]; z++)
        {
            for (int y = 0; y < v.Size[1]; y++)
            {
                for (int x = 0; x < v.Size[2]; x++)
                {
                    if (v.Mask[(((z * v.Size[1]) + y) * v.Size[2]) + x])
                    {
                        points.Add((z * v.Spacing.Z, y * v.Spacing.Y, x * v.Spacing.X));
                    }
                }
            }
        }

        double n = points.Count;
        double mz = points.Average(p => p.Z), my = points.Average(p => p.Y), mx = points.Average(p => p.X);
        var c = Matrix<double>.Build.Dense(3, 3);
        foreach (var p in points)
        {
            double[] d = [p.Z - mz, p.Y - my, p.X - mx];
            for (int r = 0; r < 3; r++)
            {
                for (int k = 0; k < 3; k++)
                {
                    c[r, k] += d[r] * d[k] / n;
                }
            }
        }

        var eigen = c.Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).Select(e => e is < 0 and > -1e-10 ? 0 : e).ToArray();
        Array.Sort(eigen);
        return eigen;
    }
}
