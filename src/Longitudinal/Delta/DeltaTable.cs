using System.Globalization;
using Radiomics.IO;
using Radiomics.Tables;
using Radiomics.Longitudinal.Pipeline;

namespace Radiomics.Longitudinal.Delta;

/// <summary>
/// Delta-radiomics of a long feature table: for every subject, region, image type and feature, the change from the
/// baseline (the time point with the smallest day) to each later time point, and the least-squares slope per day over
/// all time points.
/// </summary>
public sealed class DeltaTable
{
    /// <summary>The CSV layout: one column per property of <see cref="DeltaRow"/>, in this order.</summary>
    public static readonly IReadOnlyList<TableColumn<DeltaRow>> CsvColumns =
    [
        new("subject", r => r.Subject), new("region", r => r.Region), new("image_type", r => r.ImageType), new("family", r => r.Family),
        new("feature", r => r.Feature), new("ibsi_code", r => r.IbsiCode), new("aggregation", r => r.Aggregation), new("variant", r => r.Variant),
        new("timepoint", r => r.TimePoint), new("day", r => r.Day), new("delta", r => r.KindName), new("baseline", r => r.Baseline),
        new("followup", r => r.FollowUp), new("value", r => r.Value),
    ];

    /// <summary>CSV column names, in order.</summary>
    public static readonly IReadOnlyList<string> Columns = [.. CsvColumns.Select(c => c.Name)];

    private readonly DeltaRow[] _rows;

    public DeltaTable(IEnumerable<DeltaRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = [.. rows];
    }

    public IReadOnlyList<DeltaRow> Rows => _rows;

    /// <summary>
    /// Computes the requested kinds of change. <paramref name="days"/> gives each subject's time points their day since
    /// baseline (subject → time point → day); time points missing from it are an error.
    /// </summary>
    /// <exception cref="StudyException">A row's time point has no day, or a subject has a feature twice at one time point.</exception>
    public static DeltaTable Compute(FeatureTable features, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> days, IReadOnlyCollection<DeltaKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(kinds);
        var rows = new List<DeltaRow>();
        var series = features.GroupBy(r => (r.Subject, r.Region, r.Channel, r.ImageType, r.Family, r.Feature, r.IbsiCode, r.Aggregation, r.Variant));
        foreach (var group in series)
        {
            var key = group.Key;
            if (!days.TryGetValue(key.Subject, out var subjectDays))
            {
                throw new StudyException($"Subject '{key.Subject}' has feature values but no time points with days.");
            }

            var points = group.Select(r => (r.TimePoint, Day: DayOf(subjectDays, key.Subject, r.TimePoint), r.Value))
                .OrderBy(p => p.Day).ThenBy(p => p.TimePoint, StringComparer.Ordinal).ToArray();
            for (int i = 1; i < points.Length; i++)
            {
                if (points[i].TimePoint == points[i - 1].TimePoint)
                {
                    throw new StudyException($"Subject '{key.Subject}' has {(key.Channel.Length > 0 ? key.Channel + "." : "")}{key.Family}.{key.Feature} twice at time point '{points[i].TimePoint}'.");
                }
            }

            var baseline = points[0];
            foreach (var kind in kinds.Where(k => k != DeltaKind.SlopePerDay))
            {
                for (int i = 1; i < points.Length; i++)
                {
                    rows.Add(new DeltaRow(
                        key.Subject, key.Region, key.ImageType, key.Family, key.Feature, key.IbsiCode, key.Aggregation, key.Variant,
                        points[i].TimePoint, points[i].Day, kind, baseline.Value, points[i].Value, DeltaDefinitions.Compute(kind, baseline.Value, points[i].Value))
                    {
                        Channel = key.Channel,
                    });
                }
            }

            if (kinds.Contains(DeltaKind.SlopePerDay) && points.Length >= 2)
            {
                var last = points[^1];
                double slope = DeltaDefinitions.SlopePerDay(points.Select(p => p.Day).ToArray(), points.Select(p => p.Value).ToArray());
                rows.Add(new DeltaRow(
                    key.Subject, key.Region, key.ImageType, key.Family, key.Feature, key.IbsiCode, key.Aggregation, key.Variant,
                    last.TimePoint, last.Day, DeltaKind.SlopePerDay, baseline.Value, last.Value, slope)
                {
                    Channel = key.Channel,
                });
            }
        }

        return new DeltaTable(rows);
    }

