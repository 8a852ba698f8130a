using System.Diagnostics;
using System.Globalization;
using Radiomics.Features;
using Radiomics.Features.PyRadiomics;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.IO.Dicom;

namespace Radiomics.Workflows;

/// <summary>
/// Features of a region of interest, as <c>radiomics extract</c> computes them: one image and mask (a label map, an
/// RTSTRUCT or a DICOM SEG), or PyRadiomics' batch mode over a CSV of cases. IBSI definitions by default, the
/// PyRadiomics flavour when the settings come from a PyRadiomics params file.
/// </summary>
/// <example>
/// <code>
/// var result = ExtractionWorkflow.Run("ct.nii.gz", "gtv.nii.gz", new ExtractionWorkflowSettings { Features = FeaturePresets.Get("ibsi-config-C") });
/// result.Write("features.csv");
/// display(result.ToTable());
/// </code>
/// </example>
public static class ExtractionWorkflow
{
    /// <summary>Settings from a YAML or PyRadiomics params file, a named preset, or the defaults.</summary>
    /// <exception cref="InvalidInputException">Both a file and a preset are given.</exception>
    public static FeatureSettings LoadSettings(string? parametersFile, string? preset)
    {
        if (parametersFile is not null && preset is not null)
        {
            throw new InvalidInputException("Give either --params or --preset, not both.");
        }

        return parametersFile is not null ? FeatureSettingsYaml.Load(parametersFile)
            : preset is not null ? FeaturePresets.Get(preset)
            : new FeatureSettings();
    }

    /// <summary>The features of one image and its mask.</summary>
    /// <param name="image">Image file or DICOM series.</param>
    /// <param name="mask">A label map on the image's grid, an RTSTRUCT (<see cref="ExtractionWorkflowSettings.Roi"/>) or a DICOM SEG (<see cref="ExtractionWorkflowSettings.Segment"/>).</param>
    /// <param name="settings">Feature settings, ROI and identifiers; defaults when null.</param>
    /// <param name="progress">Progress of the feature families (IBSI definitions).</param>
    /// <exception cref="GeometryMismatchException">The mask is not on the image's grid.</exception>
    /// <exception cref="InvalidInputException">The mask lacks the label, or holds several and none was chosen.</exception>
    public static ExtractionResult Run(string image, string mask, ExtractionWorkflowSettings? settings = null, IProgress<FeatureExtractionProgress>? progress = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(image);
        ArgumentException.ThrowIfNullOrEmpty(mask);
        settings ??= new ExtractionWorkflowSettings();
        var features = settings.Features;
        var watch = Stopwatch.StartNew();
        var img = ImageFile.Read(image);
        var masks = DicomMasks.Read(mask, img.Geometry, settings.Roi, settings.Segment);
        IReadOnlyList<KeyValuePair<string, string>> inputs = [new("Image", image), new("Mask", mask)];
        if (features.Definitions == FeatureDefinitions.PyRadiomics)
        {
            // PyRadiomics chooses the ROI by its 'label' setting (Label overrides it) and reports its own diagnostics.
            var result = RunPyRadiomics(img, masks.Mask, features, settings.Label);
            return new ExtractionResult(features, [new ExtractedCase(1, inputs, null, result)], [], masks.Warnings, watch.Elapsed);
        }

        var roi = SelectLabel(masks.Mask, settings.Label, mask);
        if (!img.Geometry.Matches(roi.Geometry))
        {
            throw new GeometryMismatchException($"The mask '{Path.GetFileName(mask)}' is not on the grid of the image '{Path.GetFileName(image)}'", img.Geometry, roi.Geometry);
        }

        var table = FeatureExtractor.Extract(img, roi, features, progress).WithSubject(settings.Subject).WithTimePoint(settings.TimePoint);
        if (settings.Label is { } chosen)
        {
            table = table.WithRegion(chosen.ToString(CultureInfo.InvariantCulture));
        }

        return new ExtractionResult(features, [new ExtractedCase(1, inputs, table, null)], [], masks.Warnings, watch.Elapsed);
    }

    /// <summary>
    /// PyRadiomics' batch mode: each row of <paramref name="cases"/> names an Image and a Mask (paths relative to the
    /// CSV's folder allowed) and optionally a Label; a case that fails is recorded in
    /// <see cref="ExtractionResult.Failures"/> and the others go on.
    /// </summary>
    /// <exception cref="InvalidInputException">The batch file is empty or lacks the Image and Mask columns.</exception>
    public static ExtractionResult RunBatch(string cases, ExtractionWorkflowSettings? settings = null, IProgress<ExtractionCaseReport>? progress = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(cases);
        settings ??= new ExtractionWorkflowSettings();
        var watch = Stopwatch.StartNew();
        var lines = File.ReadAllLines(cases).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0)
        {
            throw new InvalidInputException($"The batch file '{cases}' is empty; it needs a header with Image and Mask columns.");
        }

