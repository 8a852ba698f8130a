using System.CommandLine;
using Radiomics.IO;
using Radiomics.Longitudinal.Propagation;
using Radiomics.Longitudinal.Resampling;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Longitudinal.Transforms.IO;
using Spectre.Console;

namespace Radiomics.Cli.Commands;

/// <summary>
/// <c>radiomics propagate MASK --transform T --reference FIXED -o mask.nii.gz</c>: carries a label map drawn on the
/// moving image onto the fixed image's grid through a transform: the output folder of <c>register</c> or any file
/// <see cref="TransformFile"/> reads (displacement field image, ITK <c>.tfm</c>, elastix
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
            var t = parse.GetRequiredValue(transform).FullName;
            var fixedToMoving = Directory.Exists(t) ? RegistrationFolder.ReadTransform(t) : TransformFile.Read(t);
            var referencePath = parse.GetRequiredValue(reference).FullName;
            var geometry = ImageFile.ReadHeader(referencePath).Geometry;
            if (fixedToMoving is DisplacementFieldTransform field)
            {
                // A dense field is only meaningful on the grid it was computed for.
                string fieldName = Directory.Exists(t) ? RegistrationFolder.DisplacementFileName : Path.GetFileName(t);
                field.Geometry.EnsureMatches(geometry, $"displacement field {fieldName} vs reference {Path.GetFileName(referencePath)}");
            }

            var mask = ImageFile.ReadLabelMap(parse.GetRequiredValue(maskArg).FullName);
            var interpolation = parse.GetValue(nearest) ? LabelInterpolation.NearestNeighbor : LabelInterpolation.LinearArgMax;
            var propagated = MaskPropagation.Propagate(mask, fixedToMoving, geometry, interpolation);
            var outPath = parse.GetRequiredValue(output).FullName;
            ImageFile.Write(propagated, outPath);
            var before = string.Join(", ", mask.Labels().Select(l => $"{l}: {mask.Count(l) * mask.Geometry.VoxelVolume / 1000:F2} mL"));
            var after = string.Join(", ", propagated.Labels().Select(l => $"{l}: {propagated.Count(l) * geometry.VoxelVolume / 1000:F2} mL"));
            console.MarkupLine($"[green]Propagated[/] {Markup.Escape(before)} → {Markup.Escape(after)}; written {Markup.Escape(outPath)}");
            return CommandAction.Success;
        }));
        return command;
    }
}
