using Radiomics.Features;

namespace Radiomics.Habitats.Model;

/// <summary>One feature value of one habitat.</summary>
public sealed record HabitatFeatureValue(int Habitat, FeatureValue Value);
