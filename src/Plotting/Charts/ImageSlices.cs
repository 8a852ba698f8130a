using System.Numerics;
using Radiomics.Imaging;

namespace Radiomics.Plotting.Charts;

/// <summary>Extracts 2D slices of a volume as heatmap rows, subsampled by a stride for large images.</summary>
internal readonly record struct ImageSlices(SlicePlane Plane, Size3 Size, int Stride)
{
    public int ColumnAxis => Plane == SlicePlane.Sagittal ? 1 : 0;

    public int RowAxis => Plane == SlicePlane.Axial ? 1 : 2;

    public int NormalAxis => Plane switch { SlicePlane.Axial => 2, SlicePlane.Coronal => 1, _ => 0 };

    public int SliceCount => Size[NormalAxis];

    public int Columns => (Size[ColumnAxis] + Stride - 1) / Stride;

    public int Rows => (Size[RowAxis] + Stride - 1) / Stride;

    /// <summary>A plan that keeps each slice within <paramref name="maxInPlane"/> samples per side.</summary>
    public static ImageSlices Plan(SlicePlane plane, Size3 size, int maxInPlane)
    {
        var s = new ImageSlices(plane, size, 1);
        int longest = Math.Max(size[s.ColumnAxis], size[s.RowAxis]);
        return s with { Stride = Math.Max(1, (longest + maxInPlane - 1) / maxInPlane) };
    }

    public double[][] Slice<T>(Image<T> image, int slice, Func<T, double> value)
        where T : unmanaged, INumber<T>
    {
        var z = new double[Rows][];
        var index = new int[3];
        index[NormalAxis] = slice;
        for (int r = 0; r < Rows; r++)
        {
            var row = z[r] = new double[Columns];
            index[RowAxis] = r * Stride;
            for (int c = 0; c < Columns; c++)
            {
                index[ColumnAxis] = c * Stride;
                row[c] = value(image[index[0], index[1], index[2]]);
            }
        }

        return z;
    }
}
