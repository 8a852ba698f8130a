using Radiomics.Features.Texture;
using Radiomics.Numerics;

namespace Radiomics.Features;

/// <summary>Entry point of the six texture families over a discretised ROI.</summary>
public static class TextureFeatures
{
    private static readonly Func<DiscretisedVolume, TextureSettings, IReadOnlyList<FeatureValue>>[] Families =
        [Glcm.Compute, Glrlm.Compute, Glszm.Compute, Gldzm.Compute, Ngtdm.Compute, Ngldm.Compute];

    /// <summary>All texture features (GLCM, GLRLM, GLSZM, GLDZM, NGTDM, NGLDM) for every requested aggregation.</summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedVolume roi, TextureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(roi);
        ArgumentNullException.ThrowIfNull(settings);

        // Families are independent; running them side by side keeps both cores busy on large ROIs.
        var results = new IReadOnlyList<FeatureValue>[Families.Length];
        ParallelRows.For(0, Families.Length, Parallelism.AllCores, i => results[i] = Families[i](roi, settings));
        return [.. results.SelectMany(r => r)];
    }
}
