using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Transforms.IO;

/// <summary>
/// Reads and writes a transform in whichever format its file name (and, for <c>.txt</c>, its content) names:
/// <c>.json</c> (<see cref="AffineTransformJson"/>), <c>.tfm</c> (<see cref="ItkTransformText"/>), <c>.txt</c> (an
/// elastix <c>TransformParameters</c> file when it has <c>(Transform …)</c> lines, else ITK text), and images
/// <c>.nii</c>, <c>.nii.gz</c>, <c>.nrrd</c>, <c>.nhdr</c>, <c>.mha</c>, <c>.mhd</c> (<see cref="DisplacementFieldFile"/>).
/// Every transform maps fixed-space points to moving-space points, LPS mm.
/// </summary>
public static class TransformFile
{
    /// <summary>Reads the transform in <paramref name="path"/>.</summary>
    public static ITransform Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new TransformFileException(path, TransformFileProblem.UnknownFormat, "this is a folder; read the output folder of 'radiomics register' with RegistrationFolder.ReadTransform.");
        }

        if (!File.Exists(path))
        {
            throw new TransformFileException(path, TransformFileProblem.NotFound, "no such file.");
        }

        return FormatOf(path) switch
        {
            Format.Json => AffineTransformJson.Read(path),
            Format.Field => DisplacementFieldFile.Read(path),
            Format.Itk => ItkTransformText.Read(path),
            _ => ReadByContent(path),
        };
    }

    /// <summary>
    /// Writes <paramref name="transform"/> in the format the extension names. A JSON file holds linear transforms only;
    /// an image holds a displacement field, sampled on <paramref name="fieldGrid"/> unless the transform already is one.
    /// </summary>
    public static void Write(ITransform transform, string path, ImageGeometry? fieldGrid = null)
    {
        ArgumentNullException.ThrowIfNull(transform);
        ArgumentException.ThrowIfNullOrEmpty(path);
        switch (FormatOf(path))
        {
            case Format.Json:
                AffineTransformJson.Write(transform is ILinearTransform l ? l.ToAffine()
                    : throw new TransformFileException(path, TransformFileProblem.Unsupported, $"a JSON transform file holds an affine transform; {transform.GetType().Name} is not linear (write .tfm or a displacement field image)."), path);
                break;
            case Format.Itk or Format.Text:
                ItkTransformText.Write(transform, path);
                break;
            case Format.Field:
                if (transform is DisplacementFieldTransform field && (fieldGrid is null || field.Geometry.Matches(fieldGrid)))
                {
                    DisplacementFieldFile.Write(field, path);
                }
                else if (fieldGrid is not null)
                {
                    DisplacementFieldFile.Write(DisplacementField.Sample(transform, fieldGrid), path);
                }
                else
                {
                    throw new TransformFileException(path, TransformFileProblem.Unsupported, $"writing {transform.GetType().Name} as a displacement field image needs the grid to sample it on.");
                }

                break;
            default:
                throw new TransformFileException(path, TransformFileProblem.UnknownFormat, "the extension is none of .json, .tfm, .txt or an image format (.nii.gz, .nrrd, .mha, …).");
        }
    }

    private static ITransform ReadByContent(string path)
    {
        var info = new FileInfo(path);
        if (info.Length > 64L << 20)
        {
            throw new TransformFileException(path, TransformFileProblem.UnknownFormat, "not a transform file this toolkit knows by its extension, and too large to be a text transform.");
        }

        string text = TransformText.ReadAll(path);
        if (ElastixTransformParameters.LooksLike(text))
        {
            return ElastixTransformParameters.Read(path);
        }

        if (ItkTransformText.LooksLike(text))
        {
            return ItkTransformText.Parse(text, path);
        }

        if (text.TrimStart().StartsWith('{'))
        {
            return AffineTransformJson.Parse(text, path);
        }

        throw new TransformFileException(path, TransformFileProblem.UnknownFormat,
            "neither an elastix parameter file ((Transform \"…\") line) nor an ITK transform file (#Insight Transform File) nor affine JSON.");
    }

    private static Format FormatOf(string path)
    {
        if (DisplacementFieldFile.IsFieldPath(path))
        {
            return Format.Field;
        }

        string ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".json" => Format.Json,
            ".tfm" => Format.Itk,
            ".txt" => Format.Text,
            _ => Format.Unknown,
        };
    }

    private enum Format
    {
        Unknown,
        Json,
        Itk,
        Text,
        Field,
    }
}
