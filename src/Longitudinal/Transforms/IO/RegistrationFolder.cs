using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Transforms.IO;

/// <summary>
/// The output folder of <c>radiomics register</c>: <c>displacement.nii.gz</c> (the whole registration as a dense field
/// on the fixed grid, mm, LPS components: fixed point <c>x</c> ↔ moving point <c>x + u(x)</c>) and its affine stage
/// as <c>affine.json</c> and ITK's <c>affine.tfm</c>. Every file is written atomically.
/// </summary>
public static class RegistrationFolder
{
    public const string DisplacementFileName = "displacement.nii.gz";
    public const string AffineJsonFileName = "affine.json";
    public const string AffineItkFileName = "affine.tfm";

    /// <summary>
    /// Writes the field and, when given, the affine stage (both as JSON and ITK text); creates the folder.
    /// </summary>
    public static void Write(string folder, Image<float> displacement, AffineTransform? affine)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(displacement);
        Directory.CreateDirectory(folder);
        DisplacementFieldFile.Write(displacement, Path.Combine(folder, DisplacementFileName));
        if (affine is not null)
        {
            AffineTransformJson.Write(affine, Path.Combine(folder, AffineJsonFileName));
            ItkTransformText.Write(affine, Path.Combine(folder, AffineItkFileName));
        }
        else
        {
            // An earlier run into the same folder must not leave an affine that contradicts the new field.
            File.Delete(Path.Combine(folder, AffineJsonFileName));
            File.Delete(Path.Combine(folder, AffineItkFileName));
        }
    }

    /// <summary>
    /// The affine part of a registration result: the transform itself when linear, else the first linear member of a
    /// composite (ours are <c>[B-spline, affine]</c>); null when there is none.
    /// </summary>
    public static AffineTransform? AffineStage(ITransform transform) => transform switch
    {
        ILinearTransform l => l.ToAffine(),
        CompositeTransform c => c.Transforms.OfType<ILinearTransform>().Select(l => l.ToAffine()).FirstOrDefault(),
        _ => null,
    };

    /// <summary>
    /// The registration in <paramref name="folder"/>: the displacement field when present (it holds the whole
    /// transform), else the affine stage from <c>affine.json</c> or <c>affine.tfm</c>.
    /// </summary>
    public static ITransform ReadTransform(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
        {
            throw new TransformFileException(folder, TransformFileProblem.NotFound, "no such folder.");
        }

        string field = Path.Combine(folder, DisplacementFileName);
        if (File.Exists(field))
        {
            return DisplacementFieldFile.Read(field);
        }

        string json = Path.Combine(folder, AffineJsonFileName);
        if (File.Exists(json))
        {
            return AffineTransformJson.Read(json);
        }

        string tfm = Path.Combine(folder, AffineItkFileName);
        if (File.Exists(tfm))
        {
            return ItkTransformText.Read(tfm);
        }

        throw new TransformFileException(folder, TransformFileProblem.NotFound,
            $"no {DisplacementFileName}, {AffineJsonFileName} or {AffineItkFileName}; give the output folder of 'radiomics register' or a transform file.");
    }
}
