using Radiomics.Imaging;

namespace Radiomics.Habitats.Model;

/// <summary>
/// Voxel-wise habitat transitions between two registered time points on a common grid: how many voxels (and mm³) of
/// habitat a at the first time point carry habitat b at the second. Label 0 is "outside the region", so growth
/// (0 → b) and shrinkage (a → 0) are counted too.
/// </summary>
public sealed class HabitatTransitions
{
    private readonly long[,] _counts;

    private HabitatTransitions(long[,] counts, int k, double voxelVolume)
    {
        _counts = counts;
        K = k;
        VoxelVolume = voxelVolume;
    }

    public int K { get; }

    public double VoxelVolume { get; }

    /// <summary>Voxels with habitat <paramref name="from"/> before and <paramref name="to"/> after (0..k each).</summary>
    public long Count(int from, int to) => _counts[from, to];

    public double VolumeMm3(int from, int to) => _counts[from, to] * VoxelVolume;

    /// <summary>Share of habitat <paramref name="from"/>'s voxels that became <paramref name="to"/> (rows sum to 1; NaN for an empty habitat).</summary>
    public double Probability(int from, int to)
    {
        long row = 0;
        for (int b = 0; b <= K; b++)
        {
            row += _counts[from, b];
        }

        return row == 0 ? double.NaN : (double)_counts[from, to] / row;
    }

    /// <summary>Share of voxels inside the region at both time points that kept their habitat.</summary>
    public double Stability
    {
        get
        {
            long both = 0, same = 0;
            for (int a = 1; a <= K; a++)
            {
                for (int b = 1; b <= K; b++)
                {
                    both += _counts[a, b];
                    same += a == b ? _counts[a, b] : 0;
                }
            }

            return both == 0 ? double.NaN : (double)same / both;
        }
    }

    /// <summary>The (k + 1) × (k + 1) count matrix, index 0 = outside the region.</summary>
    public long[,] ToMatrix() => (long[,])_counts.Clone();

    /// <summary>
    /// Transitions from a (k + 1) × (k + 1) count matrix (index 0 = outside the region), e.g. one read back from a
    /// study's <c>transitions.csv</c>; <paramref name="voxelVolume"/> is one voxel's volume in mm³.
    /// </summary>
    public static HabitatTransitions FromCounts(long[,] counts, double voxelVolume)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int size = counts.GetLength(0);
        if (size < 2 || counts.GetLength(1) != size)
        {
            throw new ArgumentException($"A transition matrix is (k + 1) × (k + 1) with k ≥ 1; this one is {size} × {counts.GetLength(1)}.", nameof(counts));
        }

        if (!(voxelVolume > 0) || !double.IsFinite(voxelVolume))
        {
            throw new ArgumentOutOfRangeException(nameof(voxelVolume), voxelVolume, "A voxel volume is positive and finite.");
        }

        foreach (long c in counts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(c, nameof(counts));
        }

        return new HabitatTransitions((long[,])counts.Clone(), size - 1, voxelVolume);
    }

    /// <summary>
    /// Counts transitions between habitat maps on the same grid (a follow-up resampled onto the baseline, or both
    /// onto a common reference). Labels above <paramref name="k"/> are an error.
    /// </summary>
    public static HabitatTransitions Compute(LabelMap before, LabelMap after, int k)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        before.Geometry.EnsureMatches(after.Geometry, "habitat transitions: the two time points must be on a common grid (register and resample first)");
        var counts = new long[k + 1, k + 1];
        var a = before.Voxels;
        var b = after.Voxels;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] > k || b[i] > k)
            {
                throw new ArgumentException($"Voxel {i} has habitat {Math.Max(a[i], b[i])}, above k = {k}.", a[i] > k ? nameof(before) : nameof(after));
            }

            counts[a[i], b[i]]++;
        }

        return new HabitatTransitions(counts, k, before.Geometry.VoxelVolume);
    }
}
