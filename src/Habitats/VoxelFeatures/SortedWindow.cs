namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// The values of a small neighbourhood kept sorted: insertion and removal shift at most the kernel size, which for
/// kernels of a few dozen voxels is cheaper than a rank tree's O(log M) scattered memory accesses, and the k-th
/// value is read directly.
/// </summary>
internal sealed class SortedWindow(int capacity)
{
    private readonly double[] _values = new double[capacity];
    private int _count;

    public void Add(double value)
    {
        int at = Array.BinarySearch(_values, 0, _count, value);
        if (at < 0)
        {
            at = ~at;
        }

        Array.Copy(_values, at, _values, at + 1, _count - at);
        _values[at] = value;
        _count++;
    }

    public void Remove(double value)
    {
        int at = Array.BinarySearch(_values, 0, _count, value);
        Array.Copy(_values, at + 1, _values, at, _count - at - 1);
        _count--;
    }

    /// <summary>The k-th smallest value (k from 1).</summary>
    public double Select(int k) => _values[k - 1];
}
