using Radiomics.Imaging;

namespace Radiomics.Plotting.Charts;

/// <summary>One slice of a grid shown as a heatmap in mm with the true aspect ratio (shared by the single-slice charts).</summary>
internal readonly record struct SliceView(ImageSlices Plan, AxisScale Columns, AxisScale Rows, int Slice)
{
    public static SliceView Of(ImageGeometry geometry, SlicePlane plane, int? slice, int maxInPlane = 384)
    {
        var plan = ImageSlices.Plan(plane, geometry.Size, maxInPlane);
        int s = slice ?? plan.SliceCount / 2;
        if ((uint)s >= (uint)plan.SliceCount)
        {
            throw new ArgumentOutOfRangeException(nameof(slice), $"Slice {s} lies outside 0..{plan.SliceCount - 1}.");
        }

        return new SliceView(plan, AxisScale.For(geometry, plan.ColumnAxis), AxisScale.For(geometry, plan.RowAxis), s);
    }

    public Figure Figure(HeatmapTrace trace, string title) =>
        new Figure(
            [trace with { X0 = Columns.Start, DX = Columns.Step * Plan.Stride, Y0 = Rows.Start, DY = Rows.Step * Plan.Stride }],
            new Layout
            {
                Title = title,
                XAxis = new Axis { Title = Columns.Title, Constrain = AxisConstrain.Domain, ShowGrid = false, ZeroLine = false },
                YAxis = new Axis
                {
                    Title = Rows.Title, ScaleAnchor = "x", ScaleRatio = 1, Constrain = AxisConstrain.Domain, ShowGrid = false, ZeroLine = false,
                    AutoRange = Plan.Plane == SlicePlane.Axial ? "reversed" : true,
                },
            });
}
