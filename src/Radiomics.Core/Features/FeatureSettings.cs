using Radiomics.Processing;

namespace Radiomics.Features;

/// <summary>
/// Everything that decides the feature values of an extraction — what PyRadiomics calls the params file — as one
/// immutable record with documented defaults. <see cref="FeatureSettingsYaml"/> reads and writes it as YAML;
/// <see cref="FeaturePresets"/> holds the IBSI configurations. The processing order follows IBSI 1 chapter 2:
/// (input rounding) → interpolation → re-segmentation → discretisation → features.
/// </summary>
public sealed record FeatureSettings
{
    /// <summary>Slice-wise (2D) or single volume (3D), as in the IBSI configuration tables. Default 3D.</summary>
    public FeatureDimensionality Dimensionality { get; init; } = FeatureDimensionality.ThreeD;

    /// <summary>
    /// Round input intensities to the nearest integer before processing. The IBSI reference data sets ask for it when
    /// the CT phantom is read from NIfTI (stored as floating point). Default false.
    /// </summary>
    public bool RoundInputIntensities { get; init; }

    /// <summary>
    /// Intensity normalisation of the whole image before any other step (z-score, percentile scaling or a fitted Nyúl
    /// standardisation; see <see cref="Processing.Normalisation.NormalisationSettings"/>); null (default) keeps the
    /// intensities, as calibrated CT and PET need. MR has no absolute scale and needs one.
    /// </summary>
    public Processing.Normalisation.NormalisationSettings? Normalisation { get; init; }

    /// <summary>
    /// N4 bias-field correction of the whole image before normalisation (MR only; estimated on the voxels with a
    /// positive intensity); null (default) skips it.
    /// </summary>
    public Processing.BiasField.N4Settings? BiasFieldCorrection { get; init; }

    /// <summary>Interpolation to a new spacing; null (default) keeps the image grid.</summary>
    public ResamplingSettings? Resampling { get; init; }

    /// <summary>Re-segmentation of the intensity mask. Default: none.</summary>
    public ResegmentationSettings Resegmentation { get; init; } = new();

    /// <summary>Discretisation for texture and intensity histogram features. Default: fixed bin number, 32 bins.</summary>
    public DiscretisationSettings Discretisation { get; init; } = new();

    /// <summary>
    /// Discretisation for the intensity-volume histogram, which the manual keeps separate: none for discrete
    /// calibrated intensities (CT), fixed bin size for continuous calibrated ones (PET), fixed bin number for arbitrary
    /// units. Default: fixed bin number with 1000 bins, which suits any modality.
    /// </summary>
    public DiscretisationSettings IntensityVolumeHistogram { get; init; } = DiscretisationSettings.FixedBinNumber(1000);

    /// <summary>Texture settings (aggregation methods, distance, NGLDM coarseness).</summary>
    public TextureSettings Texture { get; init; } = new();

    /// <summary>Families to compute. Default: all.</summary>
    public FeatureFamilies Families { get; init; } = FeatureFamilies.All;

    /// <summary>
    /// Images the features are computed on (PyRadiomics "image types"): the original and/or IBSI 2 filter responses
    /// (<see cref="Filters.ImageType"/>), each tagged in the table's <c>image_type</c> column. Filters act on the whole
    /// interpolated image; masks and re-segmentation come from the original intensities. Default: the original only.
    /// </summary>
    public IReadOnlyList<Filters.ImageType> ImageTypes { get; init; } = [Filters.ImageType.OriginalImage];

    /// <summary>
    /// Which definitions the features follow: <see cref="FeatureDefinitions.Ibsi"/> (default) or PyRadiomics' (the
    /// <c>pyradiomics</c> flavour, whose own settings are in <see cref="PyRadiomics"/>).
    /// </summary>
    public FeatureDefinitions Definitions { get; init; } = FeatureDefinitions.Ibsi;

