using Radiomics.Habitats.Model;
using Radiomics.Longitudinal.Delta;
using Radiomics.Tables;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>
/// Habitat-wise delta-radiomics (<c>habitat_deltas.csv</c>): the changes of every per-habitat feature from baseline to
/// each follow-up, computed habitat by habitat exactly as <c>deltas.csv</c> is for the whole tumour, with a
/// <c>habitat</c> column after <c>region</c> (after <c>channel</c> when the rows have channels). A study's table stays on
/// disk until its rows are first used (<see cref="OnDisk"/>).
/// </summary>
public sealed class HabitatDeltaTable
{
    public HabitatDeltaTable(IEnumerable<HabitatDeltaRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Rows = rows.ToArray();
    }

    private HabitatDeltaTable(TableFileRows<HabitatDeltaRow> rows) => Rows = rows;

    public static HabitatDeltaTable Empty { get; } = new([]);

    /// <summary>
    /// The table of a CSV written by <see cref="WriteCsv"/> with <paramref name="count"/> rows, read when its rows are
    /// first used (<c>Rows.Count</c> does not read it).
    /// </summary>
    public static HabitatDeltaTable OnDisk(string path, int count) => new(new TableFileRows<HabitatDeltaRow>(path, count, ReadRows));

    public IReadOnlyList<HabitatDeltaRow> Rows { get; }

    /// <summary>
    /// The deltas of every habitat's features (<see cref="DeltaTable.Compute"/> habitat by habitat). A feature a habitat
    /// lacks at the subject's baseline (the habitat empty or skipped there) has no delta: changes are always from baseline.
    /// </summary>
    public static HabitatDeltaTable Compute(
        HabitatFeatureTable features, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> days, IReadOnlyCollection<DeltaKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(days);
        var baselines = days.ToDictionary(
            d => d.Key, d => d.Value.OrderBy(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key).FirstOrDefault(), StringComparer.Ordinal);
        return new(features.Habitats.SelectMany(h =>
        {
            var rows = features.Habitat(h)
                .GroupBy(r => (r.Subject, r.Region, r.Channel, r.ImageType, r.Family, r.Feature, r.IbsiCode, r.Aggregation, r.Variant))
                .Where(g => baselines.TryGetValue(g.Key.Subject, out var baseline) && g.Any(r => r.TimePoint == baseline))
                .SelectMany(g => g);
            return DeltaTable.Compute(new FeatureTable(rows), days, kinds).Rows.Select(r => new HabitatDeltaRow(h, r));
        }));
    }

    /// <summary>The columns of this table's CSV.</summary>
    public IReadOnlyList<TableColumn<HabitatDeltaRow>> CsvLayout =>
        HabitatColumns.Insert(new DeltaTable(Rows.Select(r => r.Delta)).CsvLayout, (HabitatDeltaRow r) => r.Delta, r => r.Habitat);

    /// <summary>Writes the table as CSV, atomically.</summary>
    public void WriteCsv(string path) => RecordTable.Write(path, CsvLayout, Rows);

    /// <summary>Reads a table written by <see cref="WriteCsv"/>.</summary>
    public static HabitatDeltaTable ReadCsv(string path) => new(ReadRows(path));

    private static List<HabitatDeltaRow> ReadRows(string path) =>
        RecordTable.Read(path, r => new HabitatDeltaRow((int)r.Integer("habitat"), DeltaRow.From(r)));
}
