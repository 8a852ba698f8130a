using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// A smoothness penalty on B-spline coefficients: the mean over control points and components of
/// <c>Σ_axes (Δ²_a c / h_a)²</c>, the squared second differences along each grid axis scaled by the grid spacing
/// (dimensionless: the change of the displacement's slope from one cell to the next). It approximates the diagonal
/// terms of the thin-plate bending energy (Rueckert et al. 1999) and vanishes for affine coefficient patterns.
/// </summary>
internal static class BendingEnergy
{
    /// <summary>Returns <c>weight·P(c)</c> and adds its gradient to <paramref name="gradient"/>.</summary>
    public static double AddTo(ImageGeometry grid, ReadOnlySpan<double> c, Span<double> gradient, double weight)
    {
        if (weight == 0)
        {
            return 0;
        }

        var size = grid.Size;
        int n = (int)grid.VoxelCount;
        double scale = weight / (3.0 * n);
        double value = 0;
        Span<int> stride = [1, size.X, size.X * size.Y];
        for (int a = 0; a < 3; a++)
        {
            int na = size[a];
            if (na < 3)
            {
                continue;
            }

            double inv = 1 / (grid.Spacing[a] * grid.Spacing[a]);
            int s = stride[a];
            for (int comp = 0; comp < 3; comp++)
            {
                int o = comp * n;
                for (int z = 0; z < size.Z; z++)
                {
                    for (int y = 0; y < size.Y; y++)
                    {
                        for (int x = 0; x < size.X; x++)
                        {
                            int pos = a == 0 ? x : a == 1 ? y : z;
                            if (pos == 0 || pos == na - 1)
                            {
                                continue;
                            }

                            int i = o + x + size.X * (y + size.Y * z);
                            double d = c[i - s] - 2 * c[i] + c[i + s];
                            value += d * d * inv;
                            double g = 2 * d * inv * scale;
                            gradient[i - s] += g;
                            gradient[i] -= 2 * g;
                            gradient[i + s] += g;
                        }
                    }
                }
            }
        }

        return value * scale;
    }
}
