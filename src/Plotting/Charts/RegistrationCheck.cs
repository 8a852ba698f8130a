using System.Globalization;
using System.Numerics;
using Radiomics.Imaging;

namespace Radiomics.Plotting.Charts;

/// <summary>
/// Views to judge a registration: a checkerboard of fixed and (resampled) moving image, the difference to the
/// fixed image before and after registration, and the Jacobian determinant of the deformation (values ≤ 0 mean the
/// transform folds space). All inputs must share the fixed image's grid.
/// </summary>
public static class RegistrationCheck
{
    /// <summary>Alternating tiles of the fixed and the moving image on one slice; misalignment shows as broken edges at tile borders.</summary>
    public static Figure Checkerboard<T>(Image<T> fixedImage, Image<T> moving, int? slice = null, int tiles = 8, SlicePlane plane = SlicePlane.Axial)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(fixedImage);
        ArgumentNullException.ThrowIfNull(moving);
        ArgumentOutOfRangeException.ThrowIfLessThan(tiles, 2);
        moving.Geometry.EnsureMatches(fixedImage.Geometry, "registration checkerboard: the moving image must be resampled onto the fixed grid");
        var view = SliceView.Of(fixedImage.Geometry, plane, slice);
        var a = view.Plan.Slice(fixedImage, view.Slice, v => double.CreateTruncating(v));
        var b = view.Plan.Slice(moving, view.Slice, v => double.CreateTruncating(v));
        int tileRows = Math.Max(1, (a.Length + tiles - 1) / tiles), tileColumns = Math.Max(1, (a[0].Length + tiles - 1) / tiles);
        for (int r = 0; r < a.Length; r++)
        {
            for (int c = 0; c < a[r].Length; c++)
            {
                if (((r / tileRows) + (c / tileColumns)) % 2 == 1)
                {
                    a[r][c] = b[r][c];
                }
            }
        }

