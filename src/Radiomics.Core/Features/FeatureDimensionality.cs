namespace Radiomics.Features;

/// <summary>"Slice-wise or single volume" in the IBSI configuration tables.</summary>
public enum FeatureDimensionality
{
    /// <summary>Single volume (3D): interpolation in three dimensions; texture aggregated in 3D (or 2D/2.5D if asked).</summary>
    ThreeD,

    /// <summary>Slice-wise (2D): interpolation in-plane only; texture computed per slice (2D and 2.5D aggregation).</summary>
    TwoD,
}
