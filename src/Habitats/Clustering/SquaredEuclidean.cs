using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Radiomics.Habitats.Clustering;

/// <summary>Squared Euclidean distance between two short vectors: for single pairs (inertia, centre shifts).</summary>
/// <remarks>
/// Voxel feature vectors have 4 to 32 components. A library call per pair costs more than the arithmetic at these
/// lengths, so this is an inlined <see cref="Vector{T}"/> loop; it computes Σ(a−b)² directly rather than
/// ‖a‖²−2a·b+‖b‖², which keeps full precision without centring the data first. Row-to-centres distances in bulk
/// use <see cref="CentreDistances"/>.
/// </remarks>
internal static class SquaredEuclidean
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length;
        ref double pa = ref MemoryMarshal.GetReference(a);
        ref double pb = ref MemoryMarshal.GetReference(b);
        int i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var acc = Vector<double>.Zero;
            for (; i <= n - Vector<double>.Count; i += Vector<double>.Count)
            {
                var diff = Vector.LoadUnsafe(ref pa, (nuint)i) - Vector.LoadUnsafe(ref pb, (nuint)i);
                acc += diff * diff;
            }

            sum = Vector.Sum(acc);
        }

        for (; i < n; i++)
        {
            double diff = Unsafe.Add(ref pa, i) - Unsafe.Add(ref pb, i);
            sum += diff * diff;
        }

        return sum;
    }
}
