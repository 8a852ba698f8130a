using System.Globalization;
using Radiomics.Imaging;
using Radiomics.Tables;

namespace Radiomics.Features.PyRadiomics;

/// <summary>
/// The <c>pyradiomics</c> flavour as the toolkit's tables: a tidy <see cref="FeatureTable"/> (family = PyRadiomics class,
/// feature = PyRadiomics feature name, image type = PyRadiomics image type name), and PyRadiomics' batch CSV layout.
/// </summary>
public static class PyRadiomicsTables
{
    /// <summary>
    /// Features of the ROI in <paramref name="mask"/> with the settings' PyRadiomics record (PyRadiomics' defaults when
    /// null). A mask holding one label is used with that label; otherwise the record's <c>label</c> chooses.
    /// </summary>
    public static FeatureTable Extract(Image image, LabelMap mask, FeatureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(settings);
        var py = settings.PyRadiomics ?? new PyRadiomicsSettings();
        var labels = mask.Labels();
        if (labels.Count == 1)
        {
            py = py with { Label = labels[0] };
        }

        var result = PyRadiomicsExtractor.Extract(image, mask, py);
        return ToTable(result, py.Label.ToString(CultureInfo.InvariantCulture), settings);
    }

    /// <summary>The result as a tidy table.</summary>
    public static FeatureTable ToTable(PyRadiomicsResult result, string region, FeatureSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new FeatureTable(
            result.Features.Select(f => new FeatureRow("", "", region, f.ImageType, f.FeatureClass, f.Feature, PyRadiomicsIbsiMap.IbsiCode(f.FeatureClass, f.Feature), "", "", f.Value)),
            settings);
    }

    /// <summary>
    /// PyRadiomics' batch output: one row per case — the case's input columns (Image, Mask, Label, …), then
    /// <c>diagnostics_*</c> when recorded, then <c>&lt;imageType&gt;_&lt;class&gt;_&lt;Feature&gt;</c> columns. The header
    /// is the union of the cases' columns in first-seen order; a case without a column leaves it empty. Written atomically.
    /// </summary>
    public static void WriteBatchCsv(string path, IReadOnlyList<(IReadOnlyList<KeyValuePair<string, string>> Inputs, PyRadiomicsResult Result)> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var rows = cases.Select(c => c.Inputs
            .Concat(c.Result.Diagnostics)
            .Concat(c.Result.Features.Select(f => new KeyValuePair<string, string>(f.Name, f.Value.ToString("R", CultureInfo.InvariantCulture))))
            .ToList()).ToList();
        var header = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var (key, _) in row)
            {
                if (seen.Add(key))
                {
                    header.Add(key);
                }
            }
        }

        CsvFile.Write(path, w =>
        {
            w.WriteLine(string.Join(",", header.Select(Escape)));
            foreach (var row in rows)
            {
                var map = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (key, value) in row)
                {
                    map[key] = value;
                }

                w.WriteLine(string.Join(",", header.Select(h => Escape(map.GetValueOrDefault(h, "")))));
            }
        });
    }

    /// <summary>A tidy table (any flavour) as one batch row of <c>&lt;image_type&gt;_&lt;family&gt;_&lt;feature&gt;</c> columns.</summary>
    public static PyRadiomicsResult FromTable(FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new PyRadiomicsResult([], [.. table.Select(r => new PyRadiomicsFeature(r.ImageType, r.Family,
            r.Feature + (r.Aggregation.Length > 0 ? $" [{r.Aggregation}]" : "") + (r.Variant.Length > 0 ? $" ({r.Variant})" : ""), r.Value))]);
    }

    private static string Escape(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
