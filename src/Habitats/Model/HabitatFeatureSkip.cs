using Radiomics.Tables;

namespace Radiomics.Habitats.Model;

/// <summary>
/// A habitat (or one feature family of it) left out of the per-habitat features, and why: an empty habitat, or too few
/// voxels for a family (e.g. a one-voxel habitat that interpolation empties). Reported in
/// <c>habitat_features_skipped.csv</c> instead of failing the scan.
/// </summary>
/// <param name="Subject">Subject (or scan name for <c>radiomics habitats</c>).</param>
/// <param name="TimePoint">Time point ("" for <c>radiomics habitats</c>).</param>
/// <param name="Channel">Channel of a multi-parametric scan ("" for a single image).</param>
/// <param name="Habitat">The habitat label (1…k).</param>
/// <param name="Voxels">The habitat's voxels in the scan.</param>
/// <param name="Family">The family key left out, or "all" when the whole habitat is.</param>
/// <param name="Reason">Why, in plain words.</param>
public sealed record HabitatFeatureSkip(string Subject, string TimePoint, string Channel, int Habitat, long Voxels, string Family, string Reason)
{
    /// <summary>The CSV layout of <c>habitat_features_skipped.csv</c>.</summary>
    public static readonly IReadOnlyList<TableColumn<HabitatFeatureSkip>> Columns =
    [
        new("subject", s => s.Subject), new("timepoint", s => s.TimePoint), new("channel", s => s.Channel), new("habitat", s => s.Habitat),
        new("voxels", s => s.Voxels), new("family", s => s.Family), new("reason", s => s.Reason),
    ];

    /// <summary>Writes the skips atomically (a header only when there are none).</summary>
    public static void WriteCsv(string path, IEnumerable<HabitatFeatureSkip> skips) => RecordTable.Write(path, Columns, skips);

    /// <summary>Reads a table written by <see cref="WriteCsv"/>.</summary>
    public static IReadOnlyList<HabitatFeatureSkip> ReadCsv(string path) => RecordTable.Read(path, r => new HabitatFeatureSkip(
        r.Text("subject", ""), r.Text("timepoint", ""), r.Text("channel", ""), (int)r.Integer("habitat"), r.Integer("voxels"), r.Text("family", ""), r.Text("reason", "")));
}
