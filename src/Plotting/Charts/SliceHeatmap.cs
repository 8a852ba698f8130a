using System.Numerics;
using Radiomics.Imaging;

namespace Radiomics.Plotting.Charts;

/// <summary>One slice of an image as a heatmap, in mm with square pixels, in one call (<c>Chart.Slice(image)</c>).</summary>
public static class SliceHeatmap
{
    /// <summary>
    /// Slice <paramref name="slice"/> (default: the middle one) of <paramref name="plane"/>, in grey over
    /// <paramref name="window"/> (default: the 0.5th–99.5th percentile), axes in mm from the image geometry. Large
    /// slices are shown at most 384 pixels across (strided), as <see cref="SliceViewer"/> does.
    /// </summary>
    public static Figure Create<T>(Image<T> image, int? slice = null, SlicePlane plane = SlicePlane.Axial, IntensityWindow? window = null, Colorscale? colorscale = null, string? title = null)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(image);
        var view = SliceView.Of(image.Geometry, plane, slice);
        var range = window ?? IntensityWindow.Percentiles(image);
        var z = view.Plan.Slice(image, view.Slice, v => double.CreateTruncating(v));
        return view.Figure(
            new HeatmapTrace { Z = z, Colorscale = colorscale ?? Colorscale.Named("Greys"), ZMin = range.Min, ZMax = range.Max, ZSmooth = false },
            title ?? $"{plane} slice {view.Slice}");
    }
}
