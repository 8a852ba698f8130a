using Radiomics.Processing;

namespace Radiomics.Features;

/// <summary>
/// The voxel features that describe each tumour voxel for habitat clustering: the <c>habitats:</c> section of the
/// YAML settings. The intensity, local first-order statistics over a kernel, local texture families over a box of
/// <see cref="TextureRadius"/> voxels, and filter responses; <see cref="Channels"/> overrides all of it for a named
/// channel of multi-parametric scans. The defaults are the study's features: intensity and local mean over a 3×3×3 box.
/// The habitat library maps this record onto its voxel features (<c>Radiomics.Habitats.Model.HabitatVoxelFeatures</c>);
/// channel names are the families' own (IBSI names and codes).
/// </summary>
public sealed record VoxelFeatureSettings
{
    /// <summary>The voxel's intensity as a channel (default true).</summary>
    public bool Intensity { get; init; } = true;

    /// <summary>Local first-order statistics, by short name (<see cref="StatisticNames"/>; default mean).</summary>
    public IReadOnlyList<string> LocalStatistics { get; init; } = ["mean"];

    /// <summary>Kernel shape of the local statistics (default box).</summary>
    public StructuringElementShape Kernel { get; init; } = StructuringElementShape.Box;

    /// <summary>Kernel radius of the local statistics, in <see cref="RadiusUnit"/> (default 1 voxel).</summary>
    public double Radius { get; init; } = 1;

    /// <summary>Unit of <see cref="Radius"/> (default voxels).</summary>
    public RadiusUnit RadiusUnit { get; init; } = RadiusUnit.Voxels;

    /// <summary>Local texture families, each over a box of <see cref="TextureRadius"/> voxels with all its features (<see cref="TextureFamilies"/>; default none).</summary>
    public IReadOnlyList<string> Texture { get; init; } = [];

    /// <summary>Half-width in voxels of the local texture box (default 1: 3×3×3).</summary>
    public int TextureRadius { get; init; } = 1;

    /// <summary>
    /// IBSI aggregation of the local texture matrices (default "3D, merged"): "2D" kernels are the in-plane square of
    /// the voxel's slice (PyRadiomics' <c>force2D</c>), "2.5D" cubes with in-plane matrices merged over slices,
    /// "averaged" aggregations average GLCM/GLRLM features over directions; GLSZM, NGTDM and NGLDM take the scope.
    /// </summary>
    public TextureAggregation TextureAggregation { get; init; } = TextureAggregation.Merged3D;

    /// <summary>
    /// Chebyshev distance δ of the local texture neighbours (GLCM pairs, GLRLM run steps, NGTDM/NGLDM neighbourhoods;
    /// default 1). GLSZM zones link adjacent voxels whatever δ, as IBSI and PyRadiomics.
    /// </summary>
    public int TextureDistance { get; init; } = 1;

    /// <summary>Filter responses (image types, as in the feature settings), one channel each (default none).</summary>
    public IReadOnlyList<Filters.ImageType> ImageTypes { get; init; } = [];

    /// <summary>Per channel of multi-parametric scans (by channel name): its own voxel features instead of these; null: the same for every channel.</summary>
    public IReadOnlyDictionary<string, VoxelFeatureSettings>? Channels { get; init; }

    /// <summary>The largest <see cref="TextureRadius"/> accepted (an 11×11×11 box).</summary>
    public const int MaxTextureRadius = 5;

    /// <summary>The local texture family names <see cref="Texture"/> accepts.</summary>
    public static IReadOnlyList<string> TextureFamilies { get; } = ["firstorder", "glcm", "glrlm", "glszm", "ngldm", "ngtdm"];

    /// <summary>The local statistic names <see cref="LocalStatistics"/> accepts (the short names of the habitat library's <c>LocalStatisticNames</c>).</summary>
    public static IReadOnlyList<string> StatisticNames { get; } =
        ["mean", "variance", "sd", "skewness", "kurtosis", "minimum", "p10", "median", "p90", "maximum", "iqr", "range", "energy", "rms", "entropy", "uniformity"];

    /// <summary>The features of a channel: its own entry in <see cref="Channels"/>, or these.</summary>
    public VoxelFeatureSettings For(string channel) =>
        Channels is not null && Channels.TryGetValue(channel, out var own) ? own : this with { Channels = null };

    /// <summary>The combinations of texture families, aggregation and distance that cannot work, in plain words.</summary>
    private string? TextureProblem()
    {
        var families = Texture.Select(f => f.ToLowerInvariant()).ToList();
        string aggregation = Enum.IsDefined(TextureAggregation) ? TextureAggregation.ToIbsiString() : TextureAggregation.ToString();
        if (!Enum.IsDefined(TextureAggregation))
        {
            return $"texture_aggregation {aggregation} is not an IBSI texture aggregation.";
        }

        if (TextureAggregation != TextureAggregation.Merged3D && !families.Any(f => f != "firstorder"))
        {
            return $"texture_aggregation '{aggregation}' needs a texture family with a matrix (glcm, glrlm, glszm, ngldm, ngtdm) in texture.";
        }

        if ((TextureAggregation.Is2D() || TextureAggregation.Is25D()) && families.Contains("firstorder"))
        {
            return $"texture_aggregation '{aggregation}': firstorder has no 2D or 2.5D variant (its kernel is a 3D box); list its statistics under local_statistics instead.";
        }

        if (TextureDistance < 1 || TextureDistance > 2 * TextureRadius)
        {
            return $"texture_distance {TextureDistance}: give 1..{2 * TextureRadius} voxels (twice texture_radius {TextureRadius}; farther neighbours never share a box).";
        }

        if (TextureDistance != 1 && families.Count > 0 && families.All(f => f is "glszm" or "firstorder"))
        {
            return $"texture_distance {TextureDistance} changes nothing for {string.Join(" and ", families)}: GLSZM zones link adjacent voxels (as IBSI and PyRadiomics); remove texture_distance.";
        }

        return null;
    }

    /// <summary>The first problem of these settings in plain words, or null when they can work.</summary>
    public string? Problem()
    {
        if (LocalStatistics.FirstOrDefault(s => !StatisticNames.Contains(s, StringComparer.OrdinalIgnoreCase)) is { } statistic)
        {
            return $"unknown local statistic '{statistic}'; choose from {string.Join(", ", StatisticNames)}.";
        }

        if (Texture.FirstOrDefault(f => !TextureFamilies.Contains(f, StringComparer.OrdinalIgnoreCase)) is { } family)
        {
            return $"unknown local texture family '{family}'; choose from {string.Join(", ", TextureFamilies)}.";
        }

        if (!double.IsFinite(Radius) || Radius <= 0 || Radius > 1000)
        {
            return $"radius {Radius}: the kernel radius of the local statistics must be positive (at most 1000).";
        }

        if (TextureRadius < 1 || TextureRadius > MaxTextureRadius)
        {
            return $"texture_radius {TextureRadius}: give 1..{MaxTextureRadius} voxels.";
        }

        if (TextureProblem() is { } texture)
        {
            return texture;
        }

        if (!Intensity && LocalStatistics.Count == 0 && Texture.Count == 0 && ImageTypes.Count == 0)
        {
            return "no voxel feature: give the intensity, a local statistic, a texture family or an image type.";
        }

        return Channels?.Select(c => c.Value.Problem() is { } p ? $"channel '{c.Key}': {p}" : null).FirstOrDefault(p => p is not null);
    }
}
