using Radiomics.Numerics;
using Radiomics.Processing;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Registration;
using Radiomics.Longitudinal.Resampling;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Longitudinal.Transforms.IO;
using Spectre.Console;

namespace Radiomics.Cli.Commands;

/// <summary>
/// <c>radiomics register FIXED MOVING -o OUTDIR</c>: affine then cubic B-spline registration (Mattes mutual
/// information), by our own methods or by elastix (<c>--backend elastix</c>). Writes the registration folder of
/// <see cref="RegistrationFolder"/> (<c>displacement.nii.gz</c>: the dense field u on the fixed grid, mm, LPS
/// components, fixed point x ↔ moving point x + u(x); the affine stage as <c>affine.json</c> and ITK's
/// <c>affine.tfm</c>), plus <c>moving_resampled.nii.gz</c> (the moving image on the fixed grid, for checking) and
/// <c>registration.json</c> (settings, levels, timing).
/// </summary>
internal static class RegisterCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var fixedArg = new Argument<FileInfo>("fixed") { Description = "Fixed image (e.g. the follow-up scan): the grid of the outputs." };
        var movingArg = new Argument<FileInfo>("moving") { Description = "Moving image (e.g. the baseline scan)." };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Folder for the transform files.", Required = true };
        var threads = new Option<int>("--threads") { Description = "Threads (0: all cores).", DefaultValueFactory = _ => 0 };
        var gridSpacing = new Option<double?>("--grid-spacing") { Description = "B-spline control point spacing at the finest level, mm (default 12; ours only)." };
        var affineOnly = new Option<bool>("--affine-only") { Description = "Stop after the affine stage (ours only)." };
        var fixedMask = new Option<FileInfo?>("--fixed-mask") { Description = "Only voxels of this mask (on the fixed grid) drive the metric (ours only)." };
        var backend = new Option<string>("--backend") { Description = "ours (default), elastix (runs elastix and transformix; keeps their parameter files in OUTDIR/elastix) or plastimatch (runs plastimatch register; keeps its command file and log in OUTDIR/plastimatch).", DefaultValueFactory = _ => "ours" };
        backend.AcceptOnlyFromAmong("ours", "elastix", "plastimatch");
        var command = new Command("register", "Register a moving image with a fixed image (affine, then B-spline) and write the transform.")
        {
            fixedArg, movingArg, output, threads, gridSpacing, affineOnly, fixedMask, backend,
        };
        command.SetAction(parse => CommandAction.Run(console, () =>
        {
            var fixedPath = parse.GetRequiredValue(fixedArg).FullName;
            var movingPath = parse.GetRequiredValue(movingArg).FullName;
            var outDir = parse.GetRequiredValue(output).FullName;
            int threadCount = OptionChecks.Threads(parse.GetValue(threads)) is > 0 and var t ? t : Environment.ProcessorCount;
            string backendName = parse.GetValue(backend) ?? "ours";
            bool elastix = backendName == "elastix", plastimatch = backendName == "plastimatch";
            if ((elastix || plastimatch) && (parse.GetValue(affineOnly) || parse.GetValue(gridSpacing) is not null || parse.GetValue(fixedMask) is not null))
            {
                throw new InvalidInputException($"--affine-only, --grid-spacing and --fixed-mask apply to the 'ours' backend; with {backendName}, give parameter files through the library (ElastixSettings.ParameterFiles, PlastimatchSettings.ParameterFile).");
            }

            var elastixSettings = new ElastixSettings { NumberOfThreads = threadCount, WorkingDirectory = Path.Combine(outDir, "elastix") };
            if (elastix && !ElastixRegistration.IsAvailable(elastixSettings.Elastix))
            {
                throw new InvalidInputException("--backend elastix: the 'elastix' executable was not found on PATH; install elastix (e.g. apt-get install elastix) or use --backend ours.");
            }

            var plastimatchSettings = new PlastimatchSettings { NumberOfThreads = threadCount, WorkingDirectory = Path.Combine(outDir, "plastimatch") };
            if (plastimatch && !PlastimatchRegistration.IsAvailable(plastimatchSettings.Plastimatch))
            {
                throw new InvalidInputException("--backend plastimatch: the 'plastimatch' executable was not found on PATH; install plastimatch (e.g. apt-get install plastimatch) or use --backend ours.");
            }

            Image? fixedImage = ImageFile.Read(fixedPath);
            var movingImage = ImageFile.Read(movingPath);
            var fixedGeometry = fixedImage.Geometry;
            var defaults = new DeformableRegistrationSettings();
            var settings = defaults with
            {
                NumberOfThreads = threadCount,
                Deformable = parse.GetValue(affineOnly) ? null
                    : parse.GetValue(gridSpacing) is { } g ? defaults.Deformable! with { GridSpacing = OptionChecks.Positive(g, "--grid-spacing", "mm") } : defaults.Deformable,
            };
            LabelMap? mask = parse.GetValue(fixedMask) is { } m ? ImageFile.ReadLabelMap(m.FullName) : null;
            mask?.Geometry.EnsureMatches(fixedGeometry, $"fixed mask {parse.GetValue(fixedMask)!.Name} vs fixed image");
            IImageRegistration method = elastix ? new ElastixRegistration(elastixSettings)
                : plastimatch ? new PlastimatchRegistration(plastimatchSettings)
                : new DeformableRegistration(settings) { FixedImageMask = mask };

            RegistrationResult result = null!;
            console.Progress().Start(ctx =>
            {
                var task = ctx.AddTask("Registering", maxValue: 1);
                result = method.Execute(fixedImage!, movingImage, new SynchronousProgress<RegistrationProgress>(p =>
                {
                    task.Description = $"{p.Stage} level {p.Level + 1}/{p.LevelCount}";
                    task.Value = p.Fraction;
                }));
                task.Value = 1;
            });

            // A 512×512×300 CT pair must stay under 4 GB: drop what is no longer needed and return the registration's
            // working copies to the system before the outputs (a gigabyte-sized field) are allocated.
            fixedImage = null;
            ReleaseMemory();
            var parallel = new Parallelism(threadCount);
            if (elastix)
            {
                RemoveElastixCopies(elastixSettings.WorkingDirectory!);
            }

            var affine = elastix ? ElastixAffineStage(elastixSettings.WorkingDirectory!) : RegistrationFolder.AffineStage(result.Transform);
            Folding folding;
            {
                var field = result.DisplacementField(parallel);
                folding = Folding.Of(DisplacementField.JacobianDeterminant(field, parallel));
                RegistrationFolder.Write(outDir, field, affine);
                // Through the sampled field: one trilinear lookup per voxel instead of a B-spline evaluation.
                var resampled = Resampler.Resample(movingImage, DisplacementFieldTransform.Adopt(field), fixedGeometry, Interpolator.Linear, 0, parallel);
                ImageFile.Write(resampled, Path.Combine(outDir, "moving_resampled.nii.gz"));
            }

            ReleaseMemory();

            AtomicFile.WriteAllText(Path.Combine(outDir, "registration.json"), JsonSerializer.Serialize(new
            {
                @fixed = fixedPath,
                moving = movingPath,
                backend = backendName,
                convention = $"{RegistrationFolder.DisplacementFileName}: u on the fixed grid in mm, LPS; fixed point x corresponds to moving point x + u(x)",
                metric = Finite(result.MetricValue),
                seconds = result.Elapsed.TotalSeconds,
                threads = threadCount,
                jacobian_min = folding.MinimumJacobian,
                jacobian_max = folding.MaximumJacobian,
                folded_voxels = folding.FoldedVoxels,
                folded_volume_mm3 = folding.FoldedVolumeMm3,
                folding_guard_retries = result.FoldingRetries,
                levels = result.Levels.Select(l => new { stage = l.Stage, level = l.Level, iterations = l.Iterations, metric = Finite(l.MetricValue), seconds = l.Elapsed.TotalSeconds, stop = l.StopReason.ToString() }),
            }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            string metric = double.IsFinite(result.MetricValue) ? string.Create(CultureInfo.InvariantCulture, $"; metric {result.MetricValue:F4}") : "";
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"[green]Registered[/] ({backendName}) in {result.Elapsed.TotalSeconds:F1} s on {threadCount} thread(s){metric}; Jacobian determinant {folding.MinimumJacobian:F3} … {folding.MaximumJacobian:F3}{(folding.Folds ? $" [red](folding: {folding.FoldedVolumeMm3:F1} mm³)[/]" : " (no folding)")}"));
            string affineFiles = affine is null ? "" : $", {RegistrationFolder.AffineJsonFileName}, {RegistrationFolder.AffineItkFileName}";
            console.MarkupLine($"Transform in {Markup.Escape(outDir)}: {RegistrationFolder.DisplacementFileName}{affineFiles}, registration.json, moving_resampled.nii.gz");
            return CommandAction.Success;
        }));
        return command;
    }

    /// <summary>A compacting collection that also returns freed pages to the operating system.</summary>
    private static void ReleaseMemory() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>Removes elastix's copies of the images and its field from the kept working folder; the parameter files and logs stay.</summary>
    private static void RemoveElastixCopies(string work)
    {
        foreach (var copy in new[] { "fixed.nii.gz", "moving.nii.gz" }.Select(f => Path.Combine(work, f)).Concat(Directory.EnumerateFiles(work, "deformationField.*")))
        {
            File.Delete(copy);
        }
    }

    /// <summary>
    /// The affine stage of an elastix run: its first parameter file when that is a linear transform (the built-in maps
    /// run affine then B-spline).
    /// </summary>
    private static AffineTransform? ElastixAffineStage(string work)
    {
        string first = Path.Combine(work, "TransformParameters.0.txt");
        if (!File.Exists(first))
        {
            return null;
        }

        try
        {
            return ElastixTransformParameters.Read(first) is ILinearTransform linear ? linear.ToAffine() : null;
        }
        catch (TransformFileException)
        {
            return null;
        }
    }
}
