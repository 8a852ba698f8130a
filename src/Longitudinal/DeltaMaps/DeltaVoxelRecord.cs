using Radiomics.Tables;

namespace Radiomics.Longitudinal.DeltaMaps;

/// <summary>
/// One line of <c>delta_voxels.csv</c>: the voxel-wise change of one channel over the baseline region (habitat 0) or
/// over one baseline habitat, followed through the registration to the follow-up.
/// </summary>
/// <param name="Subject">The subject.</param>
/// <param name="Baseline">The baseline time point.</param>
/// <param name="FollowUp">The follow-up time point.</param>
/// <param name="Channel">The channel ("" for single-channel visits).</param>
/// <param name="Habitat">The baseline habitat (0: the whole region).</param>
/// <param name="Voxels">Baseline voxels.</param>
/// <param name="BaselineVolumeMm3">Their volume at baseline.</param>
/// <param name="TrackedVolumeMm3">The volume their tissue occupies at the follow-up: the sum of det Dψ times the voxel volume (the Jacobian-corrected volume).</param>
/// <param name="MeanBaseline">The mean baseline value.</param>
/// <param name="MeanFollowUp">The mean follow-up value at the places the tissue moved to.</param>
/// <param name="MeanDifference">The mean of <c>I₁(ψ(x)) − I₀(x)</c>.</param>
/// <param name="MeanModulatedDifference">The mean of <c>I₁(ψ(x))·det Dψ(x) − I₀(x)</c>.</param>
/// <param name="VoxelsOutsideFollowUp">Voxels whose tissue the registration maps outside the follow-up image (left out of the means of follow-up values).</param>
public sealed record DeltaVoxelRecord(
    string Subject, string Baseline, string FollowUp, string Channel, int Habitat, long Voxels, double BaselineVolumeMm3, double TrackedVolumeMm3,
    double MeanBaseline, double MeanFollowUp, double MeanDifference, double MeanModulatedDifference, long VoxelsOutsideFollowUp)
{
    /// <summary>The Jacobian-corrected relative volume change of the tissue, <c>tracked / baseline − 1</c>.</summary>
    public double VolumeChange => BaselineVolumeMm3 > 0 ? (TrackedVolumeMm3 / BaselineVolumeMm3) - 1 : double.NaN;

    /// <summary>The CSV layout: one column per property, in this order.</summary>
    public static readonly IReadOnlyList<TableColumn<DeltaVoxelRecord>> Columns =
    [
        new("subject", r => r.Subject), new("baseline", r => r.Baseline), new("follow_up", r => r.FollowUp),
        new("channel", r => r.Channel), new("habitat", r => r.Habitat), new("voxels", r => r.Voxels),
        new("baseline_volume_mm3", r => r.BaselineVolumeMm3), new("tracked_volume_mm3", r => r.TrackedVolumeMm3),
        new("volume_change", r => r.VolumeChange), new("mean_baseline", r => r.MeanBaseline), new("mean_follow_up", r => r.MeanFollowUp),
        new("mean_difference", r => r.MeanDifference), new("mean_modulated_difference", r => r.MeanModulatedDifference),
        new("voxels_outside_follow_up", r => r.VoxelsOutsideFollowUp),
    ];

    public static DeltaVoxelRecord From(TableRow r) => new(
        r.Text("subject"), r.Text("baseline"), r.Text("follow_up"), r.Text("channel"), (int)r.Integer("habitat"), r.Integer("voxels"),
        r.Number("baseline_volume_mm3"), r.Number("tracked_volume_mm3"), r.Number("mean_baseline"), r.Number("mean_follow_up"),
        r.Number("mean_difference"), r.Number("mean_modulated_difference"), r.Integer("voxels_outside_follow_up"));

    public static List<DeltaVoxelRecord> ReadCsv(string path) => RecordTable.Read(path, From);

    public static void WriteCsv(string path, IEnumerable<DeltaVoxelRecord> records) => RecordTable.Write(path, Columns, records);
}
