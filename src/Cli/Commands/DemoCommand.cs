using System.CommandLine;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Synthetic;
using Spectre.Console;

namespace Radiomics.Cli.Commands;

/// <summary>
/// <c>radiomics demo</c>: the main job on built-in synthetic data, needing no download. It writes a synthetic scan
/// with a heterogeneous tumour and its mask, reads them back and summarises them.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var output = new Option<DirectoryInfo>("--output", "-o")
        {
            Description = "Folder for the demo's files.",
            DefaultValueFactory = _ => new DirectoryInfo("demo-output"),
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic data.", DefaultValueFactory = _ => 1 };
        var command = new Command("demo", "Run the toolkit end to end on built-in synthetic data.") { output, seed };
        command.SetAction(parse => CommandAction.Run(console, () =>
        {
            var dir = parse.GetRequiredValue(output);
            dir.Create();
            var (image, mask) = SyntheticTumour.Create(new SyntheticTumourSettings { Seed = parse.GetValue(seed) });
            string imagePath = Path.Combine(dir.FullName, "synthetic_ct.nii.gz");
            string maskPath = Path.Combine(dir.FullName, "synthetic_ct_mask.nii.gz");
            ImageFile.Write(image, imagePath);
            ImageFile.Write(mask, maskPath);
            var reread = ImageFile.Read(imagePath);
            var labels = ImageFile.ReadLabelMap(maskPath);
            console.MarkupLine($"[green]Wrote[/] {Markup.Escape(imagePath)} and {Markup.Escape(maskPath)}");
            console.Write(InfoCommand.ToTable(imagePath, ImageSummary.Of(reread)));
            double volume = labels.Count(1) * labels.Geometry.VoxelVolume;
            console.MarkupLine($"Tumour mask: {labels.Count(1)} voxels, {volume / 1000:F2} cm³");
            return CommandAction.Success;
        }));
        return command;
    }
}
