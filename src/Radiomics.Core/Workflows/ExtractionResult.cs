using System.Globalization;
using Radiomics.Features;
using Radiomics.Features.PyRadiomics;
using Radiomics.Tables;

namespace Radiomics.Workflows;

/// <summary>What <see cref="ExtractionWorkflow"/> extracted: the cases that worked, the batch cases that failed, and warnings.</summary>
public sealed record ExtractionResult(
    FeatureSettings Settings, IReadOnlyList<ExtractedCase> Cases, IReadOnlyList<ExtractionFailure> Failures, IReadOnlyList<string> Warnings, TimeSpan Elapsed)
{
    /// <summary>Cases attempted (worked and failed).</summary>
    public int CaseCount => Cases.Count + Failures.Count;

    /// <summary>
    /// Every case's values as one tidy table: a single IBSI case as extracted (subject, time point, region); otherwise
    /// each case's PyRadiomics result with the case number as subject when there are several.
    /// </summary>
    public FeatureTable ToTable() => Cases is [{ Table: { } table }]
        ? table
        : FeatureTable.Concat(Cases.Select((c, i) => (c.Table ?? PyRadiomicsTables.ToTable(c.PyRadiomics!, "", Settings))
            .WithSubject(Cases.Count == 1 ? "" : (i + 1).ToString(CultureInfo.InvariantCulture))));

    /// <summary>
    /// Writes the features as CSV in the given layout and the settings beside it (<c>NAME.params.yaml</c>), atomically;
    /// returns the settings file's path.
    /// </summary>
    public string Write(string path, FeatureTableLayout layout = FeatureTableLayout.Tidy)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (layout == FeatureTableLayout.PyRadiomics)
        {
            PyRadiomicsTables.WriteBatchCsv(path, [.. Cases.Select(c => (c.Inputs, c.PyRadiomics ?? PyRadiomicsTables.FromTable(c.Table!)))]);
        }
        else
        {
            ToTable().WriteCsv(path);
        }

        string sidecar = Path.ChangeExtension(path, ".params.yaml");
        FeatureSettingsYaml.Save(Settings, sidecar, $"settings of {Path.GetFileName(path)}");
        return sidecar;
    }
}
