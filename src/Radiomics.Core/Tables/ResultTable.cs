using System.Collections;
using System.Globalization;
using Radiomics.Display;

namespace Radiomics.Tables;

/// <summary>
/// A small typed table of workflow results (habitat measures, k selection, registration summaries…): named columns and
/// rows of cells that are strings, integers, doubles or nulls. Written as CSV by <see cref="RecordTable"/> in the
/// <see cref="CsvCells"/> convention of every table (invariant culture, doubles round-trip exactly, NaN as an empty
/// cell, written atomically), and shown as an HTML table in notebooks. The command line prints these tables as aligned text, CSV or JSON.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource<ResultTable>), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class ResultTable : IReadOnlyList<IReadOnlyList<object?>>, IHtmlContent
{
    private readonly IReadOnlyList<object?>[] _rows;

    /// <param name="columns">Column names, in order (CSV header).</param>
    /// <param name="rows">Rows with one cell per column.</param>
    /// <exception cref="ArgumentException">A row has a different number of cells than there are columns.</exception>
    public ResultTable(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        Columns = [.. columns];
        _rows = [.. rows];
        foreach (var row in _rows)
        {
            if (row is null || row.Count != Columns.Count)
            {
                throw new ArgumentException($"Every row needs {Columns.Count} cells ({string.Join(", ", Columns)}).", nameof(rows));
            }
        }
    }

    public IReadOnlyList<string> Columns { get; }

    public int Count => _rows.Length;

    public IReadOnlyList<object?> this[int index] => _rows[index];

    /// <summary>The cells of one column, in row order.</summary>
    /// <exception cref="KeyNotFoundException">No column has this name.</exception>
    public IEnumerable<object?> Column(string name)
    {
        int c = Columns.ToList().IndexOf(name);
        if (c < 0)
        {
            throw new KeyNotFoundException($"No column '{name}' (columns: {string.Join(", ", Columns)}).");
        }

        return _rows.Select(r => r[c]);
    }

    /// <summary>A cell as display text (unquoted): doubles in round-trip form, integers and enums invariant, null empty.</summary>
    public static string FormatCell(object? cell) => cell switch
    {
        null => "",
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    /// <summary>Writes the table as CSV, atomically (readers never see a half-written file).</summary>
    public void WriteCsv(string path) => CsvFile.Write(path, WriteCsv);

    public void WriteCsv(TextWriter writer) => RecordTable.Write(writer, RecordColumns(), _rows);

    /// <summary>The table as CSV text.</summary>
    public string ToCsv()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteCsv(writer);
        return writer.ToString();
    }

    private TableColumn<IReadOnlyList<object?>>[] RecordColumns() =>
        [.. Columns.Select((name, c) => new TableColumn<IReadOnlyList<object?>>(name, row => row[c]))];

    public string ToHtmlFragment() => HtmlTable.Render(Columns, _rows, Count);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ResultTable: {Count} rows × {Columns.Count} columns ({string.Join(", ", Columns)})");

    public IEnumerator<IReadOnlyList<object?>> GetEnumerator() => ((IEnumerable<IReadOnlyList<object?>>)_rows).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
