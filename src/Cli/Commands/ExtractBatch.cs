using System.Globalization;
using Radiomics.Features;
using Radiomics.Features.PyRadiomics;
using Radiomics.Imaging;
using Radiomics.IO;
using Spectre.Console;

namespace Radiomics.Cli.Commands;

/// <summary>
/// <c>radiomics extract --batch cases.csv -o out.csv</c>: PyRadiomics' batch mode. Each row of the input names an Image
/// and a Mask (paths relative to the CSV's folder allowed) and optionally a Label; a case that fails is reported as an
/// <c>error:</c> line and skipped, and the others are written (PyRadiomics' layout with <c>--format pyradiomics</c>,
/// else one tidy table with the case number as subject).
/// </summary>
internal static class ExtractBatch
{
    public static int Run(IAnsiConsole console, string casesPath, string outPath, FeatureSettings settings, int? label, bool pyradiomicsLayout)
    {
        var lines = File.ReadAllLines(casesPath).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0)
        {
            throw new InvalidInputException($"The batch file '{casesPath}' is empty; it needs a header with Image and Mask columns.");
        }

        var header = Split(lines[0]);
        int imageColumn = header.IndexOf("Image"), maskColumn = header.IndexOf("Mask"), labelColumn = header.IndexOf("Label");
        if (imageColumn < 0 || maskColumn < 0)
        {
            throw new InvalidInputException($"The batch file '{casesPath}' needs the columns Image and Mask (it has {string.Join(", ", header)}).");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(casesPath)) ?? ".";
        var done = new List<(IReadOnlyList<KeyValuePair<string, string>>, PyRadiomicsResult)>();
        int failed = 0;
        for (int row = 1; row < lines.Count; row++)
        {
            var cells = Split(lines[row]);
            var inputs = header.Select((h, i) => new KeyValuePair<string, string>(h, i < cells.Count ? cells[i] : "")).ToList();
            try
            {
                if (cells.Count <= Math.Max(imageColumn, maskColumn))
                {
                    throw new InvalidInputException("the row has no Image or Mask cell");
                }

                int? caseLabel = label;
                if (labelColumn >= 0 && labelColumn < cells.Count && cells[labelColumn].Trim().Length > 0)
                {
                    caseLabel = int.TryParse(cells[labelColumn], NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)
                        ? l : throw new InvalidInputException($"the Label '{cells[labelColumn]}' is not a whole number");
                }

                var image = ImageFile.Read(Path.Combine(folder, cells[imageColumn]));
                var mask = ImageFile.ReadLabelMap(Path.Combine(folder, cells[maskColumn]));
                PyRadiomicsResult result;
                if (settings.Definitions == FeatureDefinitions.PyRadiomics)
                {
                    result = RunPyRadiomics(image, mask, settings, caseLabel);
                }
                else
                {
                    var roi = ExtractCommand.SelectLabel(mask, caseLabel, cells[maskColumn]);
                    image.Geometry.EnsureMatches(roi.Geometry, "mask");
                    result = PyRadiomicsTables.FromTable(FeatureExtractor.Extract(image, roi, settings));
                }

                done.Add((inputs, result));
                console.MarkupLine($"case {row}: [green]done[/] ({result.Features.Count} values)");
            }
            catch (Exception e) when (e is RadiomicsException or IOException or UnauthorizedAccessException or InvalidDataException)
            {
                failed++;
                CommandAction.Error.WriteLine($"error: case {row} of '{casesPath}' ({string.Join(", ", cells.Take(2))}): {e.Message}");
            }
        }

        Write(outPath, done, settings, pyradiomicsLayout);
        console.MarkupLine($"[green]Wrote[/] {done.Count} of {lines.Count - 1} cases to {Markup.Escape(outPath)}" + (failed > 0 ? $"; [red]{failed} failed[/]" : ""));
        return failed == 0 ? CommandAction.Success : 1;
    }

    /// <summary>The PyRadiomics flavour on one case; <paramref name="label"/> overrides the params file's label.</summary>
    public static PyRadiomicsResult RunPyRadiomics(Image image, LabelMap mask, FeatureSettings settings, int? label)
    {
        var py = settings.PyRadiomics ?? new PyRadiomicsSettings();
        if (label is { } l)
        {
            py = py with { Label = l };
        }

        return PyRadiomicsExtractor.Extract(image, mask, py);
    }

    /// <summary>Writes the cases in PyRadiomics' batch layout, or as one tidy table (subject = case number), with the settings beside it.</summary>
    public static void Write(string outPath, IReadOnlyList<(IReadOnlyList<KeyValuePair<string, string>> Inputs, PyRadiomicsResult Result)> cases, FeatureSettings settings, bool pyradiomicsLayout)
    {
        if (pyradiomicsLayout)
        {
            PyRadiomicsTables.WriteBatchCsv(outPath, cases);
        }
        else
        {
            var tables = cases.Select((c, i) => PyRadiomicsTables.ToTable(c.Result, "", settings).WithSubject(cases.Count == 1 ? "" : (i + 1).ToString(CultureInfo.InvariantCulture)));
            Radiomics.Tables.FeatureTable.Concat(tables).WriteCsv(outPath);
        }

        FeatureSettingsYaml.Save(settings, Path.ChangeExtension(outPath, ".params.yaml"), $"settings of {Path.GetFileName(outPath)}");
    }

    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted && ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString().Trim());
        return cells;
    }
}
