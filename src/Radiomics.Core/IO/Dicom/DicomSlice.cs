using Radiomics.Imaging;
using Radiomics.IO.Dicom.Codecs;

namespace Radiomics.IO.Dicom;

/// <summary>
/// One 2-D frame of a series and where it lies: a single-frame instance, or one frame of a multi-frame instance
/// (Enhanced CT/MR/PET with functional groups, or NM with a detector position and slice spacing).
/// </summary>
internal sealed record DicomSlice
{
    public required string FilePath { get; init; }

    public required int Frame { get; init; }

    public required int FrameCount { get; init; }

    public required FrameFormat Format { get; init; }

    /// <summary>Where the file's native pixel data lies (<see cref="DicomFile.NativePixelData"/>), when known from its header.</summary>
    public (long Offset, long Length)? NativePixelData { get; init; }

    /// <summary>The samples are big endian (explicit VR big endian).</summary>
    public bool BigEndian { get; init; }

    public required string SeriesInstanceUid { get; init; }

    public string? FrameOfReferenceUid { get; init; }

    public string? SopInstanceUid { get; init; }

    public string? SopClassUid { get; init; }

    /// <summary>ImagePositionPatient: the centre of the first transmitted voxel, LPS mm.</summary>
    public required Vec3 Position { get; init; }

    /// <summary>Direction of increasing column index (first three values of ImageOrientationPatient).</summary>
    public required Vec3 RowDirection { get; init; }

    /// <summary>Direction of increasing row index (last three values of ImageOrientationPatient).</summary>
    public required Vec3 ColumnDirection { get; init; }

    /// <summary>Spacing between columns (x) and between rows (y), mm: PixelSpacing read in its (row, column) order.</summary>
    public required double SpacingX { get; init; }

    public required double SpacingY { get; init; }

    public double? SpacingBetweenSlices { get; init; }

    public double? SliceThickness { get; init; }

    public double Slope { get; init; } = 1;

    public double Intercept { get; init; }

    /// <summary>PhotometricInterpretation is MONOCHROME1: the lowest stored value is meant to be shown white.</summary>
    public bool Monochrome1 { get; init; }

    public string Echo { get; init; } = "";

    public string TemporalPosition { get; init; } = "";

    public string Acquisition { get; init; } = "";

    public int InstanceNumber { get; init; }

    public Vec3 Normal => RowDirection.Cross(ColumnDirection);

    /// <summary>
    /// The slope and intercept that map stored samples to voxel values: RescaleSlope/Intercept, after inverting a
    /// MONOCHROME1 sample when asked (stored' = min + max − stored over the BitsStored range, which is
    /// max − stored for unsigned samples; DICOM PS3.3 C.7.6.3.1.2), so that higher values are brighter as in MONOCHROME2.
    /// </summary>
    public (double Slope, double Intercept) Rescale(bool invertMonochrome1)
    {
        if (!Monochrome1 || !invertMonochrome1)
        {
            return (Slope, Intercept);
        }

        var (min, max) = DicomPixelData.StoredRange(Format);
        return (-Slope, (Slope * (min + max)) + Intercept);
    }

    /// <summary>Slices of one multi-frame file, or the single slice of a single-frame file.</summary>
    public static IReadOnlyList<DicomSlice> FromFile(DicomFile file)
    {
        var ds = file.Dataset;
        string path = file.Path;
        var format = DicomPixelData.Format(ds, path);
        int frames = DicomPixelData.FrameCount(ds, path);
        string series = ds.GetString(DicomTags.SeriesInstanceUid) ?? throw new ImageFileException(path, ImageFileProblem.InvalidHeader, "SeriesInstanceUID (0020,000E) is missing.");
        var common = new DicomSlice
        {
            FilePath = path,
            Frame = 0,
            FrameCount = frames,
            Format = format,
            NativePixelData = file.NativePixelData,
            BigEndian = ds.BigEndian,
            SeriesInstanceUid = series,
            FrameOfReferenceUid = ds.GetString(DicomTags.FrameOfReferenceUid),
            SopInstanceUid = ds.GetString(DicomTags.SopInstanceUid),
            SopClassUid = ds.GetString(DicomTags.SopClassUid),
            Position = Vec3.Zero,
            RowDirection = new Vec3(1, 0, 0),
            ColumnDirection = new Vec3(0, 1, 0),
            SpacingX = 1,
            SpacingY = 1,
            SpacingBetweenSlices = Positive(ds.GetNumber(DicomTags.SpacingBetweenSlices, path)),
            SliceThickness = Positive(ds.GetNumber(DicomTags.SliceThickness, path)),
            Slope = ds.GetNumber(DicomTags.RescaleSlope, path) ?? 1,
            Intercept = ds.GetNumber(DicomTags.RescaleIntercept, path) ?? 0,
            Monochrome1 = string.Equals(ds.GetString(DicomTags.PhotometricInterpretation)?.Trim(), "MONOCHROME1", StringComparison.Ordinal),
            Echo = ds.GetString(DicomTags.EchoNumbers) ?? "",
            TemporalPosition = ds.GetString(DicomTags.TemporalPositionIdentifier) ?? "",
            Acquisition = ds.GetString(DicomTags.AcquisitionNumber) ?? "",
            InstanceNumber = ds.GetInt(DicomTags.InstanceNumber, path) ?? 0,
        };

        var perFrame = ds.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence);
        var shared = ds.GetItem(DicomTags.SharedFunctionalGroupsSequence);
        if (perFrame.Count > 0 || shared is not null)
        {
            if (perFrame.Count != 0 && perFrame.Count != frames)
            {
                throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"PerFrameFunctionalGroupsSequence has {perFrame.Count} items for {frames} frames.");
            }

