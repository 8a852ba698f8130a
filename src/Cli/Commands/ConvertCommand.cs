using System.CommandLine;
using System.Globalization;
using Radiomics.IO.Dicom;
using Spectre.Console;

namespace Radiomics.Cli.Commands;

/// <summary>
/// <c>radiomics convert INPUT OUTPUT [--reference SERIES] [--roi NAME | --segment N] [--suv bw|lbm|bsa] [--keep-monochrome1]</c>: a DICOM
/// series, an RTSTRUCT ROI or a SEG segment to NIfTI/NRRD/MetaImage, or a label map to a DICOM SEG (OUTPUT .dcm).
/// </summary>
internal static class ConvertCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var input = new Argument<string>("input") { Description = "DICOM series folder or file, RTSTRUCT, SEG, or an image/label file (for SEG output)." };
        var output = new Argument<FileInfo>("output") { Description = "Image file to write (.nii, .nii.gz, .nrrd, .mha, …), or .dcm for a DICOM SEG." };
        var reference = new Option<string?>("--reference", "-r") { Description = "Reference image or DICOM series: the grid for an RTSTRUCT/SEG, the source series for SEG output." };
        var roi = new Option<string?>("--roi") { Description = "RTSTRUCT ROI name (case-insensitive) or number." };
        var segment = new Option<int?>("--segment") { Description = "SEG segment number (default: all segments, each as its number)." };
        var suv = new Option<string?>("--suv") { Description = "PET: write SUV instead of activity: bw (body weight), lbm (lean body mass), bsa (body surface area)." };
        var volume = new Option<int?>("--volume") { Description = "Which volume (1-based) when a series splits by echo, time or acquisition." };
        var series = new Option<string?>("--series") { Description = "SeriesInstanceUID when the folder holds several series." };
        var rtstruct = new Option<bool>("--rtstruct") { Description = "With a .dcm output: write the label map as an RTSTRUCT (contours per slice) instead of a DICOM SEG." };
        var resample = new Option<bool>("--resample-irregular") { Description = "Accept missing slices, irregular spacing or gantry tilt (resampled / sheared grid) instead of failing." };
        var keepMonochrome1 = new Option<bool>("--keep-monochrome1") { Description = "Keep MONOCHROME1 samples as stored (before the rescale) instead of inverting them so that higher values are brighter." };
        var command = new Command("convert", "Convert DICOM (series, RTSTRUCT, SEG) to NIfTI/NRRD/MetaImage, or a label map to DICOM SEG (or RTSTRUCT with --rtstruct).")
        {
            input, output, reference, roi, segment, suv, volume, series, resample, rtstruct, keepMonochrome1,
        };
        command.SetAction(parse => CommandAction.Run(console, () =>
        {
            var settings = new DicomConversionSettings
            {
                Input = Path.GetFullPath(parse.GetRequiredValue(input)),
                Output = parse.GetRequiredValue(output).FullName,
                Reference = parse.GetValue(reference) is { } r ? Path.GetFullPath(r) : null,
                Roi = parse.GetValue(roi),
                Segment = parse.GetValue(segment),
                RtStruct = parse.GetValue(rtstruct),
                Series = new DicomSeriesOptions
                {
                    Suv = ParseSuv(parse.GetValue(suv)),
                    Volume = parse.GetValue(volume),
                    SeriesInstanceUid = parse.GetValue(series),
                    ResampleIrregular = parse.GetValue(resample),
                    InvertMonochrome1 = !parse.GetValue(keepMonochrome1),
                },
            };
            if (settings.Series.Volume is < 1)
            {
                throw new InvalidInputException($"--volume must be 1 or more (volumes are numbered from 1); got {settings.Series.Volume}.");
            }

            if (settings.Segment is < 1)
            {
                throw new InvalidInputException($"--segment must be 1 or more (segment numbers start at 1); got {settings.Segment}.");
            }

            if (settings.Roi is not null && settings.Segment is not null)
            {
                throw new InvalidInputException("Give either --roi (RTSTRUCT) or --segment (SEG), not both.");
            }

            var result = DicomConversion.Run(settings);
            foreach (var warning in result.Warnings)
            {
                CommandAction.Error.WriteLine($"warning: {warning}");
            }

            var g = result.Geometry;
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"[green]Wrote[/] {Markup.Escape(result.What)} to {Markup.Escape(result.Output)}: {g.Size.X}×{g.Size.Y}×{g.Size.Z}, spacing {g.Spacing.X:G6}×{g.Spacing.Y:G6}×{g.Spacing.Z:G6} mm, {result.PixelType.ToString().ToLowerInvariant()}"));
            return CommandAction.Success;
        }));
        return command;
    }

    internal static SuvKind ParseSuv(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "none" => SuvKind.None,
        "bw" => SuvKind.BodyWeight,
        "lbm" => SuvKind.LeanBodyMass,
        "bsa" => SuvKind.BodySurfaceArea,
        _ => throw new InvalidInputException($"--suv must be bw, lbm or bsa; got '{value}'."),
    };
}
