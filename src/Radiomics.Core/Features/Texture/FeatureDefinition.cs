namespace Radiomics.Features.Texture;

/// <summary>A texture feature's IBSI name and code, in the order its family computes it.</summary>
public readonly record struct FeatureDefinition(string Name, string Code);
