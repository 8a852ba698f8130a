using Radiomics.Numerics;
using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Transforms;

/// <summary>Dense displacement fields from transforms, their numerical inverse and Jacobian determinant maps.</summary>
public static class DisplacementField
{
    /// <summary>
    /// <c>u(x) = T(x) − x</c> at every voxel of <paramref name="geometry"/>: a 3-component float image in mm with LPS
    /// components, the format of <c>displacement.nii.gz</c>.
    /// </summary>
    public static Image<float> Sample(ITransform transform, ImageGeometry geometry, Parallelism parallelism = default)
    {
        ArgumentNullException.ThrowIfNull(transform);
        ArgumentNullException.ThrowIfNull(geometry);
        if (transform is BSplineTransform spline && BSplineAxisWeights.For(geometry, spline.Grid) is not null)
        {
            return spline.ToDisplacementField(geometry, parallelism);
        }

        if (SplineThenLinear(transform, geometry) is var (first, linear))
        {
            var composed = first.Displacements(geometry, BSplineAxisWeights.For(geometry, first.Grid)!, parallelism);
            ComposeLinear(composed, geometry, linear, parallelism);
            return new Image<float>(geometry, composed, 3);
        }

        var size = geometry.Size;
        int n = (int)geometry.VoxelCount;
        var u = new float[3 * n];
        ParallelRows.For(0, size.Z, parallelism, z =>
        {
            for (int y = 0; y < size.Y; y++)
            {
                int o = (z * size.Y + y) * size.X;
                for (int x = 0; x < size.X; x++)
                {
                    var p = geometry.IndexToPhysical(x, y, z);
                    var d = transform.TransformPoint(p) - p;
                    u[o + x] = (float)d.X;
                    u[n + o + x] = (float)d.Y;
                    u[2 * n + o + x] = (float)d.Z;
                }
            }
        });
        return new Image<float>(geometry, u, 3);
    }

    /// <summary>
    /// A registration's usual result, <c>L(x + u(x))</c>: a B-spline on a grid aligned with <paramref name="geometry"/>
    /// followed by linear transforms only, with those folded into one affine; null for anything else.
    /// </summary>
    private static (BSplineTransform Spline, AffineTransform Linear)? SplineThenLinear(ITransform transform, ImageGeometry geometry)
    {
        if (transform is not CompositeTransform { Transforms: { Count: > 1 } list } || list[0] is not BSplineTransform spline
            || !list.Skip(1).All(t => t is ILinearTransform) || BSplineAxisWeights.For(geometry, spline.Grid) is null)
        {
            return null;
        }

        var linear = list.Skip(1).Select(t => ((ILinearTransform)t).ToAffine()).Aggregate((first, then) => first.Then(then));
        return (spline, linear);
    }

    /// <summary>
    /// Turns the field u of <c>x + u(x)</c> into that of <c>L(x + u(x))</c> in place, in a buffer the caller owns (a
    /// second field of a whole CT scan would cost a gigabyte): the separable spline evaluation stays the only per-voxel
    /// B-spline work.
    /// </summary>
    private static void ComposeLinear(float[] u, ImageGeometry g, AffineTransform linear, Parallelism parallelism)
    {
        var size = g.Size;
        int n = (int)g.VoxelCount;
        ParallelRows.For(0, size.Z, parallelism, z =>
        {
            for (int y = 0; y < size.Y; y++)
            {
                int o = (z * size.Y + y) * size.X;
                for (int x = 0; x < size.X; x++)
                {
                    int i = o + x;
                    var p = g.IndexToPhysical(x, y, z);
                    var d = linear.TransformPoint(p + new Vec3(u[i], u[n + i], u[2 * n + i])) - p;
                    u[i] = (float)d.X;
                    u[n + i] = (float)d.Y;
                    u[2 * n + i] = (float)d.Z;
                }
            }
        });
    }

