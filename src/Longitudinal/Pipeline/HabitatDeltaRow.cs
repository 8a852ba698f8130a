using Radiomics.Longitudinal.Delta;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>One change of one per-habitat feature between the baseline and a follow-up (a row of <c>habitat_deltas.csv</c>).</summary>
/// <param name="Habitat">The habitat label (1…k): the same phenotype at both time points, since one cohort model labels every scan.</param>
/// <param name="Delta">The change, as in <c>deltas.csv</c>.</param>
public sealed record HabitatDeltaRow(int Habitat, DeltaRow Delta);
