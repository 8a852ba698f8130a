using System.Globalization;
using Radiomics.Imaging;

namespace Radiomics.IO.Dicom;

/// <summary>
/// How the slices of one series make a volume, decided from headers alone as ITK/GDCM do: split by frame of reference,
/// orientation, size, spacing, echo and temporal position (and acquisition where positions repeat), sort along the
/// slice normal, check spacing, gaps, duplicates and tilt.
/// </summary>
/// <param name="Slices">The slices along z, as read.</param>
/// <param name="Geometry">The output grid.</param>
/// <param name="SourcePositions">With resampling: each slice's distance along z from the first, mm; else null.</param>
internal sealed record DicomSeriesPlan(IReadOnlyList<DicomSlice> Slices, ImageGeometry Geometry, double[]? SourcePositions)
{
    public static DicomSeriesPlan Create(IReadOnlyList<DicomSlice> slices, string label, DicomSeriesOptions options)
    {
        if (slices.Count == 0)
        {
            throw new DicomSeriesException(label, DicomSeriesProblem.NoSeries, "no image slices.");
        }

        var volumes = Split(slices, label, options);
        var chosen = volumes[0];
        if (volumes.Count > 1 || options.Volume is > 1)
        {
            if (options.Volume is not { } v || v < 1 || v > volumes.Count)
            {
                string what = string.Join("; ", volumes.Select((g, i) => $"{i + 1}: {g.Description} ({g.Slices.Count} slices)"));
                var problem = volumes.Any(g => g.Structural) ? DicomSeriesProblem.MixedSlices : DicomSeriesProblem.Ambiguous;
                throw new DicomSeriesException(label, problem, $"the slices make {volumes.Count} volumes ({what}); choose one by its number (volume option){(problem == DicomSeriesProblem.MixedSlices ? " or read the files separately" : "")}.");
            }

            chosen = volumes[v - 1];
        }

        return Stack(chosen.Slices, label, options);
    }

    private sealed record Volume(string Description, bool Structural, List<DicomSlice> Slices);

