using System.IO.Compression;
using Radiomics.Imaging;

namespace Radiomics.IO;

/// <summary>NIfTI-1 and NIfTI-2 single-file images (<c>.nii</c>, <c>.nii.gz</c>).</summary>
/// <remarks>
/// Geometry is converted between NIfTI's RAS and the toolkit's LPS so that files written here give the same
/// physical positions in ITK-based tools (SimpleITK, elastix, 3D Slicer) and in nibabel. Images with more than one
/// component are written as 5D vectors (dim[5], intent VECTOR), as ITK writes displacement fields.
/// </remarks>
public static class Nifti
{
    public static bool IsNiftiPath(string path) =>
        path.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase);

    public static Image Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = VoxelBuffer.OpenRead(path);
        using var stream = Open(path, file, verified: true);
        var layout = ParseHeader(path, stream, file.Length, IsGzip(path));
        var h = layout.Raw;
        VoxelBuffer.Skip(path, stream, h.VoxOffset - h.HeaderSize, "the header extensions");
        var image = Image.Create(layout.StoredType, layout.Geometry, layout.Components);
        VoxelBuffer.ReadExactly(path, stream, image.WritableBytes(), "the voxel data");
        (stream as CompressedStream)?.Finish();

        if (h.BigEndian)
        {
            VoxelBuffer.SwapBytes(image.WritableBytes(), layout.StoredType.SizeInBytes());
        }

        return ApplyScaling(image, h.SclSlope, h.SclInter);
    }

    /// <summary>
    /// Streams the voxel values (scaled as <see cref="Read"/> scales them) in chunks of at most 1 MiB of stored data,
    /// verifying the compressed stream as <see cref="Read"/> does, without ever holding the image.
    /// </summary>
    internal static ImageHeader StreamValues(string path, Action<ReadOnlySpan<double>> values)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = VoxelBuffer.OpenRead(path);
        using var stream = Open(path, file, verified: true);
        var layout = ParseHeader(path, stream, file.Length, IsGzip(path), streamed: true);
        var h = layout.Raw;
        VoxelBuffer.Skip(path, stream, h.VoxOffset - h.HeaderSize, "the header extensions");
        int size = layout.StoredType.SizeInBytes();
        long left = checked(layout.Geometry.Size.Count * layout.Components * size);
        bool scaled = IsScaled(h.SclSlope, h.SclInter);
        bool toFloat = scaled && ScaledType(layout.StoredType) == PixelType.Float32;
        double slope = h.SclSlope, inter = double.IsFinite(h.SclInter) ? h.SclInter : 0;
        var bytes = new byte[(1 << 20) / size * size];
        var chunk = new double[bytes.Length / size];
        while (left > 0)
        {
            int n = (int)Math.Min(left, bytes.Length);
            VoxelBuffer.ReadExactly(path, stream, bytes.AsSpan(0, n), "the voxel data");
            if (h.BigEndian)
            {
                VoxelBuffer.SwapBytes(bytes.AsSpan(0, n), size);
            }

            var v = chunk.AsSpan(0, n / size);
            VoxelBuffer.ToDouble(layout.StoredType, bytes.AsSpan(0, n), v);
            if (scaled)
            {
                for (int i = 0; i < v.Length; i++)
                {
                    double real = v[i] * slope + inter;
                    v[i] = toFloat ? (float)real : real;
                }
            }

            values(v);
            left -= n;
        }

        (stream as CompressedStream)?.Finish();
        return new ImageHeader(layout.Geometry, scaled ? ScaledType(layout.StoredType) : layout.StoredType, layout.Components);
    }

    /// <summary>Reads only the header (for .nii.gz, only its first bytes are decompressed).</summary>
    public static ImageHeader ReadHeader(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = VoxelBuffer.OpenRead(path);
        using var stream = Open(path, file);
        var layout = ParseHeader(path, stream, file.Length, IsGzip(path));
        var type = IsScaled(layout.Raw.SclSlope, layout.Raw.SclInter) ? ScaledType(layout.StoredType) : layout.StoredType;
        return new ImageHeader(layout.Geometry, type, layout.Components);
    }

    /// <summary>
    /// The header's <c>intent_code</c> (e.g. 1007 <c>NIFTI_INTENT_VECTOR</c>, which ITK and this writer use for vector
    /// images with LPS components; 1006 <c>NIFTI_INTENT_DISPVECT</c>, whose vectors ITK 5.4+ takes as RAS).
    /// </summary>
    public static int ReadIntentCode(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = VoxelBuffer.OpenRead(path);
        using var stream = Open(path, file);
        return ParseHeader(path, stream, file.Length, IsGzip(path)).Raw.IntentCode;
    }

    private static bool IsGzip(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file, or for .nii.gz its decompressed stream; <paramref name="verified"/> checks the gzip trailer at the end.</summary>
    private static Stream Open(string path, FileStream file, bool verified = false)
    {
        if (!IsGzip(path))
        {
            return file;
        }

        Span<byte> magic = stackalloc byte[2];
        if (file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) < 2 || magic[0] != 0x1f || magic[1] != 0x8b)
        {
            throw new ImageFileException(path, ImageFileProblem.BadMagic, "the file ends in .gz but is not gzip-compressed.");
        }

        file.Position = 0;
        return verified ? new CompressedStream(path, file, Compression.Gzip) : VoxelBuffer.Gzip(file);
    }

    private sealed record Layout(NiftiHeader Raw, ImageGeometry Geometry, PixelType StoredType, int Components);

    /// <summary>Reads and validates the header; every check that can refuse the file happens here, before any voxel is read.</summary>
    private static Layout ParseHeader(string path, Stream stream, long fileLength, bool gz, bool streamed = false)
    {
        Span<byte> first = stackalloc byte[4];
        VoxelBuffer.ReadExactly(path, stream, first, "the NIfTI header");
        var kind = NiftiHeader.Detect(first)
            ?? throw new ImageFileException(path, ImageFileProblem.BadMagic,
                $"sizeof_hdr is {BitConverter.ToInt32(first)}, expected 348 (NIfTI-1) or 540 (NIfTI-2).");
        var headerBytes = new byte[kind.Version == 2 ? NiftiHeader.Nifti2Size : NiftiHeader.Nifti1Size];
        first.CopyTo(headerBytes);
        VoxelBuffer.ReadExactly(path, stream, headerBytes.AsSpan(4), "the NIfTI header");
        var h = NiftiHeader.Parse(path, headerBytes, kind.Version, kind.BigEndian);

        long ndim = h.Dim[0];
        if (ndim is < 1 or > 7)
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidDimensions, $"dim[0] is {ndim}; it must be between 1 and 7.");
        }

        long allValues = VoxelBuffer.VoxelCount(path, h.Dim.AsSpan(1, (int)ndim));
        var pixelType = NiftiDataType.ToPixelType(h.Datatype)
            ?? throw new ImageFileException(path, ImageFileProblem.UnsupportedDataType, $"NIfTI datatype {NiftiDataType.Name(h.Datatype)} is not supported.");
        var size = new long[3];
        var spacingValues = new double[3];
        for (int a = 0; a < 3; a++)
        {
            bool used = a + 1 <= ndim;
            size[a] = used ? h.Dim[a + 1] : 1;
            double p = h.Pixdim[a + 1];
            spacingValues[a] = used ? p : (p > 0 && double.IsFinite(p) ? p : 1);
            if (!(spacingValues[a] > 0) || !double.IsFinite(spacingValues[a]))
            {
                throw new ImageFileException(path, ImageFileProblem.InvalidSpacing, $"pixdim[{a + 1}] is {spacingValues[a]}; voxel spacing must be positive.");
            }
        }

        long voxels = size[0] * size[1] * size[2];
        long components = allValues / voxels;
        if (components > int.MaxValue)
        {
            throw new ImageFileException(path, ImageFileProblem.TooLarge, $"dimensions 4 to {ndim} give {components} components per voxel.");
        }

        long expected = VoxelBuffer.ExpectedBytes(path, voxels, components, pixelType, streamed);
        if (h.VoxOffset < h.HeaderSize)
        {
            throw new ImageFileException(path, ImageFileProblem.InvalidHeader, $"vox_offset is {h.VoxOffset}, inside the {h.HeaderSize}-byte header.");
        }

        if (gz)
        {
            VoxelBuffer.CheckCompressedSize(path, fileLength, h.VoxOffset > long.MaxValue - expected ? long.MaxValue : expected + h.VoxOffset);
        }
        else if (h.VoxOffset > fileLength - expected)
        {
            throw new ImageFileException(path, ImageFileProblem.Truncated,
                $"the header announces {expected} bytes of voxel data at offset {h.VoxOffset}, but the file has only {fileLength} bytes.");
        }
        else if (h.VoxOffset + expected < fileLength)
        {
            throw new ImageFileException(path, ImageFileProblem.DataLengthMismatch,
                $"the file has {fileLength - h.VoxOffset - expected} bytes more than the header's {expected} bytes of voxel data.");
        }

        var (origin, direction) = NiftiOrientation.Read(path, h);
        var geometry = VoxelBuffer.Geometry(path, size, new Vec3(spacingValues[0], spacingValues[1], spacingValues[2]), origin, direction);
        return new Layout(h, geometry, pixelType, (int)components);
    }

    private static bool IsScaled(double slope, double inter) =>
        double.IsFinite(slope) && slope != 0 && !(slope == 1 && (inter == 0 || !double.IsFinite(inter)));

    private static PixelType ScaledType(PixelType stored) =>
        stored.SizeInBytes() <= 2 || stored == PixelType.Float32 ? PixelType.Float32 : PixelType.Float64;

    /// <summary>scl_slope and scl_inter turn stored values into real ones; a slope of 0 or NaN means "not scaled".</summary>
    private static Image ApplyScaling(Image image, double slope, double inter)
    {
        if (!IsScaled(slope, inter))
        {
            return image;
        }

        if (!double.IsFinite(inter))
        {
            inter = 0;
        }

        var d = image.ConvertTo<double>();
        var v = d.WritableVoxels;
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = v[i] * slope + inter;
        }

        return ScaledType(image.PixelType) == PixelType.Float32 ? d.ConvertTo<float>() : d;
    }

    public static void Write(Image image, string path, NiftiWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new NiftiWriteOptions();
        var g = image.Geometry;
        bool needs2 = g.Size.X > short.MaxValue || g.Size.Y > short.MaxValue || g.Size.Z > short.MaxValue || image.Components > short.MaxValue;
        int version = options.Version switch
        {
            NiftiVersion.Nifti1 when needs2 => throw new ImageFileException(path, ImageFileProblem.WriteFailed, $"size {g.Size} does not fit NIfTI-1's 16-bit dimensions; write NIfTI-2."),
            NiftiVersion.Nifti1 => 1,
            NiftiVersion.Nifti2 => 2,
            _ => needs2 ? 2 : 1,
        };

        var h = new NiftiHeader
        {
            Version = version,
            Datatype = NiftiDataType.FromPixelType(image.PixelType),
            SclSlope = 1,
            SclInter = 0,
            XyztUnits = 2 | 8,
            Description = options.Description,
        };
        h.VoxOffset = h.HeaderSize + 4;
        h.Dim[0] = image.Components > 1 ? 5 : 3;
        h.Dim[1] = g.Size.X;
        h.Dim[2] = g.Size.Y;
        h.Dim[3] = g.Size.Z;
        h.Pixdim[1] = g.Spacing.X;
        h.Pixdim[2] = g.Spacing.Y;
        h.Pixdim[3] = g.Spacing.Z;
        for (int i = 4; i < 8; i++)
        {
            h.Dim[i] = 1;
            h.Pixdim[i] = 1;
        }

        if (image.Components > 1)
        {
            h.Dim[5] = image.Components;
            h.IntentCode = NiftiHeader.IntentVector;
        }

        NiftiOrientation.Write(h, g);
        var header = h.Serialize();
        bool gz = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        ImageFile.WriteGuarded(path, s =>
        {
            if (gz)
            {
                using var z = new GZipStream(s, options.CompressionLevel, leaveOpen: true);
                z.Write(header);
                z.Write(image.AsBytes());
            }
            else
            {
                s.Write(header);
                s.Write(image.AsBytes());
            }
        });
    }
}
