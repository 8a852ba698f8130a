using System.CommandLine;
using System.Globalization;
using Radiomics.Longitudinal.Registration;
using Radiomics.Longitudinal.Workflows;
using Spectre.Console;

namespace Radiomics.Cli.Commands;

/// <summary>
/// <c>radiomics register FIXED MOVING -o OUTDIR</c>: affine then cubic B-spline registration (Mattes mutual
/// information), by our own methods, elastix or plastimatch (<c>--backend</c>), through <see cref="RegistrationWorkflow"/>.
/// Writes the registration folder of <see cref="Radiomics.Longitudinal.Transforms.IO.RegistrationFolder"/> (<c>displacement.nii.gz</c>: the dense field u on the fixed grid, mm, LPS
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
        var volumeChange = new Option<bool>("--volume-change") { Description = "A study's settings, for Jacobian volume change: 6 mm grid and the dense refinement (ours only; slower)." };
        var affineOnly = new Option<bool>("--affine-only") { Description = "Stop after the affine stage (ours only)." };
        var fixedMask = new Option<FileInfo?>("--fixed-mask") { Description = "Only voxels of this mask (on the fixed grid) drive the metric (ours only)." };
        var backend = new Option<string>("--backend") { Description = "ours (default), elastix (runs elastix and transformix; keeps their parameter files in OUTDIR/elastix) or plastimatch (runs plastimatch register; keeps its command file and log in OUTDIR/plastimatch).", DefaultValueFactory = _ => "ours" };
        backend.AcceptOnlyFromAmong("ours", "elastix", "plastimatch");
        var format = TableOutput.CreateOption();
        var command = new Command("register", "Register a moving image with a fixed image (affine, then B-spline) and write the transform.")
        {
            fixedArg, movingArg, output, threads, gridSpacing, volumeChange, affineOnly, fixedMask, backend, format,
        };
        command.SetAction(parse => CommandAction.Run(console, () =>
        {
            string backendName = parse.GetValue(backend) ?? "ours";
            if (parse.GetValue(volumeChange) && backendName != "ours")
            {
                throw new InvalidInputException($"--volume-change applies to the 'ours' backend, not to {backendName}.");
            }

            var settings = new RegistrationWorkflowSettings
            {
                Backend = backendName switch { "elastix" => RegistrationBackend.Elastix, "plastimatch" => RegistrationBackend.Plastimatch, _ => RegistrationBackend.Ours },
                Parallelism = new(OptionChecks.Threads(parse.GetValue(threads))),
                AffineOnly = parse.GetValue(affineOnly),
                Ours = parse.GetValue(volumeChange) ? DeformableRegistrationSettings.ForVolumeChange : new DeformableRegistrationSettings(),
                GridSpacing = parse.GetValue(gridSpacing) is { } g ? OptionChecks.Positive(g, "--grid-spacing", "mm") : null,
            };
            var printing = TableOutput.Resolve(console, parse.GetValue(format));
            var result = Registering(console, printing, p => RegistrationWorkflow.Register(
                parse.GetRequiredValue(fixedArg).FullName, parse.GetRequiredValue(movingArg).FullName, parse.GetRequiredValue(output).FullName, settings,
                parse.GetValue(fixedMask)?.FullName, p));
            var (registration, folding) = (result.Registration, result.Folding);
            string metric = double.IsFinite(registration.MetricValue) ? string.Create(CultureInfo.InvariantCulture, $"; metric {registration.MetricValue:F4}") : "";
            TableOutput.Message(console, printing, string.Create(CultureInfo.InvariantCulture,
                $"[green]Registered[/] ({backendName}) in {registration.Elapsed.TotalSeconds:F1} s on {result.Threads} thread(s){metric}; Jacobian determinant {folding.MinimumJacobian:F3} … {folding.MaximumJacobian:F3}{(folding.Folds ? $" [red](folding: {folding.FoldedVolumeMm3:F1} mm³)[/]" : " (no folding)")}"));
            TableOutput.Message(console, printing, $"Transform in {Markup.Escape(result.Folder)}: {string.Join(", ", result.Files)}");
            if (printing != OutputFormat.Table)
            {
                TableOutput.Print(console, printing, result.SummaryTable());
            }

            return CommandAction.Success;
        }));
        return command;
    }

    private static RegistrationWorkflowResult Registering(IAnsiConsole console, OutputFormat format, Func<IProgress<RegistrationProgress>?, RegistrationWorkflowResult> register) =>
        format != OutputFormat.Table ? register(null) : console.Progress().Start(ctx =>
        {
            var task = ctx.AddTask("Registering", maxValue: 1);
            var result = register(new SynchronousProgress<RegistrationProgress>(p =>
            {
                task.Description = $"{p.Stage} level {p.Level + 1}/{p.LevelCount}";
                task.Value = p.Fraction;
            }));
            task.Value = 1;
            return result;
        });
}
