using Radiomics.Tables;

namespace Radiomics.Habitats.Model;

/// <summary>
/// One IBSI feature value of one habitat of one scan (and channel): a <see cref="FeatureRow"/> whose region is the
/// tumour, computed inside habitat <see cref="Habitat"/> only.
/// </summary>
/// <param name="Habitat">The habitat label (1…k).</param>
/// <param name="Feature">The feature value with its subject, time point, region, channel and IBSI names.</param>
public sealed record HabitatFeatureRow(int Habitat, FeatureRow Feature);
