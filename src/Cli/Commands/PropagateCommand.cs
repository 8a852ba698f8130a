using System.CommandLine;
using Radiomics.IO;
using Radiomics.Longitudinal.Propagation;
using Radiomics.Longitudinal.Resampling;
using Radiomics.Longitudinal.Transforms;
using Spectre.Console;

namespace Radiomics.Cli.Commands;

/// <summary>
/// <c>radiomics propagate MASK --transform OUTDIR --reference FIXED -o mask.nii.gz</c>: carries a label map drawn on
/// the moving image onto the fixed image's grid through the displacement field written by <c>register</c>.
/// </summary>
internal static class PropagateCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var maskArg = new Argument<FileInfo>("mask") { Description = "Label map on the moving image (e.g. the baseline tumour mask)." };
        var transform = new Option<FileSystemInfo>("--transform", "-t") { Description = "Output folder of 'register' (or its displacement.nii.gz).", Required = true };
        var reference = new Option<FileInfo>("--reference", "-r") { Description = "The fixed image: the grid of the propagated mask.", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Propagated label map.", Required = true };
        var nearest = new Option<bool>("--nearest") { Description = "Nearest-neighbour labels instead of per-label linear interpolation and arg-max." };
        var command = new Command("propagate", "Carry a label map from the moving to the fixed image through a registration.") { maskArg, transform, reference, output, nearest };
        command.SetAction(parse => CommandAction.Run(console, () =>
        {
            var t = parse.GetRequiredValue(transform).FullName;
            var fieldPath = Directory.Exists(t) ? Path.Combine(t, RegisterCommand.DisplacementFile) : t;
            if (!File.Exists(fieldPath))
            {
                throw new FileNotFoundException($"No displacement field at {fieldPath}; give the output folder of 'radiomics register' or the field file.", fieldPath);
            }

            var field = ImageFile.Read<float>(fieldPath);
            if (field.Components != 3)
            {
                throw new InvalidDataException($"{fieldPath}: a displacement field has 3 components per voxel; this image has {field.Components}.");
            }

            var referencePath = parse.GetRequiredValue(reference).FullName;
            var geometry = ImageFile.ReadHeader(referencePath).Geometry;
            field.Geometry.EnsureMatches(geometry, $"displacement field {Path.GetFileName(fieldPath)} vs reference {Path.GetFileName(referencePath)}");
            var mask = ImageFile.ReadLabelMap(parse.GetRequiredValue(maskArg).FullName);
            var interpolation = parse.GetValue(nearest) ? LabelInterpolation.NearestNeighbor : LabelInterpolation.LinearArgMax;
            var propagated = MaskPropagation.Propagate(mask, new DisplacementFieldTransform(field), geometry, interpolation);
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