        var window = IntensityWindow.Percentiles(fixedImage);
        return view.Figure(
            new HeatmapTrace { Name = "checkerboard", Z = a, Colorscale = "Greys", ZMin = window.Min, ZMax = window.Max, ZSmooth = false },
            "Checkerboard: fixed and moving");
    }

    /// <summary>Moving minus fixed before and after registration, side by side on one colour scale centred on 0.</summary>
    public static Figure Difference<T>(Image<T> fixedImage, Image<T> movingBefore, Image<T> movingAfter, int? slice = null, SlicePlane plane = SlicePlane.Axial)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(fixedImage);
        ArgumentNullException.ThrowIfNull(movingBefore);
        ArgumentNullException.ThrowIfNull(movingAfter);
        movingBefore.Geometry.EnsureMatches(fixedImage.Geometry, "registration difference: the moving image before registration must be resampled onto the fixed grid");
        movingAfter.Geometry.EnsureMatches(fixedImage.Geometry, "registration difference: the registered moving image must be on the fixed grid");
        var view = SliceView.Of(fixedImage.Geometry, plane, slice);
        var f = view.Plan.Slice(fixedImage, view.Slice, v => double.CreateTruncating(v));
        var before = Subtract(view.Plan.Slice(movingBefore, view.Slice, v => double.CreateTruncating(v)), f);
        var after = Subtract(view.Plan.Slice(movingAfter, view.Slice, v => double.CreateTruncating(v)), f);
        double limit = Math.Max(MaxAbs(before), MaxAbs(after));
        limit = limit > 0 ? limit : 1;
        HeatmapTrace Trace(string name, double[][] z, bool scale) => new()
        {
            Name = name, Z = z, Colorscale = "RdBu", ZMin = -limit, ZMax = limit, ZMid = 0, ShowScale = scale, ZSmooth = false,
            ColorBar = scale ? new ColorBar { Title = "moving − fixed" } : null,
        };
        return Chart.Grid(
            1,
            2,
            view.Figure(Trace("before", before, false), string.Create(CultureInfo.InvariantCulture, $"Before: mean |difference| {MeanAbs(before):G4}")),
            view.Figure(Trace("after", after, true), string.Create(CultureInfo.InvariantCulture, $"After: mean |difference| {MeanAbs(after):G4}")))
            .WithTitle("Difference to the fixed image");
    }

    /// <summary>
    /// The Jacobian determinant of a deformation on one slice, on a diverging scale centred on 1 (volume kept):
    /// below 1 contraction, above 1 expansion; the title counts folding voxels (≤ 0) in the whole volume or mask.
    /// </summary>
    public static Figure JacobianDeterminant<T>(Image<T> jacobian, LabelMap? mask = null, int? slice = null, SlicePlane plane = SlicePlane.Axial)
        where T : unmanaged, INumber<T> =>
        JacobianDeterminant<T, T>(jacobian, mask, anatomy: null, slice, plane);

    /// <summary>
    /// The Jacobian determinant drawn over the anatomy: <paramref name="anatomy"/> (the fixed image, on the same grid)
    /// in grey underneath, det J in colour on top, only inside <paramref name="mask"/> when one is given.
    /// </summary>
    public static Figure JacobianDeterminant<T, TAnatomy>(Image<T> jacobian, LabelMap? mask, Image<TAnatomy>? anatomy, int? slice = null, SlicePlane plane = SlicePlane.Axial)
        where T : unmanaged, INumber<T>
        where TAnatomy : unmanaged, INumber<TAnatomy>
    {
        ArgumentNullException.ThrowIfNull(jacobian);
        mask?.Geometry.EnsureMatches(jacobian.Geometry, "Jacobian determinant mask");
        var view = SliceView.Of(jacobian.Geometry, plane, slice);
        var z = view.Plan.Slice(jacobian, view.Slice, v => double.CreateTruncating(v));
        if (mask is not null)
        {
            var inside = view.Plan.Slice(mask.Image, view.Slice, v => v);
            for (int r = 0; r < z.Length; r++)
            {
                for (int c = 0; c < z[r].Length; c++)
                {
                    z[r][c] = inside[r][c] == 0 ? double.NaN : z[r][c];
                }
            }
        }

        long folding = 0, counted = 0;
        var voxels = jacobian.Voxels;
        var maskVoxels = mask is null ? default : mask.Voxels;
        for (int i = 0; i < voxels.Length; i++)
        {
            if (mask is null || maskVoxels[i] != 0)
            {
                counted++;
                folding += double.CreateTruncating(voxels[i]) <= 0 ? 1 : 0;
            }
        }

        var figure = view.Figure(
            new HeatmapTrace
            {
                Name = "det J", Z = z, Colorscale = "RdBu", ReverseScale = true, ZMin = 0, ZMax = 2, ZMid = 1, ZSmooth = false,
                HoverOnGaps = false, ColorBar = new ColorBar { Title = "det J" },
            },
            string.Create(CultureInfo.InvariantCulture, $"Jacobian determinant: {folding} of {counted} voxels fold (det J ≤ 0)"));
        if (anatomy is null)
        {
            return figure;
        }

        anatomy.Geometry.EnsureMatches(jacobian.Geometry, "Jacobian determinant anatomy");
        var window = IntensityWindow.Percentiles(anatomy);
        var grey = (HeatmapTrace)view.Figure(
            new HeatmapTrace
            {
                Name = "anatomy", Z = view.Plan.Slice(anatomy, view.Slice, v => double.CreateTruncating(v)), Colorscale = "Greys",
                ZMin = window.Min, ZMax = window.Max, ZSmooth = false, ShowScale = false, HoverTemplate = "%{z:.0f}<extra>anatomy</extra>",
            },
            "").Data[0];
        // Underneath: det J is NaN outside the mask, and plotly.js leaves NaN cells of a heatmap transparent.
        return figure with { Data = [grey, .. figure.Data] };
    }

    private static double[][] Subtract(double[][] a, double[][] b)
    {
        for (int r = 0; r < a.Length; r++)
        {
            for (int c = 0; c < a[r].Length; c++)
            {
                a[r][c] -= b[r][c];
            }
        }

        return a;
    }

    private static double MaxAbs(double[][] z) => z.SelectMany(r => r).Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();

    private static double MeanAbs(double[][] z) => z.SelectMany(r => r).Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Average();
}
