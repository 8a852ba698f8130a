using Radiomics.Imaging;

namespace Radiomics.Longitudinal.DeltaMaps;

/// <summary>One channel of a baseline visit and of a follow-up visit, each on its visit's reference grid.</summary>
/// <param name="Id">The channel ID ("" for a single-channel visit).</param>
/// <param name="Baseline">The channel at baseline, on the grid of the baseline region.</param>
/// <param name="FollowUp">The channel at the follow-up, on the follow-up's reference grid.</param>
public sealed record DeltaChannel(string Id, Image<float> Baseline, Image<float> FollowUp);
