using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Radiomics.Imaging;
using Radiomics.IO;
using Spectre.Console;

namespace Radiomics.Cli.Commands;

/// <summary><c>radiomics info FILE</c>: size, spacing, origin, direction, voxel type and intensity range of an image.</summary>
internal static class InfoCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "Image file (.nii, .nii.gz, .nrrd, .nhdr, .mha, .mhd)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var command = new Command("info", "Print the geometry, voxel type and intensity range of an image.") { file, json };
        command.SetAction(parse => CommandAction.Run(console, () =>
        {
            var path = parse.GetRequiredValue(file).FullName;
            var summary = ImageFile.ReadSummary(path);
            if (parse.GetValue(json))
            {
                // JSON bypasses Spectre rendering, which would wrap long lines.
                console.Profile.Out.Writer.WriteLine(ToJson(path, summary));
            }
            else
            {
                console.Write(ToTable(path, summary));
            }

            return CommandAction.Success;
        }));
        return command;
    }

    private static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    private static string V(Vec3 v) => $"({F(v.X)}, {F(v.Y)}, {F(v.Z)})";

    internal static Table ToTable(string path, ImageSummary s)
    {
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("field").AddColumn("value");
        void Row(string k, string v) => table.AddRow(new Text(k), new Text(v));
        Row("File", path);
        Row("Voxel type", s.PixelType.ToString().ToLowerInvariant() + (s.Components > 1 ? $" × {s.Components} components" : ""));
        Row("Size", $"{s.Size.X} × {s.Size.Y} × {s.Size.Z} ({s.Size.Count.ToString("N0", CultureInfo.InvariantCulture)} voxels)");
        Row("Spacing (mm)", $"{F(s.Spacing.X)} × {F(s.Spacing.Y)} × {F(s.Spacing.Z)}");
        Row("Origin (mm, LPS)", V(s.Origin));
        var d = s.Direction;
        Row("Direction", $"{V(d.Row(0))}\n{V(d.Row(1))}\n{V(d.Row(2))}");
        Row("Orientation", $"{s.OrientationCode} (axes increase towards)");
        Row("Extent (mm)", $"{F(s.PhysicalExtent.X)} × {F(s.PhysicalExtent.Y)} × {F(s.PhysicalExtent.Z)}");
        Row("Intensity range", $"{F(s.Minimum)} … {F(s.Maximum)} (mean {F(s.Mean)})");
        if (s.NonFiniteValues > 0)
        {
            Row("Non-finite values", s.NonFiniteValues.ToString(CultureInfo.InvariantCulture));
        }

        return table;
    }

    internal static string ToJson(string path, ImageSummary s)
    {
        static double[] A(Vec3 v) => [v.X, v.Y, v.Z];
        var o = new Dictionary<string, object?>
        {
            ["file"] = path,
            ["pixel_type"] = s.PixelType.ToString().ToLowerInvariant(),
            ["components"] = s.Components,
            ["size"] = new[] { s.Size.X, s.Size.Y, s.Size.Z },
            ["spacing"] = A(s.Spacing),
            ["origin"] = A(s.Origin),
            ["direction"] = s.Direction.ToRowMajorArray(),
            ["orientation"] = s.OrientationCode,
            ["min"] = double.IsFinite(s.Minimum) ? s.Minimum : null,
            ["max"] = double.IsFinite(s.Maximum) ? s.Maximum : null,
            ["mean"] = double.IsFinite(s.Mean) ? s.Mean : null,
            ["non_finite"] = s.NonFiniteValues,
        };
        return JsonSerializer.Serialize(o);
    }
}
