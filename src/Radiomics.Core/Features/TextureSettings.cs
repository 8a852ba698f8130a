namespace Radiomics.Features;

/// <summary>Settings of the texture families (GLCM, GLRLM, GLSZM, GLDZM, NGTDM, NGLDM).</summary>
/// <remarks>Owned by the texture implementation; the extractor's <c>FeatureSettings</c> holds one of these.</remarks>
public sealed record TextureSettings
{
    /// <summary>Aggregation methods to compute; each gives its own set of values.</summary>
    public IReadOnlyList<TextureAggregation> Aggregations { get; init; } = [TextureAggregation.Averaged3D, TextureAggregation.Merged3D];

    /// <summary>Chebyshev distance δ of GLCM neighbours and of the NGTDM/NGLDM neighbourhood (IBSI default 1).</summary>
    public int Distance { get; init; } = 1;

    /// <summary>NGLDM coarseness parameter α (IBSI default 0).</summary>
    public int NgldmCoarseness { get; init; }
}
