using System.Globalization;
using Radiomics.Imaging;

namespace Radiomics.IO.Dicom;

/// <summary>One segment of a DICOM SEG: number, label and how it was made.</summary>
public sealed record DicomSegment(int Number, string Label, string? AlgorithmType, string? AlgorithmName, IReadOnlyList<int>? CieLab);

/// <summary>
/// A DICOM Segmentation (SEG) read from file: binary (1-bit) or fractional (8-bit, inside at half the maximum
/// fractional value) frames, each placed by its own plane position and referenced segment number, onto the
/// segmentation's own grid or any reference grid with the same slice orientation.
/// </summary>
public sealed class DicomSegmentation
{
    public const string SopClassUid = "1.2.840.10008.5.1.4.1.1.66.4";

    private readonly DicomFile _file;
    private readonly IReadOnlyList<DicomSlice> _frames;
    private readonly int[] _segmentOfFrame;

    private DicomSegmentation(DicomFile file, IReadOnlyList<DicomSegment> segments, IReadOnlyList<DicomSlice> frames, int[] segmentOfFrame, string type)
    {
        _file = file;
        Segments = segments;
        _frames = frames;
        _segmentOfFrame = segmentOfFrame;
        SegmentationType = type;
        ReferencedSeriesInstanceUid = ReferencedSeriesOf(file.Dataset);
    }

    public string Path => _file.Path;

    public IReadOnlyList<DicomSegment> Segments { get; }

    /// <summary>BINARY or FRACTIONAL.</summary>
    public string SegmentationType { get; }

    public string? ReferencedSeriesInstanceUid { get; }

    public static bool IsSegmentation(DicomDataset ds) =>
        ds.GetString(DicomTags.Modality) == "SEG" || ds.GetString(DicomTags.SopClassUid) == SopClassUid;

    public static DicomSegmentation Read(string path) => FromFile(DicomFile.Open(path));

    /// <summary>The image series a segmentation's header names (ReferencedSeriesSequence), if any.</summary>
    public static string? ReferencedSeriesOf(DicomDataset ds) =>
        ds.GetItem(DicomTags.ReferencedSeriesSequence)?.GetString(DicomTags.SeriesInstanceUid);

    /// <summary>The segments listed in a header (no pixel data needed).</summary>
    public static IReadOnlyList<DicomSegment> SegmentsOf(DicomDataset ds, string path) =>
        ds.GetSequence(DicomTags.SegmentSequence).Select(s => new DicomSegment(
            s.GetInt(DicomTags.SegmentNumber, path) ?? 0,
            s.GetString(DicomTags.SegmentLabel) ?? "",
            s.GetString(DicomTags.SegmentAlgorithmType),
            s.GetString(DicomTags.SegmentAlgorithmName),
            s.GetNumbers(DicomTags.RecommendedDisplayCieLabValue, path)?.Select(v => (int)v).ToArray())).ToArray();

    public static DicomSegmentation FromFile(DicomFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var ds = file.Dataset;
        if (!IsSegmentation(ds))
        {
            throw new ImageFileException(file.Path, ImageFileProblem.InvalidHeader, $"not a DICOM segmentation (Modality is '{ds.GetString(DicomTags.Modality)}').");
        }

        string type = ds.GetString(DicomTags.SegmentationType)?.Trim() ?? "BINARY";
        if (type is not ("BINARY" or "FRACTIONAL"))
        {
            throw new ImageFileException(file.Path, ImageFileProblem.Unsupported, $"SegmentationType '{type}'; the toolkit reads BINARY and FRACTIONAL.");
        }

        var frames = DicomSlice.FromFile(file);
        var perFrame = ds.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence);
        var shared = ds.GetItem(DicomTags.SharedFunctionalGroupsSequence);
        var segmentOfFrame = new int[frames.Count];
        for (int f = 0; f < frames.Count; f++)
        {
            var ident = (perFrame.Count > f ? perFrame[f].GetItem(DicomTags.SegmentIdentificationSequence) : null) ?? shared?.GetItem(DicomTags.SegmentIdentificationSequence);
            segmentOfFrame[f] = ident?.GetInt(DicomTags.ReferencedSegmentNumber, file.Path)
                ?? throw new ImageFileException(file.Path, ImageFileProblem.InvalidHeader, $"frame {f + 1} has no ReferencedSegmentNumber (0062,000B).");
        }

