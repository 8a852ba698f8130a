using Radiomics.Features;

namespace Radiomics.Habitats.Habitats;

/// <summary>One feature value of one habitat.</summary>
public sealed record HabitatFeatureValue(int Habitat, FeatureValue Value);
