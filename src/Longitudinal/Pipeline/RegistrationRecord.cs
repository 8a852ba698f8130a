using Radiomics.Longitudinal.Registration;
using Radiomics.Tables;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>
/// What the registration of one follow-up with its baseline gave.
/// </summary>
/// <param name="Subject">The subject.</param>
/// <param name="TimePoint">The follow-up time point registered with the baseline.</param>
/// <param name="MaskSource">"given" when the follow-up has its own mask, "propagated" when the baseline mask was carried over.</param>
/// <param name="MetricValue">Final value of the registration metric (lower is better, as SimpleITK reports it).</param>
/// <param name="Seconds">Wall time of the registration.</param>
/// <param name="Dice">Dice of the propagated baseline mask against the follow-up's own mask; NaN when it has none.</param>
/// <param name="BaselineVolumeMm3">Volume of the baseline mask, mm³.</param>
/// <param name="FollowUpVolumeMm3">Volume of the follow-up mask (given or propagated), mm³.</param>
/// <param name="MaskVolumeRatio">Follow-up mask volume / baseline mask volume.</param>
/// <param name="JacobianVolumeRatio">Follow-up tumour volume / the baseline volume it came from by the deformation: |Ω| / ∫_Ω det J dx over the follow-up mask Ω, where the transform maps follow-up points to baseline points.</param>
/// <param name="MinimumJacobian">Smallest Jacobian determinant inside the follow-up mask (≤ 0 means folding).</param>
/// <param name="GridMinimumJacobian">Smallest Jacobian determinant over the whole follow-up grid.</param>
/// <param name="FoldedVolumeMm3">Volume of the follow-up grid where det J ≤ 0 (0: no folding).</param>
/// <param name="JacobianMap">
/// Which map <paramref name="JacobianVolumeRatio"/> was measured on (CSV <c>jacobian_map</c>): <c>followup_to_baseline</c> (the registration above,
/// over the follow-up mask), or <c>baseline_to_followup</c> (a second registration with the baseline as fixed image, over
/// the baseline mask), used for a growing tumour because the map that expands the tumour is the unbiased one
/// (<see cref="JacobianVolumeChange"/>).
/// </param>
public sealed record RegistrationRecord(
    string Subject, string TimePoint, string MaskSource, double MetricValue, double Seconds, double Dice,
    double BaselineVolumeMm3, double FollowUpVolumeMm3, double MaskVolumeRatio, double JacobianVolumeRatio, double MinimumJacobian,
    double GridMinimumJacobian = double.NaN, double FoldedVolumeMm3 = double.NaN, JacobianMap JacobianMap = JacobianMap.FollowUpToBaseline)
{
    /// <summary>The CSV layout: one column per property, in this order.</summary>
    public static readonly IReadOnlyList<TableColumn<RegistrationRecord>> Columns =
    [
        new("subject", r => r.Subject), new("timepoint", r => r.TimePoint), new("mask_source", r => r.MaskSource), new("metric", r => r.MetricValue),
        new("seconds", r => r.Seconds), new("dice", r => r.Dice), new("baseline_volume_mm3", r => r.BaselineVolumeMm3),
        new("followup_volume_mm3", r => r.FollowUpVolumeMm3), new("mask_volume_ratio", r => r.MaskVolumeRatio),
        new("jacobian_volume_ratio", r => r.JacobianVolumeRatio), new("minimum_jacobian", r => r.MinimumJacobian),
        new("grid_minimum_jacobian", r => r.GridMinimumJacobian), new("folded_volume_mm3", r => r.FoldedVolumeMm3),
        new("jacobian_map", r => r.JacobianMap == JacobianMap.BaselineToFollowUp ? "baseline_to_followup" : "followup_to_baseline"),
    ];

    public static string Header => RecordTable.Header(Columns);

    public string ToCsv() => RecordTable.Row(Columns, this);

    /// <summary>A row of a registration table; tables written before the folding columns existed read them as NaN (and the Jacobian map as the follow-up's).</summary>
    public static RegistrationRecord From(TableRow r) => new(
        r.Text("subject"), r.Text("timepoint"), r.Text("mask_source"), r.Number("metric"), r.Number("seconds"), r.Number("dice"),
        r.Number("baseline_volume_mm3"), r.Number("followup_volume_mm3"), r.Number("mask_volume_ratio"), r.Number("jacobian_volume_ratio"),
        r.Number("minimum_jacobian"), r.Number("grid_minimum_jacobian", double.NaN), r.Number("folded_volume_mm3", double.NaN),
        r.Text("jacobian_map", "followup_to_baseline") == "baseline_to_followup" ? JacobianMap.BaselineToFollowUp : JacobianMap.FollowUpToBaseline);

    public static List<RegistrationRecord> ReadCsv(string path) => RecordTable.Read(path, From);

    public static void WriteCsv(string path, IEnumerable<RegistrationRecord> records) => RecordTable.Write(path, Columns, records);
}