        return new DicomSegmentation(file, SegmentsOf(ds, file.Path), frames, segmentOfFrame, type);
    }

    /// <summary>The grid the frames span: their orientation and pixel spacing, slices from the first to the last frame position.</summary>
    public ImageGeometry OwnGeometry()
    {
        var first = _frames[0];
        var normal = first.Normal;
        var z = _frames.Select(f => f.Position.Dot(normal)).Distinct().Order().ToArray();
        double spacing = first.SpacingBetweenSlices ?? (z.Length > 1 ? Enumerable.Range(1, z.Length - 1).Min(i => z[i] - z[i - 1]) : first.SliceThickness ?? 1);
        int count = z.Length > 1 ? (int)Math.Round((z[^1] - z[0]) / spacing) + 1 : 1;
        var origin = _frames.OrderBy(f => f.Position.Dot(normal)).First().Position;
        return new ImageGeometry(new Size3(first.Format.Columns, first.Format.Rows, count), new Vec3(first.SpacingX, first.SpacingY, spacing), origin, Matrix3.FromColumns(first.RowDirection, first.ColumnDirection, normal));
    }

    /// <summary>
    /// The segmentation as a label map on <paramref name="geometry"/> (its own when null): with <paramref name="segment"/>,
    /// label 1 where that segment is; else each segment's number as its label (a later segment wins where they overlap).
    /// </summary>
    public LabelMap ToLabelMap(int? segment = null, ImageGeometry? geometry = null)
    {
        if (segment is { } s && Segments.All(x => x.Number != s))
        {
            throw new InvalidInputException($"'{Path}' has no segment {s}; it holds {string.Join(", ", Segments.Select(x => $"{x.Number} '{x.Label}'"))}.");
        }

        if (segment is null && Segments.Any(x => x.Number > 255))
        {
            throw new InvalidInputException($"'{Path}' has segment numbers above 255; choose one segment.");
        }

        geometry ??= OwnGeometry();
        var voxels = new byte[geometry.VoxelCount];
        var format = _frames[0].Format;
        int plane = format.Rows * format.Columns;
        var size = geometry.Size;
        ReadOnlySpan<byte> bits = format.BitsAllocated == 1 ? DicomPixelData.NativeBits(_file, format, _frames.Count) : default;
        var scratch = format.BitsAllocated == 1 ? [] : new byte[format.DecodedLength];
        double max = _file.Dataset.GetNumber(DicomTags.MaximumFractionalValue, Path) ?? 255;
        for (int f = 0; f < _frames.Count; f++)
        {
            int seg = _segmentOfFrame[f];
            if (segment is { } want && seg != want)
            {
                continue;
            }

            var frame = _frames[f];
            var c = geometry.PhysicalToIndex(frame.Position);
            int k = (int)Math.Round(c.Z);
            if (Math.Abs(c.Z - k) > 0.25 || Math.Abs(c.X - Math.Round(c.X)) > 0.25 || Math.Abs(c.Y - Math.Round(c.Y)) > 0.25
                || (frame.RowDirection - geometry.Direction.Column(0)).MaxAbs > 1e-3 || (frame.ColumnDirection - geometry.Direction.Column(1)).MaxAbs > 1e-3
                || Math.Abs(frame.SpacingX - geometry.Spacing.X) > 1e-3 * geometry.Spacing.X || Math.Abs(frame.SpacingY - geometry.Spacing.Y) > 1e-3 * geometry.Spacing.Y)
            {
                throw new GeometryMismatchException(string.Create(CultureInfo.InvariantCulture, $"'{Path}': frame {f + 1} (segment {seg}) does not lie on a slice of the reference grid"), geometry, OwnGeometry());
            }

            if (k < 0 || k >= size.Z)
            {
                continue;
            }

            int ox = (int)Math.Round(c.X), oy = (int)Math.Round(c.Y);
            byte label = segment is null ? (byte)seg : (byte)1;
            if (format.BitsAllocated != 1)
            {
                DicomPixelData.ReadFrame(_file, format, f, _frames.Count, scratch);
            }

            for (int y = 0; y < format.Rows; y++)
            {
                int ty = y + oy;
                if ((uint)ty >= (uint)size.Y)
                {
                    continue;
                }

                for (int x = 0; x < format.Columns; x++)
                {
                    int tx = x + ox;
                    if ((uint)tx >= (uint)size.X)
                    {
                        continue;
                    }

                    long bit = (long)f * plane + y * format.Columns + x;
                    bool inside = format.BitsAllocated == 1
                        ? (bits[(int)(bit >> 3)] >> (int)(bit & 7) & 1) != 0
                        : SegmentationType == "BINARY" ? scratch[y * format.Columns + x] != 0 : scratch[y * format.Columns + x] >= max / 2;
                    if (inside)
                    {
                        voxels[tx + size.X * (ty + size.Y * k)] = label;
                    }
                }
            }
        }

        return new LabelMap(new Image<byte>(geometry, voxels));
    }
}
