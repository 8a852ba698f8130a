using Radiomics.Numerics;
using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Transforms;

/// <summary>
/// Cubic B-spline free-form deformation (Rueckert et al., IEEE TMI 1999; ITK <c>BSplineTransform</c>):
/// <c>T(x) = x + Σ_k β³(g(x) − k)·c_k</c>, where <c>g(x)</c> is the continuous index of <c>x</c> in a regular grid of
/// control points and <c>c_k</c> are displacement coefficients in physical LPS mm. The grid covers its image domain
/// with one control point before the first voxel and two past the last, as ITK lays it out; outside that support the
/// displacement of the nearest valid point is used.
/// </summary>
public sealed class BSplineTransform : ITransform
{
    private readonly double[] _coefficients;

    /// <summary>
    /// A transform with the given control grid and coefficients (<paramref name="coefficients"/> holds the X, Y and Z
    /// displacement blocks one after the other, each in the grid's voxel order; it is copied).
    /// </summary>
    public BSplineTransform(ImageGeometry grid, ReadOnlySpan<double> coefficients)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (grid.Size.X < 4 || grid.Size.Y < 4 || grid.Size.Z < 4)
        {
            throw new ArgumentException($"A cubic B-spline grid needs at least 4 control points per axis; got {grid.Size}.", nameof(grid));
        }

        if (coefficients.Length != 3 * grid.VoxelCount)
        {
            throw new ArgumentException($"A {grid.Size} control grid needs {3 * grid.VoxelCount} coefficients; got {coefficients.Length}.", nameof(coefficients));
        }

        foreach (var c in coefficients)
        {
            if (!double.IsFinite(c))
            {
                throw new ArgumentException("B-spline coefficients must be finite.", nameof(coefficients));
            }
        }

