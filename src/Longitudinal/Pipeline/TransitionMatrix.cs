using Radiomics.Habitats.Model;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>
/// One subject's habitat transitions from baseline to a follow-up as a matrix with its voxel volume (what
/// <c>transitions.csv</c> holds as flattened rows), ready for <c>HabitatSankey</c> or a heatmap.
/// </summary>
/// <param name="Subject">The subject.</param>
/// <param name="FromTimePoint">The baseline time point.</param>
/// <param name="ToTimePoint">The follow-up time point.</param>
/// <param name="Transitions">The (k + 1) × (k + 1) counts, index 0 = outside the tumour.</param>
public sealed record TransitionMatrix(string Subject, string FromTimePoint, string ToTimePoint, HabitatTransitions Transitions)
{
    /// <summary>
    /// Rebuilds the matrices from transition rows (a study result's, or <see cref="TransitionRecord.ReadCsv"/>'s), one
    /// per subject and pair of time points in the order the rows first name them. The voxel volume is recovered from
    /// the rows' volumes (1 mm³ when every count is zero).
    /// </summary>
    public static IReadOnlyList<TransitionMatrix> From(IEnumerable<TransitionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var matrices = new List<TransitionMatrix>();
        foreach (var pair in records.GroupBy(r => (r.Subject, r.FromTimePoint, r.ToTimePoint)))
        {
            int k = pair.Max(r => Math.Max(r.FromHabitat, r.ToHabitat));
            if (k < 1)
            {
                throw new StudyException($"{pair.Key.Subject} {pair.Key.FromTimePoint} → {pair.Key.ToTimePoint}: the transition rows name no habitat.");
            }

            var counts = new long[k + 1, k + 1];
            double voxelVolume = 1;
            foreach (var r in pair)
            {
                counts[r.FromHabitat, r.ToHabitat] = r.Voxels;
                if (r.Voxels > 0)
                {
                    voxelVolume = r.VolumeMm3 / r.Voxels;
                }
            }

            matrices.Add(new TransitionMatrix(pair.Key.Subject, pair.Key.FromTimePoint, pair.Key.ToTimePoint, HabitatTransitions.FromCounts(counts, voxelVolume)));
        }

        return matrices;
    }
}
