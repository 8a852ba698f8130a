using System.Collections;
using Radiomics.Tables;

namespace Radiomics.Habitats.Model;

/// <summary>
/// Per-habitat IBSI features in long format (<c>habitat_features.csv</c>): the columns of <c>features.csv</c>
/// (<see cref="FeatureTable"/>) with a <c>habitat</c> column after <c>region</c> (after <c>channel</c> when the rows
/// have channels). <see cref="Habitat"/> gives one habitat's rows as a <see cref="FeatureTable"/>, so deltas, wide
/// pivots and DataFrames work per habitat as for the whole tumour. A study's table stays on disk until its rows are
/// first used (<see cref="OnDisk"/>).
/// </summary>
public sealed class HabitatFeatureTable : IReadOnlyList<HabitatFeatureRow>
{
    private readonly IReadOnlyList<HabitatFeatureRow> _rows;

    public HabitatFeatureTable(IEnumerable<HabitatFeatureRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = rows.ToArray();
    }

    private HabitatFeatureTable(TableFileRows<HabitatFeatureRow> rows) => _rows = rows;

    public static HabitatFeatureTable Empty { get; } = new([]);

    /// <summary>
    /// The table of a CSV written by <see cref="WriteCsv"/> with <paramref name="count"/> rows, read when its rows are
    /// first used (<see cref="Count"/> does not read it).
    /// </summary>
    public static HabitatFeatureTable OnDisk(string path, int count) => new(new TableFileRows<HabitatFeatureRow>(path, count, ReadRows));

    public int Count => _rows.Count;

    public HabitatFeatureRow this[int index] => _rows[index];

    /// <summary>The habitat labels present, in increasing order.</summary>
    public IReadOnlyList<int> Habitats => [.. _rows.Select(r => r.Habitat).Distinct().Order()];

    /// <summary>The rows of one habitat as a feature table (every subject, time point and channel).</summary>
    public FeatureTable Habitat(int habitat) => new(_rows.Where(r => r.Habitat == habitat).Select(r => r.Feature));

    /// <summary>The rows of one subject.</summary>
    public HabitatFeatureTable Subject(string subject) => new(_rows.Where(r => r.Feature.Subject == subject));

    /// <summary>All rows of the tables, in order.</summary>
    public static HabitatFeatureTable Concat(IEnumerable<HabitatFeatureTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return new(tables.SelectMany(t => t._rows));
    }

    /// <summary>The columns this table's CSV has: <see cref="FeatureTable.CsvLayout"/> of its rows with <c>habitat</c> inserted.</summary>
    public IReadOnlyList<TableColumn<HabitatFeatureRow>> CsvLayout =>
        HabitatColumns.Insert(new FeatureTable(_rows.Select(r => r.Feature)).CsvLayout, (HabitatFeatureRow r) => r.Feature, r => r.Habitat);

    /// <summary>Writes the table as CSV, atomically.</summary>
    public void WriteCsv(string path) => RecordTable.Write(path, CsvLayout, _rows);

    /// <summary>Reads a table written by <see cref="WriteCsv"/>.</summary>
    public static HabitatFeatureTable ReadCsv(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new(ReadRows(path));
    }

    private static List<HabitatFeatureRow> ReadRows(string path) =>
        RecordTable.Read(path, r => new HabitatFeatureRow((int)r.Integer("habitat"), FeatureRow.From(r)));

    public IEnumerator<HabitatFeatureRow> GetEnumerator() => _rows.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