        Grid = grid;
        _coefficients = coefficients.ToArray();
    }

    /// <summary>The control-point grid (its voxels are the control points).</summary>
    public ImageGeometry Grid { get; }

    /// <summary>The coefficients (mm), X block then Y block then Z block.</summary>
    public ReadOnlySpan<double> Coefficients => _coefficients;

    /// <summary>Number of control points along each axis.</summary>
    public Size3 GridSize => Grid.Size;

    /// <summary>Copies of the coefficient vector an optimiser holds (parameters, gradient, search direction, history), for the memory check.</summary>
    private const int CoefficientCopies = 8;

    /// <summary>
    /// The control grid ITK's <c>BSplineTransformInitializer</c> would build over <paramref name="domain"/>: same
    /// direction, a whole number of mesh cells per axis with spacing as close as possible to
    /// <paramref name="gridSpacing"/> (mm), plus the three extra points the cubic support needs.
    /// </summary>
    public static ImageGeometry ControlGrid(ImageGeometry domain, Vec3 gridSpacing)
    {
        ArgumentNullException.ThrowIfNull(domain);
        if (!gridSpacing.IsFinite || gridSpacing.X <= 0 || gridSpacing.Y <= 0 || gridSpacing.Z <= 0)
        {
            throw new InvalidInputException($"B-spline grid spacing {gridSpacing} mm: it must be finite and positive.");
        }

        // The grid is checked in floating point before any integer conversion: a spacing of 0.001 mm over a CT would
        // ask for billions of control points.
        Span<double> points = stackalloc double[3];
        for (int a = 0; a < 3; a++)
        {
            double extent = (domain.Size[a] - 1) * domain.Spacing[a];
            points[a] = Math.Max(1, Math.Round(extent / gridSpacing[a])) + 3;
        }

        Radiomics.IO.MemoryBudget.Check(
            Radiomics.IO.MemoryBudget.Product(points[0], points[1], points[2], 3 * sizeof(double) * CoefficientCopies),
            $"a B-spline control grid of {points[0]}×{points[1]}×{points[2]} points (grid spacing {gridSpacing} mm)");
        Span<int> size = stackalloc int[3];
        Span<double> spacing = stackalloc double[3];
        for (int a = 0; a < 3; a++)
        {
            double extent = (domain.Size[a] - 1) * domain.Spacing[a];
            int mesh = Math.Max(1, (int)Math.Round(extent / gridSpacing[a]));
            spacing[a] = extent > 0 ? extent / mesh : gridSpacing[a];
            size[a] = mesh + 3;
        }

        var h = new Vec3(spacing[0], spacing[1], spacing[2]);
        var origin = domain.Origin - domain.Direction * h;
        return new ImageGeometry(new Size3(size[0], size[1], size[2]), h, origin, domain.Direction);
    }

    /// <summary>The identity deformation on the control grid for <paramref name="domain"/>.</summary>
    public static BSplineTransform Identity(ImageGeometry domain, Vec3 gridSpacing)
    {
        var grid = ControlGrid(domain, gridSpacing);
        return new BSplineTransform(grid, new double[3 * grid.VoxelCount]);
    }

    public Vec3 TransformPoint(Vec3 point) => point + Displacement(point);

    /// <summary>The displacement (mm) at a physical point.</summary>
    public Vec3 Displacement(Vec3 point)
    {
        var t = Grid.PhysicalToIndex(point);
        Span<double> wx = stackalloc double[4];
        Span<double> wy = stackalloc double[4];
        Span<double> wz = stackalloc double[4];
        int fx = Knots(t.X, Grid.Size.X, wx);
        int fy = Knots(t.Y, Grid.Size.Y, wy);
        int fz = Knots(t.Z, Grid.Size.Z, wz);
        int nx = Grid.Size.X, nxy = nx * Grid.Size.Y, n = (int)Grid.VoxelCount;
        double ux = 0, uy = 0, uz = 0;
        for (int c = 0; c < 4; c++)
        {
            for (int b = 0; b < 4; b++)
            {
                double wyz = wy[b] * wz[c];
                int row = (fz + c) * nxy + (fy + b) * nx + fx;
                for (int a = 0; a < 4; a++)
                {
                    double w = wx[a] * wyz;
                    ux += w * _coefficients[row + a];
                    uy += w * _coefficients[n + row + a];
                    uz += w * _coefficients[2 * n + row + a];
                }
            }
        }

        return new Vec3(ux, uy, uz);
    }

    /// <summary>
    /// The dense displacement field (mm, LPS, 3 components) on <paramref name="geometry"/>; separable and parallel
    /// when the geometry shares the grid's direction cosines.
    /// </summary>
    public Image<float> ToDisplacementField(ImageGeometry geometry, Parallelism parallelism = default)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var axes = BSplineAxisWeights.For(geometry, Grid);
        return axes is null
            ? DisplacementField.Sample(this, geometry, parallelism)
            : new Image<float>(geometry, Displacements(geometry, axes, parallelism), 3);
    }

    /// <summary>The displacement components (x block, y block, z block) on a grid the control grid is aligned with, as a buffer the caller owns.</summary>
    internal float[] Displacements(ImageGeometry geometry, BSplineAxisWeights[] axes, Parallelism parallelism)
    {
        var size = geometry.Size;
        int n = (int)geometry.VoxelCount;
        var output = new float[3 * n];
        // One evaluator and one row of displacements per worker, not per slice.
        ParallelRows.For(0, size.Z, parallelism, () => (Evaluator: new BSplineRowEvaluator(Grid.Size), Row: new double[3 * size.X]), (z, scratch) =>
        {
            var evaluator = scratch.Evaluator;
            evaluator.BeginSlice(_coefficients, axes[2], z);
            var ux = scratch.Row.AsSpan(0, size.X);
            var uy = scratch.Row.AsSpan(size.X, size.X);
            var uz = scratch.Row.AsSpan(2 * size.X, size.X);
            for (int y = 0; y < size.Y; y++)
            {
                evaluator.EvaluateRow(axes[1], y, axes[0], ux, uy, uz);
                int o = (z * size.Y + y) * size.X;
                for (int x = 0; x < size.X; x++)
                {
                    output[o + x] = (float)ux[x];
                    output[n + o + x] = (float)uy[x];
                    output[2 * n + o + x] = (float)uz[x];
                }
            }
        });
        return output;
    }

    /// <summary>
    /// The same deformation on a control grid twice as fine along the axes whose flag is true, by exact cubic B-spline subdivision (β³(t) = Σ_r (1,4,6,4,1)_r/8 · β³(2t − r)).
    /// </summary>
    public BSplineTransform Refine(bool refineX = true, bool refineY = true, bool refineZ = true)
    {
        var grid = Grid;
        var coefficients = _coefficients;
        Span<bool> which = [refineX, refineY, refineZ];
        for (int a = 0; a < 3; a++)
        {
            if (which[a])
            {
                (grid, coefficients) = RefineAxis(grid, coefficients, a);
            }
        }

        return new BSplineTransform(grid, coefficients);
    }

    private static (ImageGeometry Grid, double[] Coefficients) RefineAxis(ImageGeometry grid, double[] coefficients, int axis)
    {
        ReadOnlySpan<double> mask = [1 / 8.0, 4 / 8.0, 6 / 8.0, 4 / 8.0, 1 / 8.0];
        var size = grid.Size;
        int n = size[axis];
        int fine = 2 * n - 3;
        var newSize = axis switch { 0 => size with { X = fine }, 1 => size with { Y = fine }, _ => size with { Z = fine } };
        var h = grid.Spacing;
        var newSpacing = axis switch { 0 => h with { X = h.X / 2 }, 1 => h with { Y = h.Y / 2 }, _ => h with { Z = h.Z / 2 } };
        var shift = grid.Direction.Column(axis) * (h[axis] / 2);
        var newGrid = new ImageGeometry(newSize, newSpacing, grid.Origin + shift, grid.Direction);
        int oldCount = (int)grid.VoxelCount, newCount = (int)newGrid.VoxelCount;
        var result = new double[3 * newCount];
        int oldStride = axis == 0 ? 1 : axis == 1 ? size.X : size.X * size.Y;
        for (int c = 0; c < 3; c++)
        {
            for (int z = 0; z < newSize.Z; z++)
            {
                for (int y = 0; y < newSize.Y; y++)
                {
                    for (int x = 0; x < newSize.X; x++)
                    {
                        int j = axis == 0 ? x : axis == 1 ? y : z;
                        int baseOld = (axis == 0 ? 0 : x) + size.X * ((axis == 1 ? 0 : y) + size.Y * (axis == 2 ? 0 : z));
                        double sum = 0;
                        // Fine index j sits at coarse position (j + 1) / 2; coarse k contributes with mask[j − 2k + 3].
                        for (int k = Math.Max(0, (j - 1) / 2 - 1); k <= Math.Min(n - 1, (j + 3) / 2); k++)
                        {
                            int r = j - 2 * k + 3;
                            if ((uint)r < 5)
                            {
                                sum += mask[r] * coefficients[c * oldCount + baseOld + k * oldStride];
                            }
                        }

                        result[c * newCount + x + newSize.X * (y + newSize.Y * z)] = sum;
                    }
                }
            }
        }

        return (newGrid, result);
    }

    private static int Knots(double t, int gridPoints, Span<double> w)
    {
        t = Math.Clamp(t, 1, gridPoints - 2);
        int knot = Math.Min((int)Math.Floor(t), gridPoints - 3);
        CubicBSplineKernel.Weights(t - knot, w);
        return knot - 1;
    }
}
