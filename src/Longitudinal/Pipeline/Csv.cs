using System.Globalization;

namespace Radiomics.Longitudinal;

/// <summary>CSV fields as the study tables write them: RFC 4180 quoting, invariant round-trip numbers, empty for NaN.</summary>
internal static class Csv
{
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    public static string Number(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    public static string Row(params object[] cells) => string.Join(',', cells.Select(c => c switch
    {
        double d => Number(d),
        float f => Number(f),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        string s => Field(s),
        null => "",
        _ => Field(Convert.ToString(c, CultureInfo.InvariantCulture) ?? ""),
    }));
}
