using Radiomics.Imaging;
using Radiomics.Tables;

namespace Radiomics.Longitudinal.Workflows;

/// <summary>A label map carried onto the fixed grid by <see cref="RegistrationWorkflow.Propagate"/>.</summary>
/// <param name="Mask">The label map on the moving image, as read.</param>
/// <param name="Propagated">The label map on the reference (fixed) grid.</param>
/// <param name="Output">The file written.</param>
public sealed record PropagationResult(LabelMap Mask, LabelMap Propagated, string Output)
{
    /// <summary>One row per label: its volume (mL) before and after propagation.</summary>
    public ResultTable VolumesTable() => new(
        ["label", "volume_ml", "propagated_volume_ml"],
        Mask.Labels().Union(Propagated.Labels()).Order().Select(l => (IReadOnlyList<object?>)[(int)l, VolumeMl(Mask, l), VolumeMl(Propagated, l)]));

    private static double VolumeMl(LabelMap map, byte label) => map.Count(label) * map.Geometry.VoxelVolume / 1000;
}
