using System.CommandLine;
using Radiomics.Longitudinal.Resampling;
using Radiomics.Longitudinal.Workflows;
using Spectre.Console;

namespace Radiomics.Cli.Commands;

/// <summary>
/// <c>radiomics propagate MASK --transform T --reference FIXED -o mask.nii.gz</c>: carries a label map drawn on the
/// moving image onto the fixed image's grid through a transform: the output folder of <c>register</c> or any file
/// <see cref="Radiomics.Longitudinal.Transforms.IO.TransformFile"/> reads (displacement field image, ITK <c>.tfm</c>, elastix
/// <c>TransformParameters.N.txt</c>, <c>affine.json</c>).
/// </summary>
internal static class PropagateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var maskArg = new Argument<FileInfo>("mask") { Description = "Label map on the moving image (e.g. the baseline tumour mask)." };
        var transform = new Option<FileSystemInfo>("--transform", "-t")
        {
            Description = "Output folder of 'register', or a transform file: displacement field (.nii.gz, .nrrd, .mha), ITK .tfm, elastix TransformParameters.N.txt, affine .json.",
            Required = true,
        };
        var reference = new Option<FileInfo>("--reference", "-r") { Description = "The fixed image: the grid of the propagated mask.", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Propagated label map.", Required = true };
        var nearest = new Option<bool>("--nearest") { Description = "Nearest-neighbour labels instead of per-label linear interpolation and arg-max." };
        var command = new Command("propagate", "Carry a label map from the moving to the fixed image through a registration.") { maskArg, transform, reference, output, nearest };
        command.SetAction(parse => CommandAction.Run(console, () =>
        {
            var result = RegistrationWorkflow.Propagate(
                parse.GetRequiredValue(maskArg).FullName,
                parse.GetRequiredValue(transform).FullName,
                parse.GetRequiredValue(reference).FullName,
                parse.GetRequiredValue(output).FullName,
                parse.GetValue(nearest) ? LabelInterpolation.NearestNeighbor : LabelInterpolation.LinearArgMax);
            var (mask, propagated, outPath) = (result.Mask, result.Propagated, result.Output);
            var before = string.Join(", ", mask.Labels().Select(l => $"{l}: {mask.Count(l) * mask.Geometry.VoxelVolume / 1000:F2} mL"));
            var after = string.Join(", ", propagated.Labels().Select(l => $"{l}: {propagated.Count(l) * propagated.Geometry.VoxelVolume / 1000:F2} mL"));
            console.MarkupLine($"[green]Propagated[/] {Markup.Escape(before)} → {Markup.Escape(after)}; written {Markup.Escape(outPath)}");
            return CommandAction.Success;
        }));
        return command;
    }
}
