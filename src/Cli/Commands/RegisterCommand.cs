using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Registration;
using Radiomics.Longitudinal.Resampling;
using Radiomics.Longitudinal.Transforms;
using Spectre.Console;

namespace Radiomics.Cli.Commands;

/// <summary>
/// <c>radiomics register FIXED MOVING -o OUTDIR</c>: affine then cubic B-spline registration (Mattes mutual
/// information). Writes <c>displacement.nii.gz</c> (the dense field u on the fixed grid, mm, LPS components: fixed
/// point x corresponds to moving point x + u(x)), <c>affine.json</c> (the affine stage), <c>moving_resampled.nii.gz</c>
/// (the moving image on the fixed grid, for checking) and <c>registration.json</c> (settings, levels, timing).
/// </summary>
internal static class RegisterCommand
{
    public const string DisplacementFile = "displacement.nii.gz";

    public static Command Create(IAnsiConsole console)
    {
        var fixedArg = new Argument<FileInfo>("fixed") { Description = "Fixed image (e.g. the follow-up scan): the grid of the outputs." };
        var movingArg = new Argument<FileInfo>("moving") { Description = "Moving image (e.g. the baseline scan)." };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Folder for the transform files.", Required = true };
        var threads = new Option<int>("--threads") { Description = "Threads (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var gridSpacing = new Option<double?>("--grid-spacing") { Description = "B-spline control point spacing at the finest level, mm (default 12)." };
        var affineOnly = new Option<bool>("--affine-only") { Description = "Stop after the affine stage." };
        var fixedMask = new Option<FileInfo?>("--fixed-mask") { Description = "Only voxels of this mask (on the fixed grid) drive the metric." };
        var command = new Command("register", "Register a moving image with a fixed image (affine, then B-spline) and write the transform.")
        {
            fixedArg, movingArg, output, threads, gridSpacing, affineOnly, fixedMask,
        };
        command.SetAction(parse => CommandAction.Run(console, () =>
        {
            var fixedPath = parse.GetRequiredValue(fixedArg).FullName;
            var movingPath = parse.GetRequiredValue(movingArg).FullName;
            var outDir = parse.GetRequiredValue(output).FullName;
            var fixedImage = ImageFile.Read(fixedPath);
            var movingImage = ImageFile.Read(movingPath);
            var defaults = new DeformableRegistrationSettings();
            var settings = defaults with
            {
                NumberOfThreads = Math.Max(1, parse.GetValue(threads)),
                Deformable = parse.GetValue(affineOnly) ? null
                    : parse.GetValue(gridSpacing) is { } g ? defaults.Deformable! with { GridSpacing = g } : defaults.Deformable,
            };
            LabelMap? mask = parse.GetValue(fixedMask) is { } m ? ImageFile.ReadLabelMap(m.FullName) : null;
            mask?.Geometry.EnsureMatches(fixedImage.Geometry, $"fixed mask {parse.GetValue(fixedMask)!.Name} vs fixed image");

            RegistrationResult result = null!;
            console.Progress().Start(ctx =>
            {
                var task = ctx.AddTask("Registering", maxValue: 1);
                result = new DeformableRegistration(settings) { FixedImageMask = mask }.Execute(fixedImage, movingImage, new SynchronousProgress<RegistrationProgress>(p =>
                {
                    task.Description = $"{p.Stage} level {p.Level + 1}/{p.LevelCount}";
                    task.Value = p.Fraction;
                }));
                task.Value = 1;
            });

            var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.NumberOfThreads };
            var field = result.DisplacementField(parallel);
            var jacobian = DisplacementField.JacobianDeterminant(field, parallel);
            Directory.CreateDirectory(outDir);
            ImageFile.Write(field, Path.Combine(outDir, DisplacementFile));
            ImageFile.Write(Resampler.Resample(movingImage, result.Transform, fixedImage.Geometry, InterpolatorKind.Linear, 0, parallel), Path.Combine(outDir, "moving_resampled.nii.gz"));
            if (AffineStage(result.Transform) is { } affine)
            {
                AtomicFile.WriteAllText(Path.Combine(outDir, "affine.json"), AffineJson(affine));
            }

            var (minJ, maxJ) = jacobian.Range();
            AtomicFile.WriteAllText(Path.Combine(outDir, "registration.json"), JsonSerializer.Serialize(new
            {
                @fixed = fixedPath,
                moving = movingPath,
                convention = "displacement.nii.gz: u on the fixed grid in mm, LPS; fixed point x corresponds to moving point x + u(x)",
                metric = result.MetricValue,
                seconds = result.Elapsed.TotalSeconds,
                threads = settings.NumberOfThreads,
                jacobian_min = minJ,
                jacobian_max = maxJ,
                levels = result.Levels.Select(l => new { stage = l.Stage, level = l.Level, iterations = l.Iterations, metric = l.MetricValue, seconds = l.Elapsed.TotalSeconds, stop = l.StopReason.ToString() }),
            }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"[green]Registered[/] in {result.Elapsed.TotalSeconds:F1} s on {settings.NumberOfThreads} thread(s); metric {result.MetricValue:F4}; Jacobian determinant {minJ:F3} … {maxJ:F3}{(minJ > 0 ? " (no folding)" : " [red](folding)[/]")}"));
            console.MarkupLine($"Transform in {Markup.Escape(outDir)}: {DisplacementFile}, registration.json, moving_resampled.nii.gz");
            return CommandAction.Success;
        }));
        return command;
    }

    private static AffineTransform? AffineStage(ITransform transform) => transform switch
    {
        AffineTransform a => a,
        ILinearTransform l => l.ToAffine(),
        CompositeTransform c => c.Transforms.OfType<ILinearTransform>().Select(l => l.ToAffine()).FirstOrDefault(),
        _ => null,
    };

    private static string AffineJson(AffineTransform a) => JsonSerializer.Serialize(new
    {
        convention = "fixed point x maps to moving point matrix · (x − center) + center + translation (mm, LPS; ITK's AffineTransform)",
        matrix = new[] { Row(a.Matrix, 0), Row(a.Matrix, 1), Row(a.Matrix, 2) },
        translation = new[] { a.Translation.X, a.Translation.Y, a.Translation.Z },
        center = new[] { a.Center.X, a.Center.Y, a.Center.Z },
    }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static double[] Row(Matrix3 m, int r) => [m[r, 0], m[r, 1], m[r, 2]];
}
