using Radiomics.Imaging;

namespace Radiomics.IO;

/// <summary>Reads and writes images in any supported format, chosen by the file extension.</summary>
/// <remarks>
/// NIfTI (<c>.nii</c>, <c>.nii.gz</c>), NRRD (<c>.nrrd</c>, <c>.nhdr</c>) and MetaImage (<c>.mha</c>, <c>.mhd</c>);
/// a DICOM series is read from its folder or any one of its files (<see cref="Dicom.DicomSeries"/>).
/// Every reader returns geometry in LPS millimetres; every writer writes to a temporary file first, so a failed
/// write never leaves a partial file.
/// </remarks>
public static class ImageFile
{
    public static IReadOnlyList<string> Extensions { get; } = [".nii", ".nii.gz", ".nrrd", ".nhdr", ".mha", ".mhd"];

    public static bool IsSupported(string path) => Format(path) is not null;

    /// <summary>Reads an image with the voxel type stored in the file (scaled NIfTI data become floating point).</summary>
    public static Image Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (IsDicom(path))
        {
            return Dicom.DicomSeries.Read(path);
        }

        if (!File.Exists(path))
        {
            throw new ImageFileException(path, ImageFileProblem.NotFound, "no such file.");
        }

        try
        {
            return Format(path) switch
            {
                ImageFormat.Nifti => Nifti.Read(path),
                ImageFormat.Nrrd => Nrrd.Read(path),
                ImageFormat.MetaImage => MetaImage.Read(path),
                _ => throw UnknownFormat(path),
            };
        }
        catch (EndOfStreamException e)
        {
            throw new ImageFileException(path, ImageFileProblem.Truncated, e.Message, e);
        }
        catch (InvalidDataException e)
        {
            throw new ImageFileException(path, ImageFileProblem.CorruptCompression, e.Message, e);
        }
        catch (OutOfMemoryException e)
        {
            throw new ImageFileException(path, ImageFileProblem.TooLarge, "not enough memory for the voxel data.", e);
        }
    }

    /// <summary>
    /// What <c>radiomics info</c> shows of an image: grid, voxel type and intensity range. NIfTI, NRRD (raw, gzip) and
    /// MetaImage (raw, zlib; attached or detached data) voxels are streamed, so memory stays at a few MiB whatever the
    /// image's size; DICOM and ascii NRRD are read whole, within the memory budget.
    /// </summary>
    public static ImageSummary ReadSummary(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var format = Format(path);
        if (IsDicom(path) || format is null)
        {
            return ImageSummary.Of(Read(path));
        }

        if (!File.Exists(path))
        {
            throw new ImageFileException(path, ImageFileProblem.NotFound, "no such file.");
        }

        var accumulator = new IntensityAccumulator();
        try
        {
            var header = format switch
            {
                ImageFormat.Nifti => Nifti.StreamValues(path, accumulator.Add),
                ImageFormat.Nrrd => Nrrd.StreamValues(path, accumulator.Add),
                _ => MetaImage.StreamValues(path, accumulator.Add),
            };
            return header is null ? ImageSummary.Of(Read(path)) : ImageSummary.Of(header, accumulator);
        }
        catch (EndOfStreamException e)
        {
            throw new ImageFileException(path, ImageFileProblem.Truncated, e.Message, e);
        }
        catch (InvalidDataException e)
        {
            throw new ImageFileException(path, ImageFileProblem.CorruptCompression, e.Message, e);
        }
    }

    /// <summary>
    /// Reads only the header: geometry, voxel type and components, without decompressing the voxel data. Use it to
    /// check a whole study (missing files, image/mask grids) before any work starts.
    /// </summary>
    public static ImageHeader ReadHeader(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (IsDicom(path))
        {
            return Dicom.DicomSeries.ReadHeader(path);
        }

        if (!File.Exists(path))
        {
            throw new ImageFileException(path, ImageFileProblem.NotFound, "no such file.");
        }

        try
        {
            return Format(path) switch
            {
                ImageFormat.Nifti => Nifti.ReadHeader(path),
                ImageFormat.Nrrd => Nrrd.ReadHeader(path),
                ImageFormat.MetaImage => MetaImage.ReadHeader(path),
                _ => throw UnknownFormat(path),
            };
        }
        catch (InvalidDataException e)
        {
            throw new ImageFileException(path, ImageFileProblem.CorruptCompression, e.Message, e);
        }
    }

    /// <summary>Reads an image and converts it to <typeparamref name="T"/> (saturating).</summary>
    public static Image<T> Read<T>(string path) where T : unmanaged, System.Numerics.INumber<T>
    {
        var image = Read(path);
        return image as Image<T> ?? image.ConvertTo<T>();
    }

    /// <summary>Reads a segmentation; values must be whole numbers 0..255.</summary>
    public static LabelMap ReadLabelMap(string path)
    {
        var image = Read(path);
        try
        {
            return LabelMap.FromImage(image, path);
        }
        catch (ArgumentException e)
        {
            throw new ImageFileException(path, ImageFileProblem.UnsupportedDataType, e.Message, e);
        }
    }

    /// <summary>Writes an image in the format its extension names.</summary>
    public static void Write(Image image, string path)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentException.ThrowIfNullOrEmpty(path);
        switch (Format(path))
        {
            case ImageFormat.Nifti:
                Nifti.Write(image, path);
                break;
            case ImageFormat.Nrrd:
                Nrrd.Write(image, path);
                break;
            case ImageFormat.MetaImage:
                MetaImage.Write(image, path);
                break;
            default:
                throw UnknownFormat(path);
        }
    }

    public static void Write(LabelMap labels, string path)
    {
        ArgumentNullException.ThrowIfNull(labels);
        Write(labels.Image, path);
    }

    /// <summary>Atomic write that reports failures as <see cref="ImageFileException"/> naming the file.</summary>
    internal static void WriteGuarded(string path, Action<Stream> write)
    {
        try
        {
            AtomicFile.Write(path, write);
        }
        catch (Exception e) when ((e is IOException or UnauthorizedAccessException) && e is not ImageFileException)
        {
            throw new ImageFileException(path, ImageFileProblem.WriteFailed, e.Message, e);
        }
    }

    /// <summary>A DICOM series: a folder, or a file that is not of another format and is named *.dcm or starts like DICOM.</summary>
    private static bool IsDicom(string path) => Format(path) is null && Dicom.DicomSeries.IsDicomPath(path);

    private static ImageFormat? Format(string path)
    {
        if (Nifti.IsNiftiPath(path))
        {
            return ImageFormat.Nifti;
        }

        if (Nrrd.IsNrrdPath(path))
        {
            return ImageFormat.Nrrd;
        }

        return MetaImage.IsMetaImagePath(path) ? ImageFormat.MetaImage : null;
    }

    private static ImageFileException UnknownFormat(string path) =>
        new(path, ImageFileProblem.UnknownFormat, $"the extension is not one of {string.Join(", ", Extensions)}.");

    private enum ImageFormat
    {
        Nifti,
        Nrrd,
        MetaImage,
    }
}
