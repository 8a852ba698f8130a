using System.Globalization;

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

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Subject} {Family}.{Feature} {TimePoint} {KindName} = {Value:G6}");
}
