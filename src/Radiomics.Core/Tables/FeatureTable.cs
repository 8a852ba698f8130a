using System.Collections;
using System.Globalization;
using System.Text;
using Radiomics.Display;
using Radiomics.Features;

namespace Radiomics.Tables;

/// <summary>
/// Feature values as a tidy table: one immutable <see cref="FeatureRow"/> per value, with the columns
/// <c>subject, timepoint, region, image_type, family, feature, ibsi_code, aggregation, variant, value</c>. Filter with
/// <see cref="Where"/>, combine with <see cref="Concat(FeatureTable)"/>, pivot with <see cref="Wide"/>, and write or read
/// CSV (invariant culture, doubles round-trip exactly, written atomically).
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource<FeatureTable>), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed class FeatureTable : IReadOnlyList<FeatureRow>, IHtmlContent
{
    /// <summary>The CSV columns, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["subject", "timepoint", "region", "image_type", "family", "feature", "ibsi_code", "aggregation", "variant", "value", "pyradiomics_name"];

    private readonly FeatureRow[] _rows;

    private readonly Lazy<TableProvenance?> _provenance;

    public FeatureTable(IEnumerable<FeatureRow> rows, FeatureSettings? settings = null)
        : this(rows, settings, null)
    {
    }

    private FeatureTable(IEnumerable<FeatureRow> rows, FeatureSettings? settings, TableProvenance? provenance)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = [.. rows];
        foreach (var r in _rows)
        {
            ArgumentNullException.ThrowIfNull(r, nameof(rows));
        }

        Settings = settings;
        _provenance = new Lazy<TableProvenance?>(() => provenance ?? (settings is null ? null : TableProvenance.For(settings)));
    }

    public static FeatureTable Empty { get; } = new([]);

    /// <summary>The settings that produced the values, when known (null for tables combined from different settings, or read from a CSV without its provenance file).</summary>
    public FeatureSettings? Settings { get; }

    /// <summary>
    /// Toolkit version and settings (hash and YAML) of the values, when known; written beside the CSV by
    /// <see cref="WriteCsv(string)"/> and read back by <see cref="ReadCsv(string)"/>, so it survives the round trip.
    /// </summary>
    public TableProvenance? Provenance => _provenance.Value;

    public int Count => _rows.Length;

    public FeatureRow this[int index] => _rows[index];

    /// <summary>A table of computed values for one ROI of one scan.</summary>
    public static FeatureTable FromValues(
        IEnumerable<FeatureValue> values, string subject = "", string timePoint = "", string region = "", string imageType = "original", FeatureSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new FeatureTable(
            values.Select(v => new FeatureRow(subject, timePoint, region, imageType, v.Family, v.Feature, v.IbsiCode, v.Aggregation, v.Variant, v.Value)),
            settings);
    }

    /// <summary>The feature values as <see cref="FeatureValue"/>s (dropping subject, time point, region and image type).</summary>
    public IEnumerable<FeatureValue> Values() =>
        _rows.Select(r => new FeatureValue(r.Family, r.Feature, r.IbsiCode, r.Value, r.Aggregation, r.Variant));

    public FeatureTable Where(Func<FeatureRow, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new FeatureTable(_rows.Where(predicate), Settings, Provenance);
    }

    /// <summary>The rows of one family (e.g. "glcm").</summary>
    public FeatureTable Family(string family) => Where(r => r.Family == family);

    public FeatureTable WithSubject(string subject) => Map(r => r with { Subject = subject ?? "" });

    public FeatureTable WithTimePoint(string timePoint) => Map(r => r with { TimePoint = timePoint ?? "" });

    public FeatureTable WithRegion(string region) => Map(r => r with { Region = region ?? "" });

    /// <summary>Every row tagged with the channel of a multi-parametric visit it comes from.</summary>
    public FeatureTable WithChannel(string channel) => Map(r => r with { Channel = channel ?? "" });

    public FeatureTable WithImageType(string imageType) => Map(r => r with { ImageType = imageType ?? "" });

    /// <summary>This table's rows followed by the other's; settings are kept when both tables agree on them.</summary>
    public FeatureTable Concat(FeatureTable other)
    {
        ArgumentNullException.ThrowIfNull(other);
        bool same = Equals(Provenance, other.Provenance);
        return new FeatureTable(_rows.Concat(other._rows), same && Equals(Settings, other.Settings) ? Settings : null, same ? Provenance : null);
    }

    /// <summary>All rows of the tables, in order (e.g. every subject and time point of a cohort).</summary>
    public static FeatureTable Concat(IEnumerable<FeatureTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var list = tables.ToList();
        if (list.Count == 0)
        {
            return Empty;
        }

        var settings = list[0].Settings;
        var provenance = list[0].Provenance;
        bool same = list.TrueForAll(t => Equals(t.Provenance, provenance));
        return new FeatureTable(list.SelectMany(t => t._rows), same && list.TrueForAll(t => Equals(t.Settings, settings)) ? settings : null, same ? provenance : null);
    }

    /// <summary>
    /// The single value with this IBSI code (and aggregation, and variant where a code has several values).
    /// </summary>
    /// <exception cref="KeyNotFoundException">No row or more than one row matches.</exception>
    public double Value(string ibsiCode, string aggregation = "", string variant = "")
    {
        var matches = _rows.Where(r => r.IbsiCode == ibsiCode && r.Aggregation == aggregation && (variant.Length == 0 || r.Variant == variant)).ToList();
        return matches.Count switch
        {
            1 => matches[0].Value,
            0 => throw new KeyNotFoundException($"No feature {ibsiCode} {aggregation} {variant} in the table.".Replace("  ", " ", StringComparison.Ordinal)),
            _ => throw new KeyNotFoundException(
                $"{matches.Count} rows match {ibsiCode} {aggregation}; name a variant ({string.Join(", ", matches.Select(m => $"'{m.Variant}'"))}) or filter by subject first."),
        };
    }

    /// <summary>
    /// Pivots to one row per (subject, time point, region) and one column per feature (<see cref="FeatureRow.ColumnName"/>),
    /// both in order of first appearance; missing values are NaN.
    /// </summary>
    /// <exception cref="InvalidOperationException">Two rows give the same feature for the same subject, time point and region.</exception>
    public WideFeatureTable Wide() => WideFeatureTable.From(_rows);

    /// <summary>
    /// Writes the table as CSV, atomically (readers never see a half-written file), with its <see cref="Provenance"/>
    /// in <c>&lt;path&gt;.provenance.json</c> (a stale one is removed when the provenance is unknown).
    /// </summary>
    public void WriteCsv(string path)
    {
        CsvFile.Write(path, WriteCsv);
        TableProvenance.WriteBeside(path, Provenance);
    }

    public void WriteCsv(TextWriter writer) => RecordTable.Write(writer, ColumnsFor(_rows), _rows);

    /// <summary>The columns this table's CSV has (a <c>channel</c> column only when some row has a channel): what DataFrames and other exports follow.</summary>
    public IReadOnlyList<TableColumn<FeatureRow>> CsvLayout => ColumnsFor(_rows);

    /// <summary><see cref="CsvColumns"/>, with a <c>channel</c> column after <c>region</c> when some row has a channel.</summary>
    internal static IReadOnlyList<TableColumn<FeatureRow>> ColumnsFor(IReadOnlyList<FeatureRow> rows) =>
        rows.Any(r => r.Channel.Length > 0) ? [.. CsvColumns.Take(3), new("channel", r => r.Channel), .. CsvColumns.Skip(3)] : CsvColumns;

    /// <summary>The CSV layout of a row: <see cref="Columns"/>, with PyRadiomics' name where one exists.</summary>
    internal static readonly IReadOnlyList<TableColumn<FeatureRow>> CsvColumns =
    [
        new("subject", r => r.Subject), new("timepoint", r => r.TimePoint), new("region", r => r.Region), new("image_type", r => r.ImageType),
        new("family", r => r.Family), new("feature", r => r.Feature), new("ibsi_code", r => r.IbsiCode), new("aggregation", r => r.Aggregation),
        new("variant", r => r.Variant), new("value", r => r.Value),
        new("pyradiomics_name", r => Features.PyRadiomics.PyRadiomicsIbsiMap.PyRadiomicsName(r.ImageType, r.Family, r.Feature, r.IbsiCode, r.Aggregation)),
    ];

    /// <summary>
    /// Reads a feature CSV. <c>family</c>, <c>feature</c> and <c>value</c> are required; the other columns default to
    /// empty (<c>image_type</c> to "original"); unknown columns are ignored. Values may be empty (NaN), NaN or Infinity.
    /// </summary>
    /// <exception cref="TableFileException">A required column is missing or a value is not a number (naming file, line and column).</exception>
    public static FeatureTable ReadCsv(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var rows = RecordTable.Read(path, FeatureRow.From);
        var provenance = TableProvenance.ReadBeside(path);
        return new FeatureTable(rows, provenance?.Settings(), provenance);
    }

    public static FeatureTable ReadCsv(TextReader reader, string source = "CSV") => new(RecordTable.Read(reader, FeatureRow.From, source));

    /// <summary>The first rows, aligned, with a count of the rest: enough to see what a table holds.</summary>
    public override string ToString() => ToString(10);

    public string ToString(int maxRows)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"FeatureTable: {Count} rows");
        var subjects = _rows.Select(r => r.Subject).Distinct().Count();
        if (Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $", {_rows.Select(r => r.Family).Distinct().Count()} families, {subjects} subject(s)");
        }

        sb.AppendLine();
        var shown = _rows.Take(Math.Max(0, maxRows)).ToList();
        if (shown.Count == 0)
        {
            return sb.ToString();
        }

        bool showIds = shown.Any(r => r.Subject.Length + r.TimePoint.Length + r.Region.Length > 0);
        var lines = shown.Select(r => new[]
        {
            showIds ? $"{r.Subject}/{r.TimePoint}/{r.Region}" : null,
            r.Family, r.Feature, r.IbsiCode, r.Aggregation, r.Variant, r.Value.ToString("G6", CultureInfo.InvariantCulture),
        }.Where(c => c is not null).Select(c => c!).ToArray()).ToList();
        var head = (showIds ? new[] { "subject/timepoint/region" } : []).Concat(["family", "feature", "ibsi_code", "aggregation", "variant", "value"]).ToArray();
        lines.Insert(0, head);
        var widths = Enumerable.Range(0, head.Length).Select(c => lines.Max(l => Math.Min(l[c].Length, 48))).ToArray();
        foreach (var l in lines)
        {
            sb.AppendLine(string.Join("  ", l.Select((c, i) => (c.Length > 48 ? c[..47] + "…" : c).PadRight(widths[i]))).TrimEnd());
        }

        if (Count > shown.Count)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"… {Count - shown.Count} more rows");
        }

        return sb.ToString();
    }

    /// <summary>The first rows as an HTML table (how notebooks show a feature table).</summary>
    public string ToHtmlFragment() =>
        HtmlTable.Render(
            [.. Columns.Take(10)],
            _rows.Select(r => (IReadOnlyList<object?>)[r.Subject, r.TimePoint, r.Region, r.ImageType, r.Family, r.Feature, r.IbsiCode, r.Aggregation, r.Variant, r.Value]),
            Count);

    public IEnumerator<FeatureRow> GetEnumerator() => ((IEnumerable<FeatureRow>)_rows).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private FeatureTable Map(Func<FeatureRow, FeatureRow> f) => new(_rows.Select(f), Settings, Provenance);
}
