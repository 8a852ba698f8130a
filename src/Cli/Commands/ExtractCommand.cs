using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.IO;
using Spectre.Console;

namespace Radiomics.Cli.Commands;

/// <summary>
/// <c>radiomics extract IMAGE MASK [--params settings.yaml | --preset NAME] [--label N] -o features.csv</c>: IBSI 1
/// features of one ROI as a tidy CSV, with the settings used written beside it (<c>features.params.yaml</c>).
/// <c>--write-params out.yaml</c> writes the chosen settings as a starting point, with or without an extraction.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var image = new Argument<FileInfo?>("image") { Description = "Image file (.nii, .nii.gz, .nrrd, .nhdr, .mha, .mhd) or DICOM series (folder or one file).", Arity = ArgumentArity.ZeroOrOne };
        var mask = new Argument<FileInfo?>("mask") { Description = "Mask: a label map on the image's grid, an RTSTRUCT (--roi) or a DICOM SEG (--segment).", Arity = ArgumentArity.ZeroOrOne };
        var parameters = new Option<FileInfo?>("--params", "-p") { Description = "Feature settings (YAML), e.g. written by --write-params." };
        var preset = new Option<string?>("--preset") { Description = $"Built-in settings: {string.Join(", ", FeaturePresets.Names)}." };
        var label = new Option<int?>("--label", "-l") { Description = "Label of the ROI in the mask (needed when the mask holds several)." };
        var roiName = new Option<string?>("--roi") { Description = "When the mask is an RTSTRUCT: the ROI name (case-insensitive) or number." };
        var segment = new Option<int?>("--segment") { Description = "When the mask is a DICOM SEG: the segment number." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Feature table to write (CSV, one row per feature value)." };
        var writeParams = new Option<FileInfo?>("--write-params") { Description = "Write the settings as YAML to this file (a starting point for --params)." };
        var subject = new Option<string>("--subject") { Description = "Subject identifier for the table's subject column.", DefaultValueFactory = _ => "" };
        var timePoint = new Option<string>("--timepoint") { Description = "Time point for the table's timepoint column.", DefaultValueFactory = _ => "" };
        var format = new Option<string>("--format") { Description = "Output layout: tidy (one row per value) or pyradiomics (PyRadiomics' batch CSV: one row per case).", DefaultValueFactory = _ => "tidy" };
        format.AcceptOnlyFromAmong("tidy", "pyradiomics");
        var voxelBased = new Option<bool>("--voxel-based") { Description = "PyRadiomics voxel-based extraction (the params file's voxelSetting): one feature map per feature, written as NRRD files into the -o folder." };
        var batch = new Option<FileInfo?>("--batch") { Description = "PyRadiomics batch input: a CSV with Image and Mask columns (optional Label); writes one row per case and keeps going past a failed case." };
        var command = new Command("extract", "Compute IBSI 1 features of a region of interest and write them as a tidy CSV.")
        {
            image, mask, parameters, preset, label, roiName, segment, output, writeParams, subject, timePoint, format, batch, voxelBased,
        };
        command.SetAction(parse => CommandAction.Run(console, () =>
        {
            var settings = Settings(parse.GetValue(parameters), parse.GetValue(preset));
            if (parse.GetValue(writeParams) is { } paramsFile)
            {
                FeatureSettingsYaml.Save(settings, paramsFile.FullName, parse.GetValue(preset));
                console.MarkupLine($"[green]Wrote[/] settings to {Markup.Escape(paramsFile.FullName)}");
            }

            var imageFile = parse.GetValue(image);
            var maskFile = parse.GetValue(mask);
            if (parse.GetValue(batch) is { } batchFile)
            {
                if (imageFile is not null || maskFile is not null)
                {
                    throw new InvalidInputException("Give either IMAGE and MASK or --batch cases.csv, not both.");
                }

                var batchOut = parse.GetValue(output) ?? throw new InvalidInputException("Name the output CSV with -o/--output.");
                return ExtractBatch.Run(console, batchFile.FullName, batchOut.FullName, settings, parse.GetValue(label), parse.GetValue(format) == "pyradiomics");
            }

            if (imageFile is null && maskFile is null && parse.GetValue(writeParams) is not null)
            {
                return CommandAction.Success;
            }

            if (imageFile is null || maskFile is null)
            {
                throw new InvalidInputException("extract needs an IMAGE and a MASK (or only --write-params to write settings).");
            }

            var outFile = parse.GetValue(output) ?? throw new InvalidInputException("Name the output CSV with -o/--output.");
            var img = ImageFile.Read(imageFile.FullName);
            // The mask may be an RTSTRUCT (--roi) or a DICOM SEG (--segment), read onto the image's grid.
            var masks = Radiomics.IO.Dicom.DicomMasks.Read(maskFile.FullName, img.Geometry, parse.GetValue(roiName), parse.GetValue(segment));
            foreach (var warning in masks.Warnings)
            {
                CommandAction.Error.WriteLine($"warning: {warning}");
            }

            if (parse.GetValue(voxelBased))
            {
                var py = settings.Definitions == FeatureDefinitions.PyRadiomics && settings.PyRadiomics is { } p
                    ? p with { Label = parse.GetValue(label) ?? p.Label }
                    : throw new InvalidInputException("--voxel-based needs a PyRadiomics params file (--params) to define the image types, classes and voxelSetting.");
                var written = Radiomics.Features.PyRadiomics.PyRadiomicsVoxelExtractor.Write(
                    Radiomics.Features.PyRadiomics.PyRadiomicsVoxelExtractor.Extract(img, masks.Mask, py, parse.GetValue(parameters)?.Name ?? "settings"), outFile.FullName);
                console.MarkupLine($"[green]Wrote[/] {written.Count} feature maps to {Markup.Escape(outFile.FullName)}");
                return CommandAction.Success;
            }

            if (settings.Definitions == FeatureDefinitions.PyRadiomics)
            {
                // PyRadiomics chooses the ROI by its 'label' setting (--label overrides it) and writes its own layout.
                var result = ExtractBatch.RunPyRadiomics(img, masks.Mask, settings, parse.GetValue(label));
                ExtractBatch.Write(outFile.FullName, [([new("Image", imageFile.FullName), new("Mask", maskFile.FullName)], result)], settings, parse.GetValue(format) == "pyradiomics");
                console.MarkupLine($"[green]Wrote[/] {result.Features.Count} PyRadiomics feature values to {Markup.Escape(outFile.FullName)}");
                return CommandAction.Success;
            }

            var roi = SelectLabel(masks.Mask, parse.GetValue(label), maskFile.FullName);
            if (!img.Geometry.Matches(roi.Geometry))
            {
                throw new GeometryMismatchException($"The mask '{maskFile.Name}' is not on the grid of the image '{imageFile.Name}'", img.Geometry, roi.Geometry);
            }

            var watch = Stopwatch.StartNew();
            var table = console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("Extracting features", maxValue: 1);
                    var result = FeatureExtractor.Extract(img, roi, settings, new SynchronousProgress(task));
                    task.Value = task.MaxValue;
                    return result;
                });
            table = table.WithSubject(parse.GetValue(subject) ?? "").WithTimePoint(parse.GetValue(timePoint) ?? "");
            if (parse.GetValue(label) is { } chosen)
            {
                table = table.WithRegion(chosen.ToString(CultureInfo.InvariantCulture));
            }

            if (parse.GetValue(format) == "pyradiomics")
            {
                Radiomics.Features.PyRadiomics.PyRadiomicsTables.WriteBatchCsv(outFile.FullName, [([new("Image", imageFile.FullName), new("Mask", maskFile.FullName)], Radiomics.Features.PyRadiomics.PyRadiomicsTables.FromTable(table))]);
            }
            else
            {
                table.WriteCsv(outFile.FullName);
            }

            var sidecar = Path.ChangeExtension(outFile.FullName, ".params.yaml");
            FeatureSettingsYaml.Save(settings, sidecar, $"settings of {outFile.Name}");
            var families = table.Select(r => r.Family).Distinct().Count();
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"[green]Wrote[/] {table.Count} feature values of {families} families to {Markup.Escape(outFile.FullName)} ({watch.Elapsed.TotalSeconds:F2} s); settings in {Markup.Escape(sidecar)}"));
            return CommandAction.Success;
        }));
        return command;
    }

    internal static FeatureSettings Settings(FileInfo? parameters, string? preset)
    {
        if (parameters is not null && preset is not null)
        {
            throw new InvalidInputException("Give either --params or --preset, not both.");
        }

        return parameters is not null ? FeatureSettingsYaml.Load(parameters.FullName)
            : preset is not null ? FeaturePresets.Get(preset)
            : new FeatureSettings();
    }

    /// <summary>The ROI as a one-label map; without --label the mask must hold exactly one label.</summary>
    internal static LabelMap SelectLabel(LabelMap mask, int? label, string path)
    {
        var labels = mask.Labels();
        if (label is { } l)
        {
            if (l is < 1 or > 255 || !labels.Contains((byte)l))
            {
                throw new InvalidInputException($"The mask '{path}' has no label {l}; it holds {Describe(labels)}.");
            }

            return mask.Select((byte)l);
        }

        return labels.Count switch
        {
            0 => throw new EmptyRoiException($"The mask '{path}' is empty: no voxel carries a label."),
            1 => mask,
            _ => throw new InvalidInputException($"The mask '{path}' holds {Describe(labels)}; choose one with --label."),
        };
    }

    private static string Describe(IReadOnlyList<byte> labels) =>
        labels.Count == 0 ? "no labels" : "labels " + string.Join(", ", labels);

    /// <summary>Updates the progress bar on the reporting thread (Progress&lt;T&gt; would post to a context the console may not pump).</summary>
    private sealed class SynchronousProgress(ProgressTask task) : IProgress<FeatureExtractionProgress>
    {
        public void Report(FeatureExtractionProgress value)
        {
            lock (task)
            {
                task.MaxValue = value.Total;
                task.Value = Math.Max(task.Value, value.Completed);
                task.Description = $"Extracting features: {value.Step}";
            }
        }
    }
}
