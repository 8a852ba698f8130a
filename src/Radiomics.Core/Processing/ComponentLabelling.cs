using Radiomics.Imaging;

namespace Radiomics.Processing;

/// <summary>The connected components of a binary region: a component number per voxel and each component's size.</summary>
public sealed class ComponentLabelling
{
    private readonly long[] _sizes;

    internal ComponentLabelling(Image<int> labels, long[] sizes, Connectivity connectivity)
    {
        Labels = labels;
        _sizes = sizes;
        Connectivity = connectivity;
    }

    /// <summary>Component number 1..<see cref="Count"/> per voxel (0 outside the region), numbered in the order their
    /// first voxel appears in memory (x fastest, then y, then z). Same grid as the input.</summary>
    public Image<int> Labels { get; }

    public int Count => _sizes.Length;

    /// <summary>Voxels per component: <c>Sizes[i]</c> is the size of component i + 1.</summary>
    public IReadOnlyList<long> Sizes => _sizes;

    public Connectivity Connectivity { get; }

    /// <summary>Number of the largest component (the lowest number on ties); 0 when there is none.</summary>
    public int Largest
    {
        get
        {
            int best = 0;
            for (int i = 0; i < _sizes.Length; i++)
            {
                if (best == 0 || _sizes[i] > _sizes[best - 1])
                {
                    best = i + 1;
                }
            }

            return best;
        }
    }

    /// <summary>A binary map (label 1) of one component.</summary>
    public LabelMap Select(int component)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(component, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(component, Count);
        var src = Labels.Voxels;
        var dst = new byte[Labels.Geometry.VoxelCount];
        for (int i = 0; i < src.Length; i++)
        {
            dst[i] = src[i] == component ? (byte)1 : (byte)0;
        }

        return new LabelMap(new Image<byte>(Labels.Geometry, dst));
    }
}
