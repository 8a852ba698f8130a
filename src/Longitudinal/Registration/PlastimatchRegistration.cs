using System.Diagnostics;
using System.Globalization;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Transforms;

namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// Registration by <c>plastimatch register</c> behind <see cref="IImageRegistration"/>, beside
/// <see cref="ElastixRegistration"/>: writes both images and a command file (<c>register.txt</c>: the run's
/// <c>[GLOBAL]</c> section, then the stages of <see cref="PlastimatchParameters"/> or of your own file), runs it, and
/// returns plastimatch's vector field (fixed to moving points, mm, LPS, as ITK defines it) as a
/// <see cref="DisplacementFieldTransform"/>. plastimatch's output is kept in <c>plastimatch.log</c>.
/// </summary>
public sealed class PlastimatchRegistration(PlastimatchSettings? settings = null) : IImageRegistration
{
    /// <summary>The command file written in the working folder.</summary>
    public const string CommandFileName = "register.txt";

    /// <summary>plastimatch's output, kept in the working folder.</summary>
    public const string LogFileName = "plastimatch.log";

    public PlastimatchSettings Settings { get; } = settings ?? new PlastimatchSettings();

    /// <summary>Whether <paramref name="executable"/> can be started (on PATH or as a path).</summary>
    public static bool IsAvailable(string executable = "plastimatch") => ExternalTool.CanStart(executable, "--version");

    public RegistrationResult Execute(Image fixedImage, Image movingImage, IProgress<RegistrationProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(fixedImage);
        ArgumentNullException.ThrowIfNull(movingImage);
        var watch = Stopwatch.StartNew();
        string stages = Settings.ParameterFile is { } file ? PlastimatchParameters.WithoutGlobal(ReadCommandFile(file)) : PlastimatchParameters.Stages();
        string work = Settings.WorkingDirectory ?? Path.Combine(Path.GetTempPath(), $"radiomics-plastimatch-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            string fixedPath = Path.Combine(work, "fixed.nii.gz"), movingPath = Path.Combine(work, "moving.nii.gz"), fieldPath = Path.Combine(work, "vf.nii.gz");
            ImageFile.Write(fixedImage, fixedPath);
            ImageFile.Write(movingImage, movingPath);
            string command = Path.Combine(work, CommandFileName);
            AtomicFile.WriteAllText(command, PlastimatchParameters.Global(fixedPath, movingPath, fieldPath) + stages);
            progress?.Report(new RegistrationProgress("plastimatch", 0, 1, 0, double.NaN, 0));
            string threads = Math.Max(1, Settings.NumberOfThreads).ToString(CultureInfo.InvariantCulture);
            string log = ExternalTool.Run(Settings.Plastimatch, ["register", command], "install plastimatch (e.g. apt-get install plastimatch)", cancellation,
                new Dictionary<string, string> { ["OMP_NUM_THREADS"] = threads, ["ITK_GLOBAL_DEFAULT_NUMBER_OF_THREADS"] = threads });
            AtomicFile.WriteAllText(Path.Combine(work, LogFileName), log);
            if (!File.Exists(fieldPath))
            {
                throw new RegistrationException(RegistrationProblem.ExternalToolFailed, $"plastimatch wrote no vector field {fieldPath}; see {Path.Combine(work, LogFileName)}.");
            }

            var field = Transforms.IO.DisplacementFieldFile.ReadField(fieldPath);
            if (!field.Geometry.Matches(fixedImage.Geometry))
            {
                throw new RegistrationException(RegistrationProblem.ExternalToolFailed, $"plastimatch wrote a vector field on {field.Geometry.Size}; expected the fixed grid {fixedImage.Geometry.Size}.");
            }

            if (Settings.WorkingDirectory is not null)
            {
                // The command file and the log stay; the image copies and the field (returned in memory) go.
                foreach (var copy in new[] { fixedPath, movingPath, fieldPath })
                {
                    File.Delete(copy);
                }
            }

            progress?.Report(new RegistrationProgress("plastimatch", 0, 1, 0, double.NaN, 1));
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

    private static string ReadCommandFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RegistrationException(RegistrationProblem.ExternalToolFailed, $"plastimatch command file {path} cannot be read: {e.Message}", nameof(PlastimatchSettings.ParameterFile), e);
        }
    }
}
