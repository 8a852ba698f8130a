using System.Globalization;

namespace Radiomics.Tables;

/// <summary>
/// The one CSV convention of every table the toolkit writes: RFC 4180 quoting, invariant culture, numbers that
/// round-trip exactly ("R"), and NaN (a missing value) as an empty cell, which pandas, R and spreadsheets all read as
/// missing. Infinities are written as "Infinity" / "-Infinity".
/// </summary>
public static class CsvCells
{
    public static string Text(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    public static string Number(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>One cell: numbers by <see cref="Number"/>, integers invariant, anything else as quoted text; null is empty.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        double d => Number(d),
        float f => Number(f),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        string s => Text(s),
        _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    /// <summary>A row of cells joined by commas (no line end).</summary>
    public static string Row(params ReadOnlySpan<object?> cells)
    {
        var parts = new string[cells.Length];
        for (int i = 0; i < cells.Length; i++)
        {
            parts[i] = Cell(cells[i]);
        }

        return string.Join(',', parts);
    }

    /// <summary>Reads a number cell: empty is NaN; "NaN", "Infinity" and "-Infinity" are accepted as well.</summary>
    public static bool TryNumber(string text, out double value)
    {
        if (text.Length == 0)
        {
            value = double.NaN;
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
