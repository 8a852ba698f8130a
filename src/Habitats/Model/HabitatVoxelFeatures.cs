using Radiomics.Features;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Imaging;
using Radiomics.Processing;
using Radiomics.Processing.BiasField;
using Radiomics.Processing.Normalisation;

namespace Radiomics.Habitats.Model;

/// <summary>
/// A scan's habitat voxel features: the settings' <see cref="VoxelFeatureSettings"/> as voxel features, and a scan's
/// (or each channel's) feature map after the optional N4 bias-field correction and the intensity normalisation.
/// <c>radiomics habitats</c> and the study's habitat stage both map scans here.
/// </summary>
public static class HabitatVoxelFeatures
{
    /// <summary>The voxel features the settings name: intensity, local statistics, texture families, filter responses.</summary>
    /// <param name="settings">The features (one channel's: see <see cref="VoxelFeatureSettings.For"/>).</param>
    /// <param name="source">The settings file or option, named in errors.</param>
    /// <exception cref="SettingsException">An unknown statistic, or a texture family without a voxel-wise implementation.</exception>
    public static IReadOnlyList<IVoxelFeature> Create(VoxelFeatureSettings settings, string source = "habitats")
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Problem() is { } problem)
        {
            throw new SettingsException(source, null, $"habitats: {problem}");
        }

        var features = new List<IVoxelFeature>();
        if (settings.Intensity)
        {
            features.Add(new IntensityFeature());
        }

        if (settings.LocalStatistics.Count > 0)
        {
            features.Add(new LocalFirstOrderFeatures(new LocalFirstOrderSettings
            {
                Kernel = new StructuringElement(settings.Kernel, settings.Radius, settings.RadiusUnit),
                Statistics = LocalStatisticNames.ParseList(string.Join(',', settings.LocalStatistics), source),
            }));
        }

        features.AddRange(settings.Texture.Select(family => Texture(family, settings.TextureRadius, source, settings.TextureAggregation, settings.TextureDistance)));
        features.AddRange(settings.ImageTypes.Select(type => new FilteredImageFeature(type)));
        return features;
    }

    /// <summary>
    /// A local texture family over a box of <paramref name="radius"/> voxels, with all its features (GLCM: its default
    /// five), the IBSI <paramref name="aggregation"/> and neighbour <paramref name="distance"/>.
    /// </summary>
    /// <exception cref="SettingsException">The family is unknown.</exception>
    public static IVoxelFeature Texture(
        string family, int radius, string source = "habitats", TextureAggregation aggregation = TextureAggregation.Merged3D, int distance = 1) => family.ToLowerInvariant() switch
    {
        "firstorder" => new LocalFirstOrderFeatures(new LocalFirstOrderSettings { Kernel = StructuringElement.Box(radius, RadiusUnit.Voxels) }),
        "glcm" => new LocalGlcmFeatures(new LocalGlcmSettings { Radius = radius, Aggregation = aggregation, Distance = distance }),
        "glrlm" => new LocalGlrlmFeatures(new LocalTextureSettings { Radius = radius, Aggregation = aggregation, Distance = distance }),
        "glszm" => new LocalGlszmFeatures(new LocalTextureSettings { Radius = radius, Aggregation = aggregation, Distance = distance }),
        "ngldm" => new LocalNgldmFeatures(new LocalTextureSettings { Radius = radius, Aggregation = aggregation, Distance = distance }),
        "ngtdm" => new LocalNgtdmFeatures(new LocalTextureSettings { Radius = radius, Aggregation = aggregation, Distance = distance }),
        _ => throw new SettingsException(source, null, $"habitats texture: the local texture family '{family}' is unknown; choose from firstorder, glcm, glrlm, glszm, ngldm, ngtdm."),
    };

    /// <summary>
    /// One image's voxel feature map over the mask: N4 bias-field correction when the settings ask for it, then the
    /// normalisation (over the mask when its region is the ROI), then the features, on the region's bounding box.
    /// </summary>
    /// <param name="image">The scan (one channel).</param>
    /// <param name="mask">The tumour on the image's grid.</param>
    /// <param name="features">The voxel features.</param>
    /// <param name="normalisation">The (fitted) normalisation; null keeps the intensities.</param>
    /// <param name="biasField">N4 settings; null skips the correction.</param>
    /// <param name="scan">How errors name the scan.</param>
    /// <param name="label">Mask label of the tumour; every non-zero voxel when null.</param>
    /// <exception cref="EmptyRoiException">The mask holds no tumour voxel (the message names the scan).</exception>
    public static VoxelFeatureMap Map(
        Image<float> image, LabelMap mask, IReadOnlyList<IVoxelFeature> features, NormalisationSettings? normalisation, N4Settings? biasField, string scan, byte? label = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(mask);
        image.Geometry.EnsureMatches(mask.Geometry, $"{scan}: the image and its mask");
        if (mask.BoundingBox() is null)
        {
            throw new EmptyRoiException($"{scan}: the tumour mask is empty, so there are no voxels for habitats.");
        }

        try
        {
            if (biasField is not null)
            {
                image = N4BiasFieldCorrection.Apply(image, settings: biasField, scan: scan).Corrected;
            }

            if (normalisation is { IsNone: false } n)
            {
                image = IntensityNormalisation.Apply(image, n, mask, scan: scan);
            }

            return VoxelFeatureMaps.Compute(image, mask, features, label);
        }
        catch (EmptyRoiException e)
        {
            throw new EmptyRoiException($"{scan}: {e.Message}", e);
        }
    }

    /// <summary>
    /// The feature map of a scan's channels on one grid: each channel corrected, normalised and mapped with its own
    /// features and normalisation (<see cref="HabitatSettings.NormalisationFor"/>), names prefixed by the channel's
    /// name ("T2.intensity"); a single unnamed channel's map as <see cref="Map(Image{float}, LabelMap, IReadOnlyList{IVoxelFeature}, NormalisationSettings?, N4Settings?, string, byte?)"/>.
    /// </summary>
    /// <param name="channels">The channels by name, on the mask's grid (one channel named "" for a single image).</param>
    /// <param name="mask">The tumour.</param>
    /// <param name="settings">Voxel features (<see cref="HabitatSettings.VoxelFeatures"/>; the defaults when null), normalisation and N4.</param>
    /// <param name="scan">How errors name the scan.</param>
    /// <param name="label">Mask label of the tumour; every non-zero voxel when null.</param>
    /// <param name="features">Voxel features replacing the settings' (e.g. PyRadiomics' voxel-based features).</param>
    public static VoxelFeatureMap Map(
        IReadOnlyList<(string Name, Image<float> Image)> channels, LabelMap mask, HabitatSettings settings, string scan, byte? label = null, IReadOnlyList<IVoxelFeature>? features = null)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(settings);
        var described = settings.VoxelFeatures ?? new VoxelFeatureSettings();
        if (channels.Count == 1 && channels[0].Name.Length == 0)
        {
            return Map(channels[0].Image, mask, features ?? Create(described), settings.NormalisationFor(""), settings.BiasFieldCorrection, scan, label);
        }

        var maps = channels.Select(c => Map(
            c.Image, mask, features ?? Create(described.For(c.Name)), settings.NormalisationFor(c.Name), settings.BiasFieldCorrection, $"{scan}, channel '{c.Name}'", label)).ToList();
        if (maps.Any(m => !m.Geometry.Matches(maps[0].Geometry)))
        {
            // Channels with features of different kernel margins are cropped to different boxes: stack them on the scan grid.
            maps = [.. maps.Select(m => m.OnScanGrid())];
        }

        return ChannelStack.Stack([.. channels.Select(c => c.Name)], maps);
    }

    /// <summary>The channel names a map of these settings has (channels prefixed as <see cref="Map(IReadOnlyList{ValueTuple{string, Image{float}}}, LabelMap, HabitatSettings, string, byte?, IReadOnlyList{IVoxelFeature}?)"/> names them).</summary>
    public static IReadOnlyList<string> ChannelNames(IReadOnlyList<string> channels, VoxelFeatureSettings? settings, IReadOnlyList<IVoxelFeature>? features = null)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var described = settings ?? new VoxelFeatureSettings();
        IEnumerable<string> Names(string channel) => (features ?? Create(described.For(channel))).SelectMany(f => f.ChannelNames);
        return channels.Count == 0 || (channels.Count == 1 && channels[0].Length == 0)
            ? [.. Names("")]
            : [.. channels.SelectMany(c => Names(c).Select(n => $"{c}.{n}"))];
    }
}
