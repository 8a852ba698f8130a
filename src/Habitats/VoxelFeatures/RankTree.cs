namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// A Fenwick (binary indexed) tree of counts over intensity ranks: adding or removing a voxel and finding the k-th
/// smallest value both take O(log M) for M distinct intensities, which makes exact sliding-window order statistics
/// (minimum, median, percentiles, maximum) cheap.
/// </summary>
internal sealed class RankTree
{
    private readonly int[] _tree;
    private readonly int _top;

    public RankTree(int ranks)
    {
        _tree = new int[ranks + 1];
        _top = 1;
        while (_top * 2 <= ranks)
        {
            _top *= 2;
        }
    }

    public void Add(int rank, int delta)
    {
        for (int i = rank + 1; i < _tree.Length; i += i & -i)
        {
            _tree[i] += delta;
        }
    }

    /// <summary>The rank of the k-th smallest element (k from 1).</summary>
    public int Select(int k)
    {
        int pos = 0;
        for (int step = _top; step > 0; step >>= 1)
        {
            int next = pos + step;
            if (next < _tree.Length && _tree[next] < k)
            {
                pos = next;
                k -= _tree[next];
            }
        }

        return pos;
    }
}