    /// <summary>
    /// The PyRadiomics params file's settings, used when <see cref="Definitions"/> is
    /// <see cref="FeatureDefinitions.PyRadiomics"/> (null there means PyRadiomics' defaults). Written as a PyRadiomics params file,
    /// not in the toolkit's YAML.
    /// </summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public PyRadiomics.PyRadiomicsSettings? PyRadiomics { get; init; }

    /// <summary>
    /// The voxel features of habitat clustering (the <c>habitats:</c> section, read by <c>radiomics habitats --params</c>
    /// and <c>radiomics study --params</c>); null when the file has none (whole-region extraction ignores it).
    /// </summary>
    public VoxelFeatureSettings? Habitats { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work or that contradicts another.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Resegmentation, nameof(Resegmentation));
        ArgumentNullException.ThrowIfNull(Discretisation, nameof(Discretisation));
        ArgumentNullException.ThrowIfNull(IntensityVolumeHistogram, nameof(IntensityVolumeHistogram));
        ArgumentNullException.ThrowIfNull(Texture, nameof(Texture));
        if (!Enum.IsDefined(Dimensionality))
        {
            throw new ArgumentException($"Unknown dimensionality {Dimensionality}.", nameof(Dimensionality));
        }

        if (ImageTypes is null || ImageTypes.Count == 0)
        {
            throw new ArgumentException("List at least one image type (e.g. original).", nameof(ImageTypes));
        }

        foreach (var type in ImageTypes)
        {
            ArgumentNullException.ThrowIfNull(type, nameof(ImageTypes));
            type.Settings().Validate();
        }

        if (ImageTypes.Select(t => t.ImageTypeName()).Distinct(StringComparer.Ordinal).Count() != ImageTypes.Count)
        {
            throw new ArgumentException("An image type is listed twice.", nameof(ImageTypes));
        }

        Normalisation?.Validate();
        BiasFieldCorrection?.Validate();
        if (Habitats?.Problem() is { } habitats)
        {
            throw new ArgumentException($"habitats: {habitats}", nameof(Habitats));
        }
        if (Normalisation is { IsNone: false } n)
        {
            if (RoundInputIntensities)
            {
                throw new ArgumentException("Rounding input intensities would destroy normalised intensities: turn off round_input_intensities or the normalisation.", nameof(RoundInputIntensities));
            }

            if (n.Region == Processing.Normalisation.NormalisationRegion.Reference)
            {
                throw new ArgumentException("Feature extraction has no reference-region mask: normalise over the foreground, the ROI or the image.", nameof(Normalisation));
            }
        }

        Resampling?.Validate();
        Resegmentation.Validate();
        Discretisation.Validate();
        IntensityVolumeHistogram.Validate("intensity-volume histogram discretisation");
        if (Texture.Distance < 1)
        {
            throw new ArgumentException($"The texture distance must be at least 1; got {Texture.Distance}.", nameof(Texture));
        }

        if (Texture.NgldmCoarseness < 0)
        {
            throw new ArgumentException($"The NGLDM coarseness must not be negative; got {Texture.NgldmCoarseness}.", nameof(Texture));
        }

        if (Texture.Aggregations is null || Texture.Aggregations.Count == 0)
        {
            throw new ArgumentException("Texture settings need at least one aggregation method.", nameof(Texture));
        }

        if (Dimensionality == FeatureDimensionality.TwoD)
        {
            if (Resampling is { InPlaneOnly: false })
            {
                throw new ArgumentException("A slice-wise (2D) configuration interpolates in-plane only: set resampling.in_plane_only to true.", nameof(Resampling));
            }

            foreach (var a in Texture.Aggregations)
            {
                if (!a.Is2D() && !a.Is25D())
                {
                    throw new ArgumentException($"A slice-wise (2D) configuration cannot aggregate texture as '{a.ToIbsiString()}'; use 2D or 2.5D methods.", nameof(Texture));
                }
            }
        }
        else if (Resampling is { InPlaneOnly: true })
        {
            throw new ArgumentException("In-plane-only resampling belongs to a slice-wise configuration: set dimensionality to 2D.", nameof(Resampling));
        }
    }
}
