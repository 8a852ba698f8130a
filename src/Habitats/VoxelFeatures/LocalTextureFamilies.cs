using Radiomics.Features;
using Radiomics.Features.Texture;
using Radiomics.Processing;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// The local (voxel-wise) feature families by name, as settings files and the command line name them: "firstorder",
/// "glcm", "glrlm", "glszm", "ngldm" (or PyRadiomics' "gldm"), "ngtdm"; each over a box of the settings' radius (a
/// cube, or the in-plane square for 2D aggregations), with the settings' aggregation and distance.
/// </summary>
public static class LocalTextureFamilies
{
    /// <summary>The family names <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["firstorder", "glcm", "glrlm", "glszm", "ngldm", "ngtdm"];

    /// <summary>
    /// The voxel feature of a family. <see cref="LocalTextureSettings.Features"/> lists IBSI codes (for "firstorder":
    /// statistic short names such as "mean", "sd", <see cref="LocalStatisticNames"/>); null maps every feature. For
    /// "firstorder" a fixed-bin-number discretisation sets the entropy/uniformity bins and a fixed bin size their width.
    /// </summary>
    /// <exception cref="InvalidInputException">
    /// The family name or a first-order statistic is unknown, or "firstorder" is asked for with a 2D or 2.5D aggregation
    /// (its kernel is a 3D box; it has no matrix to aggregate).
    /// </exception>
    public static IVoxelFeature Create(string family, LocalTextureSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(family);
        var s = settings ?? new LocalTextureSettings();
        if (family.Equals("firstorder", StringComparison.OrdinalIgnoreCase) && s.InPlane)
        {
            throw new InvalidInputException($"Local firstorder statistics have no '{s.Aggregation.ToIbsiString()}' variant: their kernel is a 3D box; use a 3D aggregation for them.");
        }

        return family.ToLowerInvariant() switch
        {
            "firstorder" => FirstOrder(s),
            "glcm" => new LocalGlcmFeatures(new LocalGlcmSettings
            {
                Radius = s.Radius, MaskedKernel = s.MaskedKernel, Discretisation = s.Discretisation, Distance = s.Distance, Aggregation = s.Aggregation, ChannelPrefix = s.ChannelPrefix,
                Features = s.Features ?? [.. GlcmFeatures.Definitions.Select(d => d.Code)],
            }),
            "glrlm" => new LocalGlrlmFeatures(s),
            "glszm" => new LocalGlszmFeatures(s),
            "ngldm" or "gldm" => new LocalNgldmFeatures(s),
            "ngtdm" => new LocalNgtdmFeatures(s),
            _ => throw new InvalidInputException($"Unknown local feature family '{family}'; use one of {string.Join(", ", Names)}."),
        };
    }

    private static LocalFirstOrderFeatures FirstOrder(LocalTextureSettings s) => new(new LocalFirstOrderSettings
    {
        Kernel = StructuringElement.Box(s.Radius, RadiusUnit.Voxels),
        MaskedKernel = s.MaskedKernel,
        Statistics = s.Features is null ? Enum.GetValues<LocalStatistic>() : LocalStatisticNames.ParseList(string.Join(',', s.Features), "firstorder features"),
        BinCount = s.Discretisation.Method == DiscretisationMethod.FixedBinNumber ? s.Discretisation.BinNumber : new LocalFirstOrderSettings().BinCount,
        BinWidth = s.Discretisation.Method == DiscretisationMethod.FixedBinSize ? s.Discretisation.BinWidth : null,
        ChannelPrefix = s.ChannelPrefix,
    });
}