            var slices = new DicomSlice[frames];
            for (int f = 0; f < frames; f++)
            {
                var item = perFrame.Count > 0 ? perFrame[f] : null;
                DicomDataset? Group(DicomTag tag) => item?.GetItem(tag) ?? shared?.GetItem(tag);
                var position = Group(DicomTags.PlanePositionSequence);
                var orientation = Group(DicomTags.PlaneOrientationSequence);
                var measures = Group(DicomTags.PixelMeasuresSequence);
                var transform = Group(DicomTags.PixelValueTransformationSequence);
                var content = Group(DicomTags.FrameContentSequence);
                var echo = Group(new DicomTag(0x0018, 0x9114));
                var slice = Place(common, position ?? ds, orientation ?? ds, measures ?? ds, path, $"frame {f + 1}") with
                {
                    Frame = f,
                    Slope = transform?.GetNumber(DicomTags.RescaleSlope, path) ?? common.Slope,
                    Intercept = transform?.GetNumber(DicomTags.RescaleIntercept, path) ?? common.Intercept,
                    SpacingBetweenSlices = Positive(measures?.GetNumber(DicomTags.SpacingBetweenSlices, path)) ?? common.SpacingBetweenSlices,
                    SliceThickness = Positive(measures?.GetNumber(DicomTags.SliceThickness, path)) ?? common.SliceThickness,
                    TemporalPosition = content?.GetString(DicomTags.TemporalPositionIndex) ?? common.TemporalPosition,
                    Echo = echo?.GetString(new DicomTag(0x0018, 0x9082)) ?? common.Echo,
                    Acquisition = "",
                };
                slices[f] = slice;
            }

            return slices;
        }

        if (frames > 1 && ds.GetItem(DicomTags.DetectorInformationSequence) is { } detector)
        {
            // NM multi-frame (reconstructed tomography): one position and orientation, frames stacked along the normal.
            var first = Place(common, detector, detector, ds, path, "DetectorInformationSequence");
            double step = first.SpacingBetweenSlices ?? first.SliceThickness
                ?? throw new ImageFileException(path, ImageFileProblem.InvalidHeader, "an NM multi-frame image without SpacingBetweenSlices (0018,0088).");
            var n = first.Normal;
            return Enumerable.Range(0, frames).Select(f => first with { Frame = f, Position = first.Position + (f * step) * n }).ToArray();
        }

        if (frames > 1)
        {
            throw new ImageFileException(path, ImageFileProblem.Unsupported, $"{frames} frames without functional groups or detector information: the frames have no positions.");
        }

        return [Place(common, ds, ds, ds, path, "the image")];
    }

    private static DicomSlice Place(DicomSlice common, DicomDataset position, DicomDataset orientation, DicomDataset measures, string path, string where)
    {
        var ipp = position.GetNumbers(DicomTags.ImagePositionPatient, path);
        var iop = orientation.GetNumbers(DicomTags.ImageOrientationPatient, path);
        var spacing = measures.GetNumbers(DicomTags.PixelSpacing, path);
        if (ipp is not { Length: 3 })
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"ImagePositionPatient (0020,0032) of {where} is missing or does not have 3 values.");
        }

        if (iop is not { Length: 6 })
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"ImageOrientationPatient (0020,0037) of {where} is missing or does not have 6 values.");
        }

        var row = new Vec3(iop[0], iop[1], iop[2]);
        var column = new Vec3(iop[3], iop[4], iop[5]);
        if (Math.Abs(row.Norm - 1) > 1e-3 || Math.Abs(column.Norm - 1) > 1e-3 || Math.Abs(row.Dot(column)) > 1e-3)
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"ImageOrientationPatient of {where} is not two orthogonal unit vectors: {string.Join('\\', iop)}.");
        }

        double sy = 1, sx = 1;
        if (spacing is { Length: >= 2 })
        {
            (sy, sx) = (spacing[0], spacing[1]);
            if (!(sx > 0) || !(sy > 0))
            {
                throw new ImageFileException(path, ImageFileProblem.InvalidSpacing, $"PixelSpacing (0028,0030) of {where} is {spacing[0]}\\{spacing[1]}.");
            }
        }

        return common with
        {
            Position = new Vec3(ipp[0], ipp[1], ipp[2]),
            RowDirection = row.Normalised(),
            ColumnDirection = column.Normalised(),
            SpacingX = sx,
            SpacingY = sy,
        };
    }

    private static double? Positive(double? v) => v is > 0 ? v : null;
}