    /// <summary>All four kinds of change.</summary>
    public static IReadOnlyCollection<DeltaKind> AllKinds { get; } = Enum.GetValues<DeltaKind>();

    /// <summary>The rows of one kind.</summary>
    public IEnumerable<DeltaRow> OfKind(DeltaKind kind) => _rows.Where(r => r.Kind == kind);

    /// <summary>The one delta of a subject's feature (by IBSI code or feature name) at a time point.</summary>
    /// <exception cref="KeyNotFoundException">No such row, or more than one.</exception>
    public DeltaRow Find(string subject, string feature, string timePoint, DeltaKind kind, string aggregation = "", string variant = "")
    {
        var matches = _rows.Where(r => r.Subject == subject && (r.IbsiCode == feature || r.Feature == feature) && r.TimePoint == timePoint
            && r.Kind == kind && r.Aggregation == aggregation && r.Variant == variant).Take(2).ToArray();
        return matches.Length == 1
            ? matches[0]
            : throw new KeyNotFoundException($"{(matches.Length == 0 ? "No" : "More than one")} {KindName(kind)} delta of '{feature}' for subject '{subject}' at '{timePoint}'.");
    }

    public static DeltaTable Concat(IEnumerable<DeltaTable> tables) => new(tables.SelectMany(t => t._rows));

    public static string KindName(DeltaKind kind) => kind switch
    {
        DeltaKind.Absolute => "absolute",
        DeltaKind.RelativePercent => "relative_percent",
        DeltaKind.LogRatio => "log_ratio",
        DeltaKind.SlopePerDay => "slope_per_day",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static DeltaKind ParseKind(string text) => text.Trim().ToLowerInvariant() switch
    {
        "absolute" => DeltaKind.Absolute,
        "relative" or "relative_percent" => DeltaKind.RelativePercent,
        "log" or "log_ratio" => DeltaKind.LogRatio,
        "slope" or "slope_per_day" => DeltaKind.SlopePerDay,
        _ => throw new InvalidInputException($"unknown delta '{text}'; known: absolute, relative_percent, log_ratio, slope_per_day."),
    };

    /// <summary>Writes the table as CSV (atomically: a failed write leaves no partial file).</summary>
    public void WriteCsv(string path) => RecordTable.Write(path, ColumnsFor(_rows), _rows);

    public string ToCsv() => RecordTable.ToCsv(ColumnsFor(_rows), _rows);

    /// <summary>The columns this table's CSV has (a <c>channel</c> column only when some row has a channel).</summary>
    public IReadOnlyList<TableColumn<DeltaRow>> CsvLayout => ColumnsFor(_rows);

    /// <summary><see cref="CsvColumns"/>, with a <c>channel</c> column after <c>region</c> when some row has a channel.</summary>
    private static IReadOnlyList<TableColumn<DeltaRow>> ColumnsFor(IReadOnlyList<DeltaRow> rows) =>
        rows.Any(r => r.Channel.Length > 0) ? [.. CsvColumns.Take(2), new("channel", r => r.Channel), .. CsvColumns.Skip(2)] : CsvColumns;

    /// <summary>Reads a table written by <see cref="WriteCsv"/>.</summary>
    public static DeltaTable ReadCsv(string path) => new(RecordTable.Read(path, DeltaRow.From));

    private static double DayOf(IReadOnlyDictionary<string, double> days, string subject, string timePoint) =>
        days.TryGetValue(timePoint, out double day)
            ? day
            : throw new StudyException($"Subject '{subject}' has feature values at time point '{timePoint}', which has no day.");
}
