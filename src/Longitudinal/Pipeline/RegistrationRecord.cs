using System.Globalization;

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
    public static readonly string Header =
        "subject,timepoint,mask_source,metric,seconds,dice,baseline_volume_mm3,followup_volume_mm3,mask_volume_ratio,jacobian_volume_ratio,minimum_jacobian,grid_minimum_jacobian,folded_volume_mm3";

    public string ToCsv() => Csv.Row(Subject, TimePoint, MaskSource, MetricValue, Seconds, Dice, BaselineVolumeMm3, FollowUpVolumeMm3, MaskVolumeRatio, JacobianVolumeRatio, MinimumJacobian,
        GridMinimumJacobian, FoldedVolumeMm3);

    /// <summary>A row of <see cref="Header"/>; rows written before the folding columns existed read them as NaN.</summary>
    public static RegistrationRecord Parse(IReadOnlyList<string> f) => new(
        f[0], f[1], f[2], D(f[3]), D(f[4]), D(f[5]), D(f[6]), D(f[7]), D(f[8]), D(f[9]), D(f[10]),
        f.Count > 11 ? D(f[11]) : double.NaN, f.Count > 12 ? D(f[12]) : double.NaN);

    private static double D(string s) => s.Length == 0 ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);
}
