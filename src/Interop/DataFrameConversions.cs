using Microsoft.Data.Analysis;
using Radiomics.Longitudinal.Delta;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Longitudinal.Stability;
using Radiomics.Tables;

namespace Radiomics.Interop;

/// <summary>
/// The toolkit's tidy tables as <see cref="DataFrame"/>s (Microsoft.Data.Analysis), one column per field with the
/// names of the CSV files the toolkit writes, for grouping, filtering and joining in notebooks and programs.
/// </summary>
public static class DataFrameConversions
{
    /// <summary>Feature values: subject, timepoint, region, image_type, family, feature, ibsi_code, aggregation, variant, value.</summary>
    public static DataFrame ToDataFrame(this FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new DataFrame(
            Text("subject", table, r => r.Subject), Text("timepoint", table, r => r.TimePoint), Text("region", table, r => r.Region),
            Text("image_type", table, r => r.ImageType), Text("family", table, r => r.Family), Text("feature", table, r => r.Feature),
            Text("ibsi_code", table, r => r.IbsiCode), Text("aggregation", table, r => r.Aggregation), Text("variant", table, r => r.Variant),
            Number("value", table, r => r.Value));
    }

    /// <summary>Deltas: the feature's identity, timepoint, day, kind, baseline, followup and value.</summary>
    public static DataFrame ToDataFrame(this DeltaTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows;
        return new DataFrame(
            Text("subject", rows, r => r.Subject), Text("region", rows, r => r.Region), Text("image_type", rows, r => r.ImageType),
            Text("family", rows, r => r.Family), Text("feature", rows, r => r.Feature), Text("ibsi_code", rows, r => r.IbsiCode),
            Text("aggregation", rows, r => r.Aggregation), Text("variant", rows, r => r.Variant), Text("timepoint", rows, r => r.TimePoint),
            Number("day", rows, r => r.Day), Text("kind", rows, r => r.KindName), Number("baseline", rows, r => r.Baseline),
            Number("followup", rows, r => r.FollowUp), Number("value", rows, r => r.Value));
    }

    /// <summary>Feature stability: the feature's identity, subjects, repeats, icc_2_1 (absolute agreement) and icc_3_1 (consistency).</summary>
    public static DataFrame ToDataFrame(this StabilityTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows;
        return new DataFrame(
            Text("image_type", rows, r => r.ImageType), Text("family", rows, r => r.Family), Text("feature", rows, r => r.Feature),
            Text("ibsi_code", rows, r => r.IbsiCode), Text("aggregation", rows, r => r.Aggregation), Text("variant", rows, r => r.Variant),
            Whole("subjects", rows, r => r.Subjects), Whole("repeats", rows, r => r.Repeats),
            Number("icc_2_1", rows, r => r.IccAbsoluteAgreement), Number("icc_3_1", rows, r => r.IccConsistency));
    }

    /// <summary>Registrations of a study: one row per follow-up, volumes in mL.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<RegistrationRecord> registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        var rows = registrations.ToList();
        return new DataFrame(
            Text("subject", rows, r => r.Subject), Text("timepoint", rows, r => r.TimePoint), Text("mask_source", rows, r => r.MaskSource),
            Number("metric", rows, r => r.MetricValue), Number("seconds", rows, r => r.Seconds), Number("dice", rows, r => r.Dice),
            Number("baseline_volume_ml", rows, r => r.BaselineVolumeMm3 / 1000), Number("followup_volume_ml", rows, r => r.FollowUpVolumeMm3 / 1000),
            Number("mask_volume_ratio", rows, r => r.MaskVolumeRatio), Number("jacobian_volume_ratio", rows, r => r.JacobianVolumeRatio),
            Number("minimum_jacobian", rows, r => r.MinimumJacobian));
    }

    /// <summary>Habitat transitions of a study: one row per subject, follow-up and (from, to) habitat pair, volumes in mL.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<TransitionRecord> transitions)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        var rows = transitions.ToList();
        return new DataFrame(
            Text("subject", rows, r => r.Subject), Text("from_timepoint", rows, r => r.FromTimePoint), Text("to_timepoint", rows, r => r.ToTimePoint),
            Whole("from_habitat", rows, r => r.FromHabitat), Whole("to_habitat", rows, r => r.ToHabitat),
            new Int64DataFrameColumn("voxels", rows.Select(r => r.Voxels)), Number("volume_ml", rows, r => r.VolumeMm3 / 1000),
            Number("fraction_of_from", rows, r => r.FractionOfFrom));
    }

    private static StringDataFrameColumn Text<T>(string name, IReadOnlyCollection<T> rows, Func<T, string> value) =>
        new(name, rows.Select(value));

    private static DoubleDataFrameColumn Number<T>(string name, IReadOnlyCollection<T> rows, Func<T, double> value) =>
        new(name, rows.Select(value));

    private static Int32DataFrameColumn Whole<T>(string name, IReadOnlyCollection<T> rows, Func<T, int> value) =>
        new(name, rows.Select(value));
}
