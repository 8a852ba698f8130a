using Radiomics.Tables;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>
/// What the registration of one follow-up with its baseline gave.
/// </summary>
/// <remarks><c>MaskSource</c>: "given" when the follow-up has its own mask, "propagated" when the baseline mask was carried over.</remarks>
/// <remarks><c>Dice</c>: Dice of the propagated baseline mask against the follow-up's own mask; NaN when it has none.</remarks>
/// <remarks><c>MaskVolumeRatio</c>: Follow-up mask volume / baseline mask volume.</remarks>
/// <remarks><c>JacobianVolumeRatio</c>: 
/// Follow-up tumour volume / the baseline volume it came from by the deformation: |Ω| / ∫_Ω det J dx over the
/// follow-up mask Ω, where the transform maps follow-up points to baseline points.
/// </remarks>
/// <remarks><c>MinimumJacobian</c>: Smallest Jacobian determinant inside the follow-up mask (≤ 0 means folding).</remarks>
/// <remarks><c>GridMinimumJacobian</c>: Smallest Jacobian determinant over the whole follow-up grid.</remarks>
/// <remarks><c>FoldedVolumeMm3</c>: Volume of the follow-up grid where det J ≤ 0 (0: no folding).</remarks>
public sealed record RegistrationRecord(
    string Subject, string TimePoint, string MaskSource, double MetricValue, double Seconds, double Dice,
    double BaselineVolumeMm3, double FollowUpVolumeMm3, double MaskVolumeRatio, double JacobianVolumeRatio, double MinimumJacobian,
    double GridMinimumJacobian = double.NaN, double FoldedVolumeMm3 = double.NaN)
{
    /// <summary>The CSV layout: one column per property, in this order.</summary>
    public static readonly IReadOnlyList<TableColumn<RegistrationRecord>> Columns =
    [
        new("subject", r => r.Subject), new("timepoint", r => r.TimePoint), new("mask_source", r => r.MaskSource), new("metric", r => r.MetricValue),
        new("seconds", r => r.Seconds), new("dice", r => r.Dice), new("baseline_volume_mm3", r => r.BaselineVolumeMm3),
        new("followup_volume_mm3", r => r.FollowUpVolumeMm3), new("mask_volume_ratio", r => r.MaskVolumeRatio),
        new("jacobian_volume_ratio", r => r.JacobianVolumeRatio), new("minimum_jacobian", r => r.MinimumJacobian),
        new("grid_minimum_jacobian", r => r.GridMinimumJacobian), new("folded_volume_mm3", r => r.FoldedVolumeMm3),
    ];

    public static string Header => RecordTable.Header(Columns);

    public string ToCsv() => RecordTable.Row(Columns, this);

    /// <summary>A row of a registration table; tables written before the folding columns existed read them as NaN.</summary>
    public static RegistrationRecord From(TableRow r) => new(
        r.Text("subject"), r.Text("timepoint"), r.Text("mask_source"), r.Number("metric"), r.Number("seconds"), r.Number("dice"),
        r.Number("baseline_volume_mm3"), r.Number("followup_volume_mm3"), r.Number("mask_volume_ratio"), r.Number("jacobian_volume_ratio"),
        r.Number("minimum_jacobian"), r.Number("grid_minimum_jacobian", double.NaN), r.Number("folded_volume_mm3", double.NaN));

    public static List<RegistrationRecord> ReadCsv(string path) => RecordTable.Read(path, From);

    public static void WriteCsv(string path, IEnumerable<RegistrationRecord> records) => RecordTable.Write(path, Columns, records);
}
