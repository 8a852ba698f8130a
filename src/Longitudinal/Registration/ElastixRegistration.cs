using System.Diagnostics;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Transforms;

namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// Registration by the elastix executables behind <see cref="IImageRegistration"/>, so pipelines can compare it with
/// our own methods: writes both images, runs <c>elastix</c> with the parameter maps, then <c>transformix -def all</c>,
/// and returns the deformation field (fixed to moving points, mm, LPS, as ITK and elastix define it) as a
/// <see cref="DisplacementFieldTransform"/>.
/// </summary>
public sealed class ElastixRegistration(ElastixSettings? settings = null) : IImageRegistration
{
    public ElastixSettings Settings { get; } = settings ?? new ElastixSettings();

    /// <summary>Whether <paramref name="executable"/> can be started (on PATH or as a path).</summary>
    public static bool IsAvailable(string executable = "elastix") => ExternalTool.CanStart(executable, "--version");

    public RegistrationResult Execute(Image fixedImage, Image movingImage, IProgress<RegistrationProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(fixedImage);
        ArgumentNullException.ThrowIfNull(movingImage);
        var watch = Stopwatch.StartNew();
        string work = Settings.WorkingDirectory ?? Path.Combine(Path.GetTempPath(), $"radiomics-elastix-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            ImageFile.Write(fixedImage, Path.Combine(work, "fixed.nii.gz"));
            ImageFile.Write(movingImage, Path.Combine(work, "moving.nii.gz"));
            var maps = Settings.ParameterFiles.Count > 0 ? Settings.ParameterFiles : WriteDefaultMaps(work);
            progress?.Report(new RegistrationProgress("elastix", 0, 1, 0, double.NaN, 0));
            var args = new List<string> { "-f", Path.Combine(work, "fixed.nii.gz"), "-m", Path.Combine(work, "moving.nii.gz"), "-out", work, "-threads", Settings.NumberOfThreads.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            foreach (var map in maps)
            {
                args.Add("-p");
                args.Add(map);
            }

            Run(Settings.Elastix, args, cancellation);
            string last = Path.Combine(work, $"TransformParameters.{maps.Count - 1}.txt");
            Run(Settings.Transformix, ["-def", "all", "-tp", last, "-out", work, "-threads", Settings.NumberOfThreads.ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellation);
            // The field's format follows the maps' ResultImageFormat (ours: nii.gz; user maps may say mhd or nii).
            var fieldPath = Directory.EnumerateFiles(work, "deformationField.*").FirstOrDefault(ImageFile.IsSupported)
                ?? throw new RegistrationException(RegistrationProblem.ExternalToolFailed, $"transformix wrote no deformationField image in {work}.");
            var field = Transforms.IO.DisplacementFieldFile.ReadField(fieldPath);
            if (!field.Geometry.Matches(fixedImage.Geometry))
            {
                throw new RegistrationException(RegistrationProblem.ExternalToolFailed, $"transformix wrote a deformation field on {field.Geometry.Size}; expected the fixed grid {fixedImage.Geometry.Size}.");
            }

            progress?.Report(new RegistrationProgress("elastix", 0, 1, 0, double.NaN, 1));
            return new RegistrationResult(DisplacementFieldTransform.Adopt(field), fixedImage.Geometry, [], double.NaN, watch.Elapsed);
        }
        finally
        {
            if (Settings.WorkingDirectory is null)
            {
                ExternalTool.DeleteTemporaryFolder(work);
            }
        }
    }

    private static List<string> WriteDefaultMaps(string work)
    {
        string affine = Path.Combine(work, "affine.txt"), bspline = Path.Combine(work, "bspline.txt");
        File.WriteAllText(affine, ElastixParameterMaps.Affine());
        File.WriteAllText(bspline, ElastixParameterMaps.BSpline());
        return [affine, bspline];
    }

    private static void Run(string executable, IReadOnlyList<string> arguments, CancellationToken cancellation) =>
        ExternalTool.Run(executable, arguments, "install elastix (e.g. apt-get install elastix)", cancellation);
}
