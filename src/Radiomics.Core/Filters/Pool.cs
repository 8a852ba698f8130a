using System.Numerics.Tensors;

namespace Radiomics.Filters;

/// <summary>Voxel-wise pooling of response maps, one map at a time so that only the running result is kept.</summary>
internal sealed class Pool(Pooling pooling)
{
    private double[]? _result;
    private int _count;

    public void Add(double[] response)
    {
        _count++;
        if (_result is null)
        {
            _result = response;
            return;
        }

        switch (pooling)
        {
            case Pooling.Mean:
                TensorPrimitives.Add(_result, response, _result);
                break;
            case Pooling.Max:
                TensorPrimitives.Max(_result, response, _result);
                break;
            case Pooling.Min:
                TensorPrimitives.Min(_result, response, _result);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(pooling), pooling, null);
        }
    }

    public double[] Result()
    {
        var result = _result ?? throw new InvalidOperationException("Nothing was pooled.");
        if (pooling == Pooling.Mean && _count > 1)
        {
            TensorPrimitives.Multiply(result, 1.0 / _count, result);
        }

        return result;
    }

    /// <summary>The distinct kernel sets among rotated copies; pooling over them equals pooling over all rotations.</summary>
    /// <remarks>Each distinct set occurs equally often (an orbit of the rotation group), so means are unchanged.</remarks>
    public static List<double[]?[]> Distinct(IEnumerable<double[]?[]> kernelSets)
    {
        var result = new List<double[]?[]>();
        foreach (var set in kernelSets)
        {
            bool seen = result.Exists(s => SameKernels(s, set));
            if (!seen)
            {
                result.Add(set);
            }
        }

        return result;
    }

    private static bool SameKernels(double[]?[] a, double[]?[] b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] is null != b[i] is null || (a[i] is { } x && !x.AsSpan().SequenceEqual(b[i])))
            {
                return false;
            }
        }

        return true;
    }
}
