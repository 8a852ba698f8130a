using System.Globalization;
using Radiomics.Display;

namespace Radiomics.Tables;

/// <summary>One observation (subject, time point, region) of a <see cref="WideFeatureTable"/> with a value per feature column.</summary>
public sealed record WideFeatureRow(string Subject, string TimePoint, string Region, IReadOnlyList<double> Values);

/// <summary>
/// A feature table pivoted wide: one row per (subject, time point, region), one column per feature — the layout
/// statistics, delta-radiomics and clustering want. Made by <see cref="FeatureTable.Wide"/>.
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource<WideFeatureTable>), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class WideFeatureTable : IHtmlContent
{
    private readonly Dictionary<string, int> _columnIndex;

    private WideFeatureTable(IReadOnlyList<string> columns, IReadOnlyList<WideFeatureRow> rows)
    {
        FeatureColumns = columns;
        Rows = rows;
        _columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Count; i++)
        {
            _columnIndex[columns[i]] = i;
        }
    }

    /// <summary>Feature column names (<see cref="FeatureRow.ColumnName"/>), in order of first appearance.</summary>
    public IReadOnlyList<string> FeatureColumns { get; }

    public IReadOnlyList<WideFeatureRow> Rows { get; }

    /// <summary>The value of a feature column in a row (NaN when that observation lacks it).</summary>
    public double this[int row, string column] =>
        _columnIndex.TryGetValue(column, out int c) ? Rows[row].Values[c] : throw new KeyNotFoundException($"No column '{column}'.");

    /// <summary>All values of one feature column, one per row.</summary>
    public double[] Column(string column)
    {
        if (!_columnIndex.TryGetValue(column, out int c))
        {
            throw new KeyNotFoundException($"No column '{column}'.");
        }

        return [.. Rows.Select(r => r.Values[c])];
    }

    internal static WideFeatureTable From(IReadOnlyList<FeatureRow> rows)
    {
        var columns = new List<string>();
        var columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<(string, string, string)>();
        var keyIndex = new Dictionary<(string, string, string), int>();
        var cells = new List<(int Row, int Column, double Value)>();
        foreach (var r in rows)
        {
            var name = r.ColumnName;
            if (!columnIndex.TryGetValue(name, out int c))
            {
                c = columns.Count;
                columnIndex[name] = c;
                columns.Add(name);
            }

            var key = (r.Subject, r.TimePoint, r.Region);
            if (!keyIndex.TryGetValue(key, out int k))
            {
                k = keys.Count;
                keyIndex[key] = k;
                keys.Add(key);
            }

            cells.Add((k, c, r.Value));
        }

        var values = new double[keys.Count][];
        var seen = new bool[keys.Count][];
        for (int k = 0; k < keys.Count; k++)
        {
            values[k] = new double[columns.Count];
            Array.Fill(values[k], double.NaN);
            seen[k] = new bool[columns.Count];
        }

        foreach (var (k, c, v) in cells)
        {
            if (seen[k][c])
            {
                var (s, t, g) = keys[k];
                throw new InvalidOperationException(
                    $"Cannot pivot: '{columns[c]}' appears twice for subject '{s}', time point '{t}', region '{g}'. Give the rows distinct subjects, time points, regions or image types.");
            }

            seen[k][c] = true;
            values[k][c] = v;
        }

        var wideRows = keys.Select((key, k) => new WideFeatureRow(key.Item1, key.Item2, key.Item3, values[k])).ToList();
        return new WideFeatureTable(columns, wideRows);
    }

    /// <summary>Writes CSV with the columns subject, timepoint, region and then every feature column, atomically.</summary>
    public void WriteCsv(string path) => CsvFile.Write(path, WriteCsv);

    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var columns = new List<TableColumn<WideFeatureRow>> { new("subject", r => r.Subject), new("timepoint", r => r.TimePoint), new("region", r => r.Region) };
        columns.AddRange(FeatureColumns.Select((name, k) => new TableColumn<WideFeatureRow>(name, r => r.Values[k])));
        RecordTable.Write(writer, columns, Rows);
    }

    /// <summary>The first rows as an HTML table (how notebooks show a wide table).</summary>
    public string ToHtmlFragment() =>
        HtmlTable.Render(
            ["subject", "timepoint", "region", .. FeatureColumns],
            Rows.Select(r => (IReadOnlyList<object?>)[r.Subject, r.TimePoint, r.Region, .. r.Values.Select(v => (object?)v)]),
            Rows.Count);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"WideFeatureTable: {Rows.Count} rows × {FeatureColumns.Count} feature columns");
}
