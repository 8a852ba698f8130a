using System.CommandLine;
using System.Globalization;
using Radiomics.Features;
using Radiomics.Workflows;
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
            var settings = ExtractionWorkflow.LoadSettings(parse.GetValue(parameters)?.FullName, parse.GetValue(preset));
            if (parse.GetValue(writeParams) is { } paramsFile)
            {
                FeatureSettingsYaml.Save(settings with { Habitats = settings.Habitats ?? new VoxelFeatureSettings() }, paramsFile.FullName, parse.GetValue(preset));
                console.MarkupLine($"[green]Wrote[/] settings to {Markup.Escape(paramsFile.FullName)}");
            }

            var (imageFile, maskFile) = (parse.GetValue(image), parse.GetValue(mask));
            var layout = parse.GetValue(format) == "pyradiomics" ? FeatureTableLayout.PyRadiomics : FeatureTableLayout.Tidy;
            if (imageFile is null && maskFile is null && parse.GetValue(batch) is null && parse.GetValue(writeParams) is not null)
            {
                return CommandAction.Success;
            }

            var outFile = parse.GetValue(batch) is not null && (imageFile is not null || maskFile is not null)
                ? throw new InvalidInputException("Give either IMAGE and MASK or --batch cases.csv, not both.")
                : parse.GetValue(batch) is null && (imageFile is null || maskFile is null)
                ? throw new InvalidInputException("extract needs an IMAGE and a MASK (or only --write-params to write settings).")
                : parse.GetValue(output) ?? throw new InvalidInputException("Name the output CSV with -o/--output.");
            var workflowSettings = new ExtractionWorkflowSettings
            {
                Features = settings, Label = parse.GetValue(label), Roi = parse.GetValue(roiName), Segment = parse.GetValue(segment),
                Subject = parse.GetValue(subject) ?? "", TimePoint = parse.GetValue(timePoint) ?? "",
            };
            if (parse.GetValue(batch) is { } batchFile)
            {
                var batchResult = ExtractionWorkflow.RunBatch(batchFile.FullName, workflowSettings, new SynchronousProgress<ExtractionCaseReport>(r =>
                {
                    if (r.Case is { } c)
                    {
                        console.MarkupLine($"case {c.Row}: [green]done[/] ({c.ValueCount} values)");
                    }
                    else if (r.Failure is { } f)
                    {
                        CommandAction.Error.WriteLine($"error: case {f.Row} of '{batchFile.FullName}' ({f.Case}): {f.Problem}");
                    }
                }));
                batchResult.Write(outFile.FullName, layout);
                int failed = batchResult.Failures.Count;
                console.MarkupLine($"[green]Wrote[/] {batchResult.Cases.Count} of {batchResult.CaseCount} cases to {Markup.Escape(outFile.FullName)}" + (failed > 0 ? $"; [red]{failed} failed[/]" : ""));
                return failed == 0 ? CommandAction.Success : CommandAction.Failure;
            }

            if (parse.GetValue(voxelBased))
            {
                var written = ExtractionWorkflow.RunVoxelBased(imageFile!.FullName, maskFile!.FullName, workflowSettings, parse.GetValue(parameters)?.Name ?? "settings", outFile.FullName);
                console.MarkupLine($"[green]Wrote[/] {written.Count} feature maps to {Markup.Escape(outFile.FullName)}");
                return CommandAction.Success;
            }

            var result = console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx => ExtractionWorkflow.Run(imageFile!.FullName, maskFile!.FullName, workflowSettings, FamilyProgress(ctx.AddTask("Extracting features", maxValue: 1))));
            foreach (var warning in result.Warnings)
            {
                CommandAction.Error.WriteLine($"warning: {warning}");
            }

            var sidecar = result.Write(outFile.FullName, layout);
            var extracted = result.Cases[0];
            console.MarkupLine(extracted.Table is { } table
                ? string.Create(CultureInfo.InvariantCulture,
                    $"[green]Wrote[/] {table.Count} feature values of {table.Select(r => r.Family).Distinct().Count()} families to {Markup.Escape(outFile.FullName)} ({result.Elapsed.TotalSeconds:F2} s); settings in {Markup.Escape(sidecar)}")
                : $"[green]Wrote[/] {extracted.ValueCount} PyRadiomics feature values to {Markup.Escape(outFile.FullName)}");
            return CommandAction.Success;
        }));
        return command;
    }

    /// <summary>Updates the progress bar on the reporting thread (Progress&lt;T&gt; would post to a context the console may not pump).</summary>
    private static SynchronousProgress<FeatureExtractionProgress> FamilyProgress(ProgressTask task) => new(value =>
    {
        lock (task)
        {
            task.MaxValue = value.Total;
            task.Value = Math.Max(task.Value, value.Completed);
            task.Description = $"Extracting features: {value.Step}";
        }
    });
}
