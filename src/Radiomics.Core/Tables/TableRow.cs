namespace Radiomics.Tables;

/// <summary>
/// One data row of a CSV table being read, addressed by column name. Every read that fails is a
/// <see cref="TableFileException"/> naming the file, the line and the column.
/// </summary>
public sealed class TableRow
{
    private readonly IReadOnlyDictionary<string, int> _index;
    private readonly string[] _cells;
    private readonly Dictionary<string, string>? _texts;

    /// <param name="source">The file (or other source) named in errors.</param>
    /// <param name="line">The line of the row.</param>
    /// <param name="index">Column name to cell index.</param>
    /// <param name="cells">The row's cells.</param>
    /// <param name="texts">
    /// The texts already read from the file: <see cref="Text"/> returns one instance per distinct text, so the rows of a
    /// long table (one subject, time point, family and feature name repeated on every line) share their strings.
    /// </param>
    internal TableRow(string source, long line, IReadOnlyDictionary<string, int> index, string[] cells, Dictionary<string, string>? texts = null)
    {
        Source = source;
        Line = line;
        _index = index;
        _cells = cells;
        _texts = texts;
    }

    public string Source { get; }

    public long Line { get; }

    public bool Has(string column) => _index.ContainsKey(column);

    /// <summary>The text of <paramref name="column"/>; <paramref name="fallback"/> when the table has no such column (null: required).</summary>
    public string Text(string column, string? fallback = null)
    {
        string text = Cell(column, fallback);
        if (_texts is null)
        {
            return text;
        }

        if (_texts.TryGetValue(text, out var shared))
        {
            return shared;
        }

        _texts[text] = text;
        return text;
    }

    /// <summary>The cell as read (numbers are parsed from it, so they are not kept among the shared texts).</summary>
    private string Cell(string column, string? fallback = null)
    {
        if (_index.TryGetValue(column, out int i))
        {
            return i < _cells.Length ? _cells[i] : "";
        }

        return fallback ?? throw new TableFileException(Source, null, $"the column '{column}' is missing (found: {string.Join(", ", _index.Keys)}).");
    }

    /// <summary>A number (empty is NaN); <paramref name="fallback"/> when the column is absent (null: required).</summary>
    public double Number(string column, double? fallback = null)
    {
        if (!Has(column) && fallback is { } f)
        {
            return f;
        }

        string text = Cell(column).Trim();
        return CsvCells.TryNumber(text, out double value) ? value : throw Bad(column, text, "a number");
    }

    public long Integer(string column)
    {
        string text = Cell(column).Trim();
        return long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long value)
            ? value
            : throw Bad(column, text, "a whole number");
    }

    private TableFileException Bad(string column, string text, string what) =>
        new(Source, Line, $"the {column} '{text}' is not {what}.");
}
