using Radiomics.Imaging;
using Radiomics.IO;

namespace Radiomics.Longitudinal.Transforms.IO;

/// <summary>
/// A dense displacement field stored as a 3-component float image (<c>.nii</c>, <c>.nii.gz</c>, <c>.nrrd</c>,
/// <c>.mha</c>, …) in ITK's convention: on the fixed grid, in mm, LPS components, the fixed point <c>x</c>
/// corresponding to the moving point <c>x + u(x)</c>. This is what ITK and ANTs write for a
/// <c>DisplacementFieldTransform</c> and what <c>transformix -def all</c> writes, so their fields read directly.
/// </summary>
/// <remarks>
/// NIfTI files are written as ITK writes vector images (<c>dim[0] = 5</c>, the components in <c>dim[5]</c>, intent
/// <c>NIFTI_INTENT_VECTOR</c> 1007, components left in LPS), so SimpleITK and ITK read them back as vector images
/// with the same values. On reading, a NIfTI with intent <c>NIFTI_INTENT_DISPVECT</c> (1006) is taken to hold RAS
/// vectors and its X and Y components are negated, as ITK 5.4 and later do.
/// </remarks>
public static class DisplacementFieldFile
{
    /// <summary>NIfTI intent code for displacement vectors, whose components ITK (5.4+) takes as RAS.</summary>
    public const int NiftiIntentDisplacementVector = 1006;

    /// <summary>NIfTI intent code of a generic vector image, as ITK writes displacement fields (LPS components).</summary>
    public const int NiftiIntentVector = 1007;

    /// <summary>Whether the path names an image format a field can be stored in.</summary>
    public static bool IsFieldPath(string path) => ImageFile.IsSupported(path);

    /// <summary>Reads the field as a transform.</summary>
    public static DisplacementFieldTransform Read(string path)
    {
        var field = ReadField(path);
        try
        {
            return DisplacementFieldTransform.Adopt(field);
        }
        catch (ArgumentException e)
        {
            throw new TransformFileException(path, TransformFileProblem.Malformed, e.Message, e);
        }
    }

    /// <summary>Reads the field image (3 components, float, LPS mm).</summary>
    public static Image<float> ReadField(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new TransformFileException(path, TransformFileProblem.NotFound, "no such displacement field file.");
        }

        var field = ImageFile.Read<float>(path);
        if (field.Components != 3)
        {
            throw new TransformFileException(path, TransformFileProblem.Malformed,
                $"a displacement field has 3 components per voxel (X, Y, Z in mm); this image has {field.Components}.");
        }

        int intent = Nifti.IsNiftiPath(path) ? Nifti.ReadIntentCode(path) : 0;
        if (intent is not (0 or NiftiIntentDisplacementVector or NiftiIntentVector))
        {
            // FSL warps (2006–2011) and NiftyReg deformations use other frames or hold positions, not LPS displacements.
            throw new TransformFileException(path, TransformFileProblem.Unsupported,
                $"NIfTI intent code {intent}; a displacement field is read from intent 1007 (vector, LPS mm, as ITK writes), 1006 (displacement vector, RAS) or 0. Convert FSL or NiftyReg warps to an ITK displacement field first.");
        }

        if (intent == NiftiIntentDisplacementVector)
        {
            // Components are stored one block after the other: negate the X and Y blocks (RAS → LPS).
            int n = field.VoxelCount;
            var u = field.Voxels.ToArray();
            for (int i = 0; i < 2 * n; i++)
            {
                u[i] = -u[i];
            }

            field = new Image<float>(field.Geometry, u, 3);
        }

        return field;
    }

    /// <summary>Writes the field of <paramref name="transform"/> atomically.</summary>
    public static void Write(DisplacementFieldTransform transform, string path)
    {
        ArgumentNullException.ThrowIfNull(transform);
        Write(transform.Field, path);
    }

    /// <summary>Writes a 3-component field image atomically (see the remarks for the NIfTI encoding).</summary>
    public static void Write(Image<float> field, string path)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (field.Components != 3)
        {
            throw new TransformFileException(path, TransformFileProblem.WriteFailed, $"a displacement field has 3 components per voxel; this image has {field.Components}.");
        }

        if (!IsFieldPath(path))
        {
            throw new TransformFileException(path, TransformFileProblem.UnknownFormat, $"a displacement field is written as an image: {string.Join(", ", ImageFile.Extensions)}.");
        }

        if (path.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase))
        {
            // Float displacements do not compress (31 MB gzipped against 29 MB raw on the CT phantom), so the gzip
            // stream stores them: still a valid .nii.gz, written in a fraction of the time.
            Nifti.Write(field, path, new NiftiWriteOptions { CompressionLevel = System.IO.Compression.CompressionLevel.NoCompression });
            return;
        }

        ImageFile.Write(field, path);
    }
}
