using System.Buffers;
using System.Numerics;
using Radiomics.Imaging;
using Radiomics.Numerics;

namespace Radiomics.IO.Dicom;

/// <summary>
/// Reads a DICOM image series into one volume: from its folder or any one file of it. Headers are read first (in
/// parallel) to pick the series and plan the volume; then each file is read once and its frames decoded straight into
/// the output. Voxel values are rescaled per slice (RescaleSlope/Intercept, per frame in multi-frame images); the voxel
/// type is the narrowest integer type holding every rescaled value, or float when a slope or intercept is fractional.
/// </summary>
public static class DicomSeries
{
    /// <summary>True for a folder, a file named *.dcm, or a file with the DICOM preamble.</summary>
    public static bool IsDicomPath(string path) =>
        Directory.Exists(path) || (File.Exists(path) && DicomFolder.IsDicomFile(path));

    public static Image Read(string path, DicomSeriesOptions? options = null) => ReadVolume(path, options).Image;

    /// <summary>The grid and voxel type of the series without reading pixel data.</summary>
    public static ImageHeader ReadHeader(string path, DicomSeriesOptions? options = null)
    {
        options ??= new DicomSeriesOptions();
        var (plan, _, _) = Plan(path, options);
        return new ImageHeader(plan.Geometry, VoxelType(plan, options), 1);
    }

    /// <summary>Reads the series with the UIDs and header a derived object (SEG, RTSTRUCT) needs.</summary>
    public static DicomVolume ReadVolume(string path, DicomSeriesOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new DicomSeriesOptions();
        var (plan, header, label) = Plan(path, options);
        var type = VoxelType(plan, options);
        var image = type switch
        {
            PixelType.Int16 => ReadPixels<short>(plan, options),
            PixelType.UInt16 => ReadPixels<ushort>(plan, options),
            PixelType.UInt8 => ReadPixels<byte>(plan, options),
            PixelType.Int32 => ReadPixels<int>(plan, options),
            _ => ReadPixels<float>(plan, options),
        };
        if (options.Suv != SuvKind.None)
        {
            image = Suv.Apply((Image<float>)image, header.Dataset, options.Suv, label);
        }

        var reference = Reference(plan, header);
        return new DicomVolume(image, reference.SeriesInstanceUid, reference.FrameOfReferenceUid, reference.Modality, reference.Instances, reference.Header);
    }

    /// <summary>The grid, UIDs and header a derived object (SEG, RTSTRUCT) needs, from the headers alone (no pixel data is decoded).</summary>
    public static DicomSeriesReference ReadReference(string path, DicomSeriesOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new DicomSeriesOptions();
        var (plan, header, _) = Plan(path, options);
        return Reference(plan, header);
    }

    private static DicomSeriesReference Reference(DicomSeriesPlan plan, DicomFile header)
    {
        var first = plan.Slices[0];
        return new DicomSeriesReference(
            plan.Geometry,
            first.SeriesInstanceUid,
            first.FrameOfReferenceUid,
            header.Dataset.GetString(DicomTags.Modality) ?? "OT",
            plan.Slices.Select(s => (s.SopClassUid ?? "", s.SopInstanceUid ?? "")).ToArray(),
            header.Dataset);
    }

    /// <summary>The image headers of the series <paramref name="path"/> names, grouped, checked and planned.</summary>
    internal static (DicomSeriesPlan Plan, DicomFile First, string Label) Plan(string path, DicomSeriesOptions options)
    {
        IReadOnlyList<DicomFile> files;
        string? wanted = options.SeriesInstanceUid;
        string folder;
        if (Directory.Exists(path))
        {
            folder = path;
            var (found, unreadable) = DicomFolder.ScanHeaders(path, recursive: true, options.Parallelism);
            if (unreadable.Count > 0)
            {
                throw unreadable[0];
            }

            files = found;
        }
        else
        {
            if (!File.Exists(path))
            {
                throw new ImageFileException(path, ImageFileProblem.NotFound, "no such file or folder.");
            }

            var given = DicomFile.OpenHeader(path);
            wanted ??= given.Dataset.GetString(DicomTags.SeriesInstanceUid);
            folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            if (given.Dataset.GetInt(DicomTags.NumberOfFrames, path) is > 1)
            {
                // An enhanced multi-frame image is a whole series in one file.
                files = [given];
            }
            else
            {
                var (found, unreadable) = DicomFolder.ScanHeaders(folder, recursive: false, options.Parallelism);
                var bad = unreadable.FirstOrDefault();
                if (bad is not null)
                {
                    throw bad;
                }

                files = found;
            }
        }

        var images = files.Where(IsImage).ToList();
        var bySeries = images.GroupBy(f => f.Dataset.GetString(DicomTags.SeriesInstanceUid) ?? "").ToList();
        if (wanted is not null)
        {
            bySeries = bySeries.Where(g => g.Key == wanted).ToList();
        }

        if (bySeries.Count == 0)
        {
            throw new DicomSeriesException(wanted is null ? folder : $"{wanted} in {folder}", DicomSeriesProblem.NoSeries, files.Count == 0 ? "no DICOM files found." : "no image series (only non-image objects such as RTSTRUCT or SEG).");
        }

        if (bySeries.Count > 1)
        {
            string list = string.Join("; ", bySeries.Select(g => $"{g.Key} ({g.First().Dataset.GetString(DicomTags.Modality)}, '{g.First().Dataset.GetString(DicomTags.SeriesDescription)}', {g.Count()} files)"));
            throw new DicomSeriesException(folder, DicomSeriesProblem.Ambiguous, $"holds {bySeries.Count} image series: {list}; give one series' folder or file, or its SeriesInstanceUID.");
        }

        var series = bySeries[0].ToList();
        string label = $"{bySeries[0].Key} in {folder}";
        var slices = series.SelectMany(DicomSlice.FromFile).ToList();
        return (DicomSeriesPlan.Create(slices, label, options), series[0], label);
    }