    /// <summary>
    /// The inverse of a displacement field transform on <paramref name="geometry"/> (its own grid when null), by the
    /// fixed-point iteration <c>v ← −u(y + v)</c> of Chen et al. (Med. Phys. 2008), which converges where the field
    /// is invertible (|∇u| &lt; 1). Stops per point after <paramref name="maxIterations"/> or when the update is below
    /// <paramref name="tolerance"/> mm.
    /// </summary>
    public static DisplacementFieldTransform Invert(
        DisplacementFieldTransform transform, ImageGeometry? geometry = null, int maxIterations = 50, double tolerance = 1e-4, Parallelism parallelism = default)
    {
        ArgumentNullException.ThrowIfNull(transform);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        geometry ??= transform.Geometry;
        var size = geometry.Size;
        int n = (int)geometry.VoxelCount;
        var v = new float[3 * n];
        double tol2 = tolerance * tolerance;
        ParallelRows.For(0, size.Z, parallelism, z =>
        {
            for (int y = 0; y < size.Y; y++)
            {
                int o = (z * size.Y + y) * size.X;
                for (int x = 0; x < size.X; x++)
                {
                    var p = geometry.IndexToPhysical(x, y, z);
                    var d = -transform.Displacement(p);
                    for (int k = 0; k < maxIterations; k++)
                    {
                        var next = -transform.Displacement(p + d);
                        double change = (next - d).Dot(next - d);
                        d = next;
                        if (change < tol2)
                        {
                            break;
                        }
                    }

                    v[o + x] = (float)d.X;
                    v[n + o + x] = (float)d.Y;
                    v[2 * n + o + x] = (float)d.Z;
                }
            }
        });
        return new DisplacementFieldTransform(new Image<float>(geometry, v, 3));
    }

    /// <summary>
    /// The Jacobian determinant <c>det(I + ∇u)</c> of a displacement field at every grid point (central differences in
    /// physical space, one-sided at the borders). Values below zero mark folding; 1 means volume preserved.
    /// </summary>
    public static Image<float> JacobianDeterminant(Image<float> field, Parallelism parallelism = default)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.Components != 3)
        {
            throw new ArgumentException($"A displacement field has 3 components; got {field.Components}.", nameof(field));
        }

        var g = field.Geometry;
        var size = g.Size;
        int n = field.VoxelCount;
        // Not a copy: fields of whole CT scans are around a gigabyte.
        var memory = field.VoxelMemory;
        var result = new float[n];
        // ∇_x u = ∇_i u · (D·S)⁻¹, where ∇_i is the derivative along the index axes.
        var toIndex = g.PhysicalToIndexMatrix;
        ParallelRows.For(0, size.Z, parallelism, z =>
        {
            Span<double> di = stackalloc double[9];
            ReadOnlySpan<float> u = memory.Span;
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++)
                {
                    int i = x + size.X * (y + size.Y * z);
                    for (int c = 0; c < 3; c++)
                    {
                        int o = c * n;
                        di[c * 3] = Difference(u, o, size, x, y, z, 0);
                        di[c * 3 + 1] = Difference(u, o, size, x, y, z, 1);
                        di[c * 3 + 2] = Difference(u, o, size, x, y, z, 2);
                    }

                    var gradI = Matrix3.FromRowMajor(di);
                    var j = Matrix3.Identity + gradI * toIndex;
                    result[i] = (float)j.Determinant;
                }
            }
        });
        return new Image<float>(g, result);
    }

    /// <summary>The Jacobian determinant map of any transform, sampled on <paramref name="geometry"/>.</summary>
    public static Image<float> JacobianDeterminant(ITransform transform, ImageGeometry geometry, Parallelism parallelism = default) =>
        JacobianDeterminant(Sample(transform, geometry, parallelism), parallelism);

    private static double Difference(ReadOnlySpan<float> u, int offset, Size3 size, int x, int y, int z, int axis)
    {
        int n = size[axis];
        if (n == 1)
        {
            return 0;
        }

        int i = axis == 0 ? x : axis == 1 ? y : z;
        int stride = axis == 0 ? 1 : axis == 1 ? size.X : size.X * size.Y;
        int at = offset + x + size.X * (y + size.Y * z);
        if (i == 0)
        {
            return u[at + stride] - u[at];
        }

        if (i == n - 1)
        {
            return u[at] - u[at - stride];
        }

        return 0.5 * (u[at + stride] - u[at - stride]);
    }
}