        var header = BatchCsv.Split(lines[0]);
        int imageColumn = header.IndexOf("Image"), maskColumn = header.IndexOf("Mask"), labelColumn = header.IndexOf("Label");
        if (imageColumn < 0 || maskColumn < 0)
        {
            throw new InvalidInputException($"The batch file '{cases}' needs the columns Image and Mask (it has {string.Join(", ", header)}).");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(cases)) ?? ".";
        var done = new List<ExtractedCase>();
        var failed = new List<ExtractionFailure>();
        for (int row = 1; row < lines.Count; row++)
        {
            var cells = BatchCsv.Split(lines[row]);
            var inputs = header.Select((h, i) => new KeyValuePair<string, string>(h, i < cells.Count ? cells[i] : "")).ToList();
            try
            {
                if (cells.Count <= Math.Max(imageColumn, maskColumn))
                {
                    throw new InvalidInputException("the row has no Image or Mask cell");
                }

                int? label = settings.Label;
                if (labelColumn >= 0 && labelColumn < cells.Count && cells[labelColumn].Trim().Length > 0)
                {
                    label = int.TryParse(cells[labelColumn], NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)
                        ? l : throw new InvalidInputException($"the Label '{cells[labelColumn]}' is not a whole number");
                }

                var image = ImageFile.Read(Path.Combine(folder, cells[imageColumn]));
                var mask = ImageFile.ReadLabelMap(Path.Combine(folder, cells[maskColumn]));
                PyRadiomicsResult result;
                if (settings.Features.Definitions == FeatureDefinitions.PyRadiomics)
                {
                    result = RunPyRadiomics(image, mask, settings.Features, label);
                }
                else
                {
                    var roi = SelectLabel(mask, label, cells[maskColumn]);
                    image.Geometry.EnsureMatches(roi.Geometry, "mask");
                    result = PyRadiomicsTables.FromTable(FeatureExtractor.Extract(image, roi, settings.Features));
                }

                var extracted = new ExtractedCase(row, inputs, null, result);
                done.Add(extracted);
                progress?.Report(new ExtractionCaseReport(extracted, null));
            }
            catch (Exception e) when (e is RadiomicsException or IOException or UnauthorizedAccessException or InvalidDataException)
            {
                var failure = new ExtractionFailure(row, string.Join(", ", cells.Take(2)), e.Message);
                failed.Add(failure);
                progress?.Report(new ExtractionCaseReport(null, failure));
            }
        }

        return new ExtractionResult(settings.Features, done, failed, [], watch.Elapsed);
    }

    /// <summary>
    /// PyRadiomics' voxel-based extraction (the params file's <c>voxelSetting</c>): one feature map per feature of every
    /// image type and class, written as NRRD files into <paramref name="outputFolder"/>; returns the files written.
    /// </summary>
    /// <param name="image">Image file or DICOM series.</param>
    /// <param name="mask">Label map, RTSTRUCT or DICOM SEG, as in <see cref="Run"/>.</param>
    /// <param name="settings">PyRadiomics-flavour settings (a params file) with the ROI; <see cref="ExtractionWorkflowSettings.Label"/> overrides the file's label.</param>
    /// <param name="settingsName">The params file's name, for messages.</param>
    /// <param name="outputFolder">Folder for the maps.</param>
    /// <exception cref="InvalidInputException">The settings are not a PyRadiomics params file.</exception>
    public static IReadOnlyList<string> RunVoxelBased(string image, string mask, ExtractionWorkflowSettings settings, string settingsName, string outputFolder)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var py = settings.Features.Definitions == FeatureDefinitions.PyRadiomics && settings.Features.PyRadiomics is { } p
            ? p with { Label = settings.Label ?? p.Label }
            : throw new InvalidInputException("voxel-based extraction needs a PyRadiomics params file (--params) to define the image types, classes and voxelSetting.");
        var img = ImageFile.Read(image);
        var masks = DicomMasks.Read(mask, img.Geometry, settings.Roi, settings.Segment);
        return PyRadiomicsVoxelExtractor.Write(PyRadiomicsVoxelExtractor.Extract(img, masks.Mask, py, settingsName), outputFolder);
    }

    /// <summary>The PyRadiomics flavour on one case; <paramref name="label"/> overrides the params file's label.</summary>
    public static PyRadiomicsResult RunPyRadiomics(Image image, LabelMap mask, FeatureSettings settings, int? label)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var py = settings.PyRadiomics ?? new PyRadiomicsSettings();
        if (label is { } l)
        {
            py = py with { Label = l };
        }

        return PyRadiomicsExtractor.Extract(image, mask, py);
    }

    /// <summary>The ROI as a one-label map; without a label the mask must hold exactly one.</summary>
    /// <param name="mask">The mask.</param>
    /// <param name="label">The ROI's label, or null for the mask's only label.</param>
    /// <param name="path">The mask file, for messages.</param>
    public static LabelMap SelectLabel(LabelMap mask, int? label, string path)
    {
        ArgumentNullException.ThrowIfNull(mask);
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
}