    /// <summary>A file with pixel data that is an image, not a segmentation, structure set or other derived object.</summary>
    internal static bool IsImage(DicomFile f) =>
        f.HasPixelData && f.Dataset.GetString(DicomTags.Modality) is not ("SEG" or "RTSTRUCT" or "RTDOSE" or "SR" or "PR" or "KO")
        && f.Dataset.Contains(DicomTags.Rows);

    private static PixelType VoxelType(DicomSeriesPlan plan, DicomSeriesOptions options)
    {
        if (options.Suv != SuvKind.None || plan.SourcePositions is not null)
        {
            return PixelType.Float32;
        }

        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var s in plan.Slices)
        {
            var (slope, intercept) = s.Rescale(options.InvertMonochrome1);
            if (slope != Math.Round(slope) || intercept != Math.Round(intercept) || s.Format.BitsAllocated > 16)
            {
                return PixelType.Float32;
            }

            var (min, max) = DicomPixelData.StoredRange(s.Format);
            double a = slope * min + intercept, b = slope * max + intercept;
            lo = Math.Min(lo, Math.Min(a, b));
            hi = Math.Max(hi, Math.Max(a, b));
        }

        return (lo, hi) switch
        {
            ( >= 0, <= byte.MaxValue) when plan.Slices.All(s => s.Format.BitsAllocated == 8) => PixelType.UInt8,
            ( >= short.MinValue, <= short.MaxValue) => PixelType.Int16,
            ( >= 0, <= ushort.MaxValue) => PixelType.UInt16,
            ( >= int.MinValue, <= int.MaxValue) => PixelType.Int32,
            _ => PixelType.Float32,
        };
    }

    private static Image ReadPixels<T>(DicomSeriesPlan plan, DicomSeriesOptions options) where T : unmanaged, INumber<T>
    {
        var slices = plan.Slices;
        var first = slices[0];
        int plane = first.Format.Columns * first.Format.Rows;
        var stackGeometry = plan.SourcePositions is null ? plan.Geometry : plan.Geometry.WithSize(new Size3(first.Format.Columns, first.Format.Rows, slices.Count));
        var voxels = new T[stackGeometry.VoxelCount];
        var memory = voxels.AsMemory();
        var byFile = slices.Select((s, z) => (s, z)).GroupBy(p => p.s.FilePath).ToArray();
        try
        {
            ParallelRows.For(0, byFile.Length, new Parallelism(options.Parallelism), f => ReadFile(byFile[f], memory, plane, options.InvertMonochrome1));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Report the first file's own error (an ImageFileException naming it), not the parallel loop's wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        var stack = new Image<T>(stackGeometry, voxels);
        return plan.SourcePositions is { } positions ? ResampleAlongZ(stack.ConvertTo<float>(), positions, plan.Geometry) : stack;
    }

    private static void ReadFile<T>(IGrouping<string, (DicomSlice Slice, int Z)> group, Memory<T> memory, int plane, bool invertMonochrome1) where T : unmanaged, INumber<T>
    {
        if (NativePixelReader.Applies(group))
        {
            NativePixelReader.Read(group.Key, group, memory, plane, invertMonochrome1);
            return;
        }

        {
            var file = DicomFile.Open(group.Key);
            var format = DicomPixelData.Format(file.Dataset, file.Path);
            int frames = DicomPixelData.FrameCount(file.Dataset, file.Path);
            var scratch = ArrayPool<byte>.Shared.Rent((int)format.DecodedLength);
            try
            {
                foreach (var (s, z) in group)
                {
                    if (format != s.Format || frames != s.FrameCount)
                    {
                        throw new ImageFileException(file.Path, ImageFileProblem.InvalidHeader, "the image pixel module changed between reading the header and the pixels.");
                    }

                    var samples = scratch.AsSpan(0, (int)format.DecodedLength);
                    DicomPixelData.ReadFrame(file, format, s.Frame, frames, samples);
                    var (slope, intercept) = s.Rescale(invertMonochrome1);
                    DicomPixelData.ToValues(samples, format, slope, intercept, memory.Span.Slice(z * plane, plane));
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
        }
    }

    /// <summary>Linear interpolation between the two nearest source slices onto the regular z positions of <paramref name="geometry"/>.</summary>
    private static Image<float> ResampleAlongZ(Image<float> stack, double[] positions, ImageGeometry geometry)
    {
        int plane = geometry.Size.X * geometry.Size.Y;
        double step = positions[^1] / (geometry.Size.Z - 1);
        var src = stack.Voxels;
        var dst = new float[geometry.VoxelCount];
        int j = 0;
        for (int k = 0; k < geometry.Size.Z; k++)
        {
            double p = k * step;
            while (j < positions.Length - 2 && positions[j + 1] < p)
            {
                j++;
            }

            double t = Math.Clamp((p - positions[j]) / (positions[j + 1] - positions[j]), 0, 1);
            var a = src.Slice(j * plane, plane);
            var b = src.Slice((j + 1) * plane, plane);
            var o = dst.AsSpan(k * plane, plane);
            for (int i = 0; i < plane; i++)
            {
                o[i] = (float)((1 - t) * a[i] + t * b[i]);
            }
        }

        return new Image<float>(geometry, dst);
    }
}
