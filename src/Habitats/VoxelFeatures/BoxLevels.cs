using System.Numerics;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// The voxels of one kernel box grouped by grey level as <see cref="BoxBits{T}"/> sets: the levels present, the set of
/// each, and the box's voxels that can enter (N_v). Reloaded per kernel; only the levels present are cleared. One per
/// thread.
/// </summary>
internal sealed class BoxLevels<T>
    where T : struct, IBinaryInteger<T>
{
    private readonly T[] _sets;
    private readonly int[] _present;

    public BoxLevels(int greyLevels, int boxVoxels)
    {
        _sets = new T[greyLevels + 1];
        _present = new int[Math.Min(greyLevels, boxVoxels)];
    }

    /// <summary>The number of grey levels present in the box.</summary>
    public int Count { get; private set; }

    /// <summary>The box voxels with a grey level (that can enter the neighbourhood).</summary>
    public int Voxels { get; private set; }

    /// <summary>The k-th grey level present (1..N_g).</summary>
    public int Level(int k) => _present[k];

    /// <summary>The box voxels of the k-th grey level present.</summary>
    public T Set(int k) => _sets[_present[k]];

    /// <summary>Groups the voxels of the box whose corner is <paramref name="corner"/> in <paramref name="padded"/>.</summary>
    public void Load(PaddedLevels padded, int corner)
    {
        for (int k = 0; k < Count; k++)
        {
            _sets[_present[k]] = T.Zero;
        }

        Count = 0;
        Voxels = 0;
        var levels = padded.Levels;
        var offsets = padded.BoxOffsets;
        for (int i = 0; i < offsets.Length; i++)
        {
            int level = levels[corner + offsets[i]];
            if (level == 0)
            {
                continue;
            }

            if (_sets[level] == T.Zero)
            {
                _present[Count++] = level;
            }

            _sets[level] |= T.One << i;
            Voxels++;
        }
    }
}
