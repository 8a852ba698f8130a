namespace Radiomics.Features.PyRadiomics;

/// <summary>
/// An image cropped to the bounding box of its ROI, as PyRadiomics' feature classes see it: arrays in C order with
/// index [z, y, x] (x fastest, as in the toolkit's images), the ROI as booleans and the spacing in (z, y, x) order.
/// </summary>
internal sealed class PyRadiomicsVolume
{
    public PyRadiomicsVolume(int nz, int ny, int nx, double[] intensities, bool[] mask, (double Z, double Y, double X) spacing)
    {
        Size = [nz, ny, nx];
        Intensities = intensities;
        Mask = mask;
        Spacing = spacing;
    }

    /// <summary>Array size in (z, y, x) order.</summary>
    public int[] Size { get; }

    public double[] Intensities { get; }

    public bool[] Mask { get; }

    public (double Z, double Y, double X) Spacing { get; }

    private (int Z, int Y, int X, int I)[]? _roiVoxels;

    public int Count => Intensities.Length;

    /// <summary>The ROI's voxels in array order, as (z, y, x) and their array index; computed once.</summary>
    public (int Z, int Y, int X, int I)[] RoiVoxels => _roiVoxels ??= FindRoiVoxels();

    public int Stride(int dim) => dim switch { 0 => Size[1] * Size[2], 1 => Size[2], _ => 1 };

    /// <summary>The ROI's intensities in array order.</summary>
    public double[] RoiValues()
    {
        var values = new List<double>();
        for (int i = 0; i < Count; i++)
        {
            if (Mask[i])
            {
                values.Add(Intensities[i]);
            }
        }

        return [.. values];
    }

    private (int Z, int Y, int X, int I)[] FindRoiVoxels()
    {
        var voxels = new List<(int, int, int, int)>();
        int i = 0;
        for (int z = 0; z < Size[0]; z++)
        {
            for (int y = 0; y < Size[1]; y++)
            {
                for (int x = 0; x < Size[2]; x++, i++)
                {
                    if (Mask[i])
                    {
                        voxels.Add((z, y, x, i));
                    }
                }
            }
        }

        return [.. voxels];
    }

    /// <summary>The neighbour of voxel (z, y, x) at <paramref name="offset"/>, or -1 outside the array.</summary>
    public int Neighbour(int z, int y, int x, int[] offset)
    {
        int nz = z + offset[0], ny = y + offset[1], nx = x + offset[2];
        if (nz < 0 || ny < 0 || nx < 0 || nz >= Size[0] || ny >= Size[1] || nx >= Size[2])
        {
            return -1;
        }

        return (((nz * Size[1]) + ny) * Size[2]) + nx;
    }
}
