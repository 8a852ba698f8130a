using System.Globalization;
using Radiomics.Tables;

namespace Radiomics.Longitudinal.Delta;

/// <summary>
/// One change of one feature of one subject: a tidy row of a <see cref="DeltaTable"/>. For
/// <see cref="DeltaKind.SlopePerDay"/> the row covers all time points (<see cref="TimePoint"/> is the last one and
/// <see cref="Day"/> its day); for the other kinds it compares <see cref="TimePoint"/> with the baseline.
/// </summary>
public sealed record DeltaRow(
    string Subject, string Region, string ImageType, string Family, string Feature, string IbsiCode, string Aggregation, string Variant,
    string TimePoint, double Day, DeltaKind Kind, double Baseline, double FollowUp, double Value)
{
    /// <summary>The channel of a multi-parametric study the feature comes from (empty for single-channel studies).</summary>
    public string Channel { get; init; } = "";

    /// <summary>The kind as written in CSV files.</summary>
    public string KindName => DeltaTable.KindName(Kind);

    /// <summary>A row of a delta CSV (<c>deltas.csv</c> and every table that shares its columns); <c>channel</c> defaults to empty.</summary>
    /// <exception cref="TableFileException">A column is missing, a number is not one, or the delta is not a known kind (naming file and line).</exception>
    public static DeltaRow From(TableRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(
            r.Text("subject"), r.Text("region"), r.Text("image_type"), r.Text("family"), r.Text("feature"), r.Text("ibsi_code"), r.Text("aggregation"),
            r.Text("variant"), r.Text("timepoint"), r.Number("day"), ParseKind(r), r.Number("baseline"), r.Number("followup"), r.Number("value"))
        {
            Channel = r.Text("channel", ""),
        };
    }

    private static DeltaKind ParseKind(TableRow r)
    {
        string text = r.Text("delta");
        try
        {
            return DeltaTable.ParseKind(text);
        }
        catch (InvalidInputException)
        {
            // ParseKind's list of names is the one list; here the bad name is a cell of a file, so name file and line.
            throw new TableFileException(r.Source, r.Line, $"the delta '{text}' is not one of absolute, relative_percent, log_ratio, slope_per_day.");
        }
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Subject} {Family}.{Feature} {TimePoint} {KindName} = {Value:G6}");
}
