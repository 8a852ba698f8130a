using System.Globalization;
using Radiomics.Features;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Ibsi;

/// <summary>One row of <c>shared/ibsi/ibsi1_reference_dev.csv</c>: an IBSI 1 consensus value with its tolerance.</summary>
public sealed record IbsiReferenceRow(
    string Family, string Feature, string IbsiCode, string DataSet, string Aggregation, string Variant, string ValueText, string ToleranceText, string Consensus)
{
    public double Value => double.Parse(ValueText, CultureInfo.InvariantCulture);

    public bool HasValue => ValueText.Length > 0;

    /// <summary>
    /// Whether <paramref name="computed"/> agrees: within the tolerance when one is given, else equal after rounding
    /// to the significant digits printed in the manual (the README's rule for values without a tolerance).
    /// </summary>
    public bool Accepts(double computed)
    {
        if (!double.IsFinite(computed))
        {
            return false;
        }

        if (ToleranceText.Length > 0)
        {
            return Math.Abs(computed - Value) <= double.Parse(ToleranceText, CultureInfo.InvariantCulture) * (1 + 1e-9);
        }

        return RoundToPrintedPrecision(computed) == Value;
    }

    /// <summary>The allowed deviation as a number, for reports: the tolerance, or half a unit of the last printed digit.</summary>
    public double EffectiveTolerance => ToleranceText.Length > 0
        ? double.Parse(ToleranceText, CultureInfo.InvariantCulture)
        : 0.5 * Math.Pow(10, LastDigitExponent());

    private double RoundToPrintedPrecision(double x)
    {
        double unit = Math.Pow(10, LastDigitExponent());
        double rounded = Math.Round(x / unit, MidpointRounding.AwayFromZero) * unit;
        // Re-parse through the printed form to remove binary noise (e.g. 0.30000000000000004).
        return double.Parse(rounded.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>Exponent of the last printed significant digit: "0.0946" → −4, "3.67e5" → 3, "-500" → 0, "1" → 0.</summary>
    private int LastDigitExponent()
    {
        string t = ValueText.TrimStart('-', '+');
        int exponent = 0;
        int e = t.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            exponent = int.Parse(t[(e + 1)..], CultureInfo.InvariantCulture);
            t = t[..e];
        }

        int dot = t.IndexOf('.', StringComparison.Ordinal);
        int decimals = dot >= 0 ? t.Length - dot - 1 : 0;
        return exponent - decimals;
    }
}

/// <summary>The IBSI 1 reference table, read from the shared data folder.</summary>
public static class IbsiReference
{
    public const string DigitalPhantom = "dig_phantom";
    public const string ConfigA = "config_A";
    public const string ConfigB = "config_B";
    public const string ConfigC = "config_C";

    private static readonly Lazy<IReadOnlyList<IbsiReferenceRow>> RowsLazy = new(Load);

    public static IReadOnlyList<IbsiReferenceRow> Rows => RowsLazy.Value;

    /// <summary>The rows with a consensus value for a data set and family (e.g. "config_A", "glcm").</summary>
    public static IReadOnlyList<IbsiReferenceRow> For(string dataSet, string family) =>
        Rows.Where(r => r.DataSet == dataSet && r.Family == family && r.HasValue).ToList();

    /// <summary>
    /// Matches each reference row to a computed value by IBSI code and aggregation; where one code has several rows
    /// (1PR8, BC2M, GBPN), by <see cref="FeatureValue.Variant"/> equal to the row's variant. Families without
    /// directions (GLSZM, GLDZM, NGTDM, NGLDM) use the table's "2D", "2.5D", "3D".
    /// </summary>
    public static IbsiComparison Compare(string dataSet, string family, IEnumerable<FeatureValue> computed)
    {
        var values = computed.Where(v => v.Family == family).ToList();
        var results = new List<IbsiComparison.Result>();
        foreach (var row in For(dataSet, family))
        {
            // The reference table leaves one code empty (small zone emphasis, 5QRC): match that row by feature name.
            var candidates = values.Where(v => (row.IbsiCode.Length > 0 ? v.IbsiCode == row.IbsiCode : v.Feature == row.Feature) && v.Aggregation == row.Aggregation).ToList();
            if (candidates.Count > 1)
            {
                candidates = candidates.Where(v => v.Variant == row.Variant).ToList();
            }

            double? value = candidates.Count == 1 ? candidates[0].Value : null;
            results.Add(new IbsiComparison.Result(row, value, value is { } v && row.Accepts(v)));
        }

        return new IbsiComparison(dataSet, family, results);
    }

    private static List<IbsiReferenceRow> Load()
    {
        var lines = File.ReadAllLines(SharedData.Path("ibsi", "ibsi1_reference_dev.csv"));
        var rows = new List<IbsiReferenceRow>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var f = SplitCsv(line);
            rows.Add(new IbsiReferenceRow(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]));
        }

        return rows;
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}

/// <summary>Computed values against the reference rows of one data set and family.</summary>
public sealed class IbsiComparison(string dataSet, string family, IReadOnlyList<IbsiComparison.Result> results)
{
    public sealed record Result(IbsiReferenceRow Reference, double? Computed, bool Pass);

    public string DataSet { get; } = dataSet;

    public string Family { get; } = family;

    public IReadOnlyList<Result> Results { get; } = results;

    public IEnumerable<Result> Failures => Results.Where(r => !r.Pass);

    /// <summary>Fails with a list naming every feature outside its tolerance and by how much.</summary>
    public void AssertAllPass()
    {
        Assert.NotEmpty(Results);
        var failures = Failures.ToList();
        if (failures.Count > 0)
        {
            var lines = failures.Select(f => f.Computed is { } v
                ? FormattableString.Invariant($"  {f.Reference.Feature} ({f.Reference.IbsiCode}) {f.Reference.Aggregation} {f.Reference.Variant}: computed {v:G6}, reference {f.Reference.ValueText} ± {f.Reference.EffectiveTolerance:G3}, off by {Math.Abs(v - f.Reference.Value):G3}")
                : $"  {f.Reference.Feature} ({f.Reference.IbsiCode}) {f.Reference.Aggregation} {f.Reference.Variant}: not computed (or not uniquely matched)");
            Assert.Fail($"{failures.Count} of {Results.Count} {Family} features of {DataSet} are outside the IBSI tolerance:\n{string.Join('\n', lines)}");
        }
    }
}
