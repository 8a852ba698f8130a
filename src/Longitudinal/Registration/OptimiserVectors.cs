using System.Numerics.Tensors;

namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// The element-wise vector operations of the optimisers (axpy, scaling, difference, largest magnitude) as plain loops;
/// the reductions (dot, norm) stay with the tensor primitives.
/// </summary>
/// <remarks>
/// The vectorised primitives are compiled at run time (precompiled code cannot assume the machine's vector width) and
/// run unoptimised at first: each operation is a separate set of methods to compile, which cost a small registration
/// tens of milliseconds. These vectors hold the transform's parameters (a few hundred to some ten thousand), so the
/// loops cost little next to one metric evaluation, and an element-wise result is the same either way. The sums are
/// left as they were: summed in vector lanes they round differently from an index-order loop, and the optimiser's
/// path, and with it the registration, would change.
/// </remarks>
internal static class OptimiserVectors
{
    /// <summary>Σ x[i]·y[i], by the tensor primitives (the optimisers' path depends on how this sum is rounded).</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => TensorPrimitives.Dot(x, y);

    /// <summary>√(Σ x[i]²), by the tensor primitives.</summary>
    public static double Norm(ReadOnlySpan<double> x) => TensorPrimitives.Norm(x);

    /// <summary>result[i] = x[i]·a + y[i] (result may be y).</summary>
    public static void MultiplyAdd(ReadOnlySpan<double> x, double a, ReadOnlySpan<double> y, Span<double> result)
    {
        Check(x.Length, y.Length);
        Check(x.Length, result.Length);
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = (x[i] * a) + y[i];
        }
    }

    /// <summary>result[i] = a·x[i].</summary>
    public static void Multiply(ReadOnlySpan<double> x, double a, Span<double> result)
    {
        Check(x.Length, result.Length);
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = x[i] * a;
        }
    }

    /// <summary>result[i] = x[i] − y[i].</summary>
    public static void Subtract(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> result)
    {
        Check(x.Length, y.Length);
        Check(x.Length, result.Length);
        for (int i = 0; i < x.Length; i++)
        {
            result[i] = x[i] - y[i];
        }
    }

    /// <summary>max |x[i]|; NaN when any value is NaN, 0 for no values.</summary>
    public static double MaxAbs(ReadOnlySpan<double> x)
    {
        double max = 0;
        foreach (double v in x)
        {
            double a = Math.Abs(v);
            if (double.IsNaN(a))
            {
                return double.NaN;
            }

            max = Math.Max(max, a);
        }

        return max;
    }

    private static void Check(int a, int b)
    {
        if (a != b)
        {
            throw new ArgumentException($"The vectors have {a} and {b} values; they must have the same length.");
        }
    }
}
