using System.Globalization;
using System.Numerics;
using Radiomics.Imaging;

namespace Radiomics.Plotting.Charts;

/// <summary>
/// An image slice with an optional mask or habitat overlay and a slider across slices: axes in mm (LPS world
/// coordinates when the image is axis-aligned), equal scales so the aspect ratio follows the voxel spacing, the
/// overlay's labels in distinct colours with label 0 transparent, and buttons to hide the overlay. Slices are
/// animation frames, so the slider swaps data without rebuilding the plot.
/// </summary>
public static class SliceViewer
{
    public static Figure Create<T>(Image<T> image, LabelMap? overlay = null, SliceViewerSettings? settings = null)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(image);
        settings ??= new SliceViewerSettings();
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxInPlaneSize, 2, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxSlices, 1, nameof(settings));
        if (image.Components != 1)
        {
            throw new ArgumentException($"The slice viewer shows single-component images; this one has {image.Components} components (pick one with Channel).", nameof(image));
        }

        overlay?.Geometry.EnsureMatches(image.Geometry, "slice viewer overlay");
        if (settings.CropToOverlay && overlay?.BoundingBox() is { } box)
        {
            var padded = box.Pad(settings.CropMargin, image.Geometry.Size);
            image = image.Crop(padded);
            overlay = overlay.Crop(padded);
        }

        var geometry = image.Geometry;
        var plan = ImageSlices.Plan(settings.Plane, geometry.Size, settings.MaxInPlaneSize);
        var columns = AxisScale.For(geometry, plan.ColumnAxis);
        var rows = AxisScale.For(geometry, plan.RowAxis);
        var normal = AxisScale.For(geometry, plan.NormalAxis);
        int sliceStride = (plan.SliceCount + settings.MaxSlices - 1) / settings.MaxSlices;
        var slices = Enumerable.Range(0, plan.SliceCount).Where(s => s % sliceStride == 0).ToArray();
        var window = settings.Window ?? IntensityWindow.Percentiles(image);
        int labelCount = overlay?.Labels().Where(l => l > 0).DefaultIfEmpty((byte)0).Max() ?? 0;
        int initial = InitialSlice(settings, overlay, plan, slices);

        var imageTrace = new HeatmapTrace
        {
            Name = "image",
            Z = plan.Slice(image, initial, v => double.CreateTruncating(v)),
            X0 = columns.Start,
            DX = columns.Step * plan.Stride,
            Y0 = rows.Start,
            DY = rows.Step * plan.Stride,
            Colorscale = settings.Colorscale,
            ZMin = window.Min,
            ZMax = window.Max,
            ZSmooth = false,
            ColorBar = new ColorBar { Title = "intensity", Len = 0.8 },
            HoverTemplate = "%{x:.1f}, %{y:.1f} mm: %{z:.4g}<extra></extra>",
        };
        var traces = new List<Trace> { imageTrace };
        if (overlay is not null && labelCount > 0)
        {
            traces.Add(OverlayTrace(overlay, plan, initial, labelCount, settings) with
            {
                X0 = imageTrace.X0, DX = imageTrace.DX, Y0 = imageTrace.Y0, DY = imageTrace.DY,
            });
        }

        var frames = new List<Frame>(slices.Length);
        var steps = new List<SliderStep>(slices.Length);
        foreach (int s in slices)
        {
            string name = s.ToString(CultureInfo.InvariantCulture);
            var data = new List<Trace> { new HeatmapTrace { Z = plan.Slice(image, s, v => double.CreateTruncating(v)) } };
            if (traces.Count > 1)
            {
                data.Add(new HeatmapTrace { Z = plan.Slice(overlay!.Image, s, LabelValue) });
            }

            frames.Add(new Frame(name, data) { Traces = [.. Enumerable.Range(0, data.Count)] });
            steps.Add(SliderStep.Animate(name, normal.At(s).ToString("0.#", CultureInfo.InvariantCulture)));
        }

        var layout = new Layout
        {
            Title = settings.Title is null ? null : new Title(settings.Title),
            Height = 640,
            XAxis = new Axis { Title = columns.Title, Constrain = AxisConstrain.Domain, ShowGrid = false, ZeroLine = false },
            YAxis = new Axis
            {
                Title = rows.Title,
                ScaleAnchor = "x",
                ScaleRatio = 1,
                Constrain = AxisConstrain.Domain,
                ShowGrid = false,
                ZeroLine = false,
                // Axial views put the first image row at the top like radiology viewers; coronal and sagittal views
                // keep superior up.
                AutoRange = settings.Plane == SlicePlane.Axial ? "reversed" : true,
            },
            Sliders =
            [
                new Slider
                {
                    Steps = steps,
                    Active = Array.IndexOf(slices, initial),
                    CurrentValue = new CurrentValue { Prefix = $"slice at {normal.Title.Split(' ')[0]} = ", Suffix = " mm" },
                    Pad = new Padding { T = 40 },
                },
            ],
            UpdateMenus = traces.Count > 1
                ?
                [
                    new UpdateMenu
                    {
                        Type = MenuType.Buttons,
                        Direction = MenuDirection.Left,
                        X = 0,
                        Y = 1.08,
                        XAnchor = HorizontalAnchor.Left,
                        YAnchor = VerticalAnchor.Bottom,
                        Buttons =
                        [
                            new MenuButton($"{settings.OverlayName} on", "restyle", [new Dictionary<string, object> { ["visible"] = true }, new[] { 1 }]),
                            new MenuButton($"{settings.OverlayName} off", "restyle", [new Dictionary<string, object> { ["visible"] = false }, new[] { 1 }]),
                        ],
                    },
                ]
                : null,
        };
        return new Figure(traces, layout) { Frames = frames };
    }

    private static double LabelValue(byte label) => label == 0 ? double.NaN : label;

    private static HeatmapTrace OverlayTrace(LabelMap overlay, ImageSlices plan, int slice, int labelCount, SliceViewerSettings settings)
    {
        var names = Enumerable.Range(1, labelCount)
            .Select(l => settings.LabelNames is { } n && l - 1 < n.Count ? n[l - 1] : $"label {l}")
            .ToArray();
        return new HeatmapTrace
        {
            Name = settings.OverlayName,
            Z = plan.Slice(overlay.Image, slice, LabelValue),
            Colorscale = Colorscale.Discrete([.. Enumerable.Range(0, labelCount).Select(i => Palette.Color(i))]),
            ZMin = 0.5,
            ZMax = labelCount + 0.5,
            Opacity = settings.OverlayOpacity,
            ZSmooth = false,
            HoverOnGaps = false,
            ShowScale = labelCount > 1,
            ColorBar = labelCount > 1
                ? new ColorBar { Title = settings.OverlayName, TickVals = [.. Enumerable.Range(1, labelCount).Select(l => (double)l)], TickText = names, X = 1.18, Len = 0.5 }
                : null,
            HoverTemplate = $"{settings.OverlayName} %{{z}}<extra></extra>",
        };
    }

    private static int InitialSlice(SliceViewerSettings settings, LabelMap? overlay, ImageSlices plan, int[] slices)
    {
        if (settings.InitialSlice is int requested)
        {
            if ((uint)requested >= (uint)plan.SliceCount)
            {
                throw new ArgumentOutOfRangeException(nameof(settings), $"Initial slice {requested} lies outside 0..{plan.SliceCount - 1} (after cropping to the overlay).");
            }

            return slices.MinBy(s => Math.Abs(s - requested));
        }

        if (overlay is null)
        {
            return slices[slices.Length / 2];
        }

        var area = new long[plan.SliceCount];
        var size = overlay.Geometry.Size;
        var voxels = overlay.Voxels;
        for (int i = 0; i < voxels.Length; i++)
        {
            if (voxels[i] != 0)
            {
                int x = i % size.X, y = (i / size.X) % size.Y, z = i / (size.X * size.Y);
                area[plan.NormalAxis switch { 0 => x, 1 => y, _ => z }]++;
            }
        }

        return area.Max() == 0 ? slices[slices.Length / 2] : slices.MaxBy(s => area[s]);
    }
}
