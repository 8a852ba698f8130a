using Radiomics.Imaging;

namespace Radiomics.Longitudinal.DeltaMaps;

/// <summary>
/// One channel's voxel-wise change inside the baseline region, on the region's cropped baseline grid. Voxels outside
/// the region, and region voxels that the registration maps outside the follow-up's field of view, are NaN in
/// <see cref="FollowUp"/>, <see cref="Difference"/> and <see cref="Modulated"/>.
/// </summary>
/// <param name="Id">The channel ID ("" for a single-channel visit).</param>
/// <param name="Baseline">The baseline values.</param>
/// <param name="FollowUp">The follow-up values at the places the baseline tissue moved to (the follow-up pulled into the baseline frame).</param>
/// <param name="Difference">
/// <c>I₁(ψ(x)) − I₀(x)</c>: the change of a concentration-like value (HU, ADC, a normalised MR intensity) in the same tissue.
/// </param>
/// <param name="Modulated">
/// <c>I₁(ψ(x))·det Dψ(x) − I₀(x)</c>: the change of an amount-like value (PET uptake, total signal), each voxel's follow-up
/// value weighted by the volume its tissue occupies at the follow-up, as voxel-based morphometry modulates.
/// </param>
public sealed record DeltaChannelMap(string Id, Image<float> Baseline, Image<float> FollowUp, Image<float> Difference, Image<float> Modulated);
