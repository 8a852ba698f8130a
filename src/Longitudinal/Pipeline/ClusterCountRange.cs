using Radiomics.Habitats.Clustering;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>
/// The number of habitats chosen on the cohort's baselines (<c>study -k 2..6 --criterion X</c>): every k of the range
/// scored on the pooled, standardised baseline voxels (two-stage: supervoxel means) that the model is then fitted on.
/// </summary>
/// <param name="MinClusters">Smallest k (at least 2).</param>
/// <param name="MaxClusters">Largest k (at most <see cref="Habitats.Model.HabitatModel.MaxHabitats"/>).</param>
/// <param name="Criterion">How k is chosen (stability and gap are computed, with their default settings, only when they are the criterion).</param>
public sealed record ClusterCountRange(int MinClusters, int MaxClusters, ClusterCountCriterion Criterion = ClusterCountCriterion.Silhouette)
{
    /// <summary>A <see cref="StudyException"/> when the range is not 2 ≤ min &lt; max ≤ 255.</summary>
    public void Validate()
    {
        if (MinClusters < 2 || MaxClusters <= MinClusters || MaxClusters > Habitats.Model.HabitatModel.MaxHabitats)
        {
            throw new StudyException(
                $"k {MinClusters}..{MaxClusters} is not a range of habitat counts to choose from; give 2 ≤ min < max ≤ {Habitats.Model.HabitatModel.MaxHabitats}.");
        }
    }
}