    private static List<Volume> Split(IReadOnlyList<DicomSlice> slices, string label, DicomSeriesOptions options)
    {
        static string R(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
        var groups = slices
            .GroupBy(s => (
                Structure: $"frame of reference {s.FrameOfReferenceUid ?? "none"}, orientation {R(s.RowDirection.X)}\\{R(s.RowDirection.Y)}\\{R(s.RowDirection.Z)}\\{R(s.ColumnDirection.X)}\\{R(s.ColumnDirection.Y)}\\{R(s.ColumnDirection.Z)}, size {s.Format.Columns}×{s.Format.Rows}, pixel spacing {R(s.SpacingX)}×{R(s.SpacingY)} mm",
                Content: (s.Echo.Length > 0 ? $"echo {s.Echo}" : "") + (s.TemporalPosition.Length > 0 ? $" temporal position {s.TemporalPosition}" : "")))
            .OrderBy(g => g.Key.Structure, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Content, StringComparer.Ordinal)
            .ToList();
        bool structural = groups.Select(g => g.Key.Structure).Distinct().Count() > 1;
        var result = new List<Volume>();
        foreach (var g in groups)
        {
            var list = g.ToList();
            string description = structural ? g.Key.Structure : g.Key.Content.Trim();

            // Repeated positions with different acquisition numbers are separate acquisitions of the same volume.
            var normal = list[0].Normal;
            bool repeated = list.GroupBy(s => Math.Round(s.Position.Dot(normal), 2)).Any(p => p.Count() > 1);
            if (repeated && list.Select(s => s.Acquisition).Distinct().Count() > 1)
            {
                foreach (var a in list.GroupBy(s => s.Acquisition).OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    result.Add(new Volume($"{description} acquisition {a.Key}".Trim(), structural, a.ToList()));
                }
            }
            else
            {
                result.Add(new Volume(description.Length == 0 ? "all slices" : description, structural, list));
            }
        }

        return result;
    }

    private static DicomSeriesPlan Stack(List<DicomSlice> slices, string label, DicomSeriesOptions options)
    {
        var normal = slices[0].Normal;
        var sorted = slices.OrderBy(s => s.Position.Dot(normal)).ThenBy(s => s.InstanceNumber).ToList();
        var first = sorted[0];
        var size = new Size3(first.Format.Columns, first.Format.Rows, sorted.Count);
        if (size.Count > Array.MaxLength)
        {
            throw new ImageFileException(first.FilePath, ImageFileProblem.TooLarge, $"series {label} would be {size} voxels, more than an array can hold.");
        }

        if (sorted.Count == 1)
        {
            double dz = first.SpacingBetweenSlices ?? first.SliceThickness ?? 1;
            var single = new ImageGeometry(size, new Vec3(first.SpacingX, first.SpacingY, dz), first.Position, Matrix3.FromColumns(first.RowDirection, first.ColumnDirection, normal));
            return new DicomSeriesPlan(sorted, single, null);
        }

        var z = sorted.Select(s => s.Position.Dot(normal)).ToArray();
        for (int k = 1; k < z.Length; k++)
        {
            if (z[k] - z[k - 1] < 1e-3)
            {
                throw new DicomSeriesException(label, DicomSeriesProblem.DuplicateSlice, $"two slices at the same position {Mm(z[k])} mm along the normal: {Name(sorted[k - 1])} and {Name(sorted[k])}.");
            }
        }

        // Gantry tilt: slice positions move sideways as well as along the normal.
        var stack = sorted[^1].Position - sorted[0].Position;
        double along = stack.Dot(normal);
        var sideways = stack - along * normal;
        bool tilted = sideways.Norm > Math.Max(1e-3 * Math.Abs(along), 0.01);
        if (tilted && !options.ResampleIrregular)
        {
            double degrees = Math.Atan2(sideways.Norm, along) * 180 / Math.PI;
            throw new DicomSeriesException(label, DicomSeriesProblem.GantryTilt, $"the slices are sheared by {degrees.ToString("F2", CultureInfo.InvariantCulture)}° (gantry tilt); accept it explicitly to keep the sheared grid.");
        }

        var steps = new double[z.Length - 1];
        for (int k = 0; k < steps.Length; k++)
        {
            steps[k] = z[k + 1] - z[k];
        }

        double min = steps.Min(), max = steps.Max();
        var third = tilted ? stack / along : normal;
        var direction = Matrix3.FromColumns(first.RowDirection, first.ColumnDirection, third.Normalised());
        double stretch = third.Norm;
        if (max - min <= options.SpacingTolerance * min)
        {
            double dz = (z[^1] - z[0]) / (z.Length - 1) * stretch;
            var regular = new ImageGeometry(size, new Vec3(first.SpacingX, first.SpacingY, dz), first.Position, direction);
            return new DicomSeriesPlan(sorted, regular, null);
        }

        int gap = Array.IndexOf(steps, max);
        if (!options.ResampleIrregular)
        {
            double ratio = max / min;
            if (Math.Abs(ratio - Math.Round(ratio)) <= options.SpacingTolerance * Math.Round(ratio))
            {
                throw new DicomSeriesException(label, DicomSeriesProblem.MissingSlice, $"{Math.Round(ratio) - 1} slice(s) missing between {Mm(z[gap])} and {Mm(z[gap + 1])} mm along the normal (after {Name(sorted[gap])}): a gap of {Mm(max)} mm where the spacing is {Mm(min)} mm; accept it explicitly to resample.");
            }

            int small = Array.IndexOf(steps, min);
            throw new DicomSeriesException(label, DicomSeriesProblem.IrregularSpacing, $"the slice spacing varies from {Mm(min)} mm (after {Name(sorted[small])}) to {Mm(max)} mm (after {Name(sorted[gap])}); accept it explicitly to resample onto {Mm(min)} mm.");
        }

        int count = (int)Math.Round((z[^1] - z[0]) / min) + 1;
        var resampled = new ImageGeometry(new Size3(size.X, size.Y, count), new Vec3(first.SpacingX, first.SpacingY, (z[^1] - z[0]) / (count - 1) * stretch), first.Position, direction);
        return new DicomSeriesPlan(sorted, resampled, z.Select(v => v - z[0]).ToArray());
    }

    private static string Mm(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Name(DicomSlice s) =>
        Path.GetFileName(s.FilePath) + (s.FrameCount > 1 ? $" frame {s.Frame + 1}" : "");
}
