using Radiomics.Imaging;
using Radiomics.Processing;
using Radiomics.Processing.Normalisation;

namespace Radiomics.Features;

/// <summary>
/// Settings of the IBSI 1 reference data sets ("Reference data sets" chapter, <c>docs/05_Reference_data_sets.rst</c>):
/// the digital phantom and configurations A–E of the lung cancer CT phantom. All CT configurations round the
/// NIfTI-stored intensities on input (as the chapter asks), use GLCM/NGTDM/NGLDM distance 1, linkage distance 1 and
/// NGLDM coarseness 0. Beside them, one preset per modality for everyday use: <see cref="CtDefault"/>,
/// <see cref="MrDefault"/> and <see cref="PetSuv"/>.
/// </summary>
public static class FeaturePresets
{
    public const string DigitalPhantomName = "ibsi-digital-phantom";
    public const string ConfigAName = "ibsi-config-A";
    public const string ConfigBName = "ibsi-config-B";
    public const string ConfigCName = "ibsi-config-C";
    public const string ConfigDName = "ibsi-config-D";
    public const string ConfigEName = "ibsi-config-E";
    public const string CtDefaultName = "ct-default";
    public const string MrDefaultName = "mr-default";
    public const string PetSuvName = "pet-suv";

    private static readonly TextureAggregation[] SliceWise =
        [TextureAggregation.Averaged2D, TextureAggregation.SliceMerged2D, TextureAggregation.DirectionMerged25D, TextureAggregation.Merged25D];

    private static readonly TextureAggregation[] Volume = [TextureAggregation.Averaged3D, TextureAggregation.Merged3D];

    /// <summary>The preset names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [CtDefaultName, MrDefaultName, PetSuvName, DigitalPhantomName, ConfigAName, ConfigBName, ConfigCName, ConfigDName, ConfigEName];

    /// <summary>
    /// CT: 3D on the scan's grid, intensities rounded to whole HU, fixed bin size 25 HU from −1000 HU (so bins mean the
    /// same tissue in every scan), IVH on the HU as they are (discrete calibrated intensities, IBSI 1).
    /// </summary>
    public static FeatureSettings CtDefault => new()
    {
        Dimensionality = FeatureDimensionality.ThreeD,
        RoundInputIntensities = true,
        Discretisation = DiscretisationSettings.FixedBinSize(25, lowerBound: -1000),
        IntensityVolumeHistogram = DiscretisationSettings.None,
        Texture = new TextureSettings { Aggregations = Volume, Distance = 1, NgldmCoarseness = 0 },
    };

    /// <summary>
    /// MR (arbitrary units): 3D on the scan's grid, z-score over the image foreground (voxels above the image mean),
    /// no HU re-segmentation, fixed bin number 32 (so bins follow each ROI's range, as IBSI recommends for arbitrary
    /// units) and IVH with 1000 bins.
    /// </summary>
    public static FeatureSettings MrDefault => new()
    {
        Dimensionality = FeatureDimensionality.ThreeD,
        Normalisation = NormalisationSettings.ZScore(NormalisationRegion.Foreground),
        Discretisation = DiscretisationSettings.FixedBinNumber(32),
        IntensityVolumeHistogram = DiscretisationSettings.FixedBinNumber(1000),
        Texture = new TextureSettings { Aggregations = Volume, Distance = 1, NgldmCoarseness = 0 },
    };

    /// <summary>
    /// PET in SUV (convert with the DICOM reader's SUV scaling first): 3D on the scan's grid, fixed bin size 0.25 SUV
    /// from 0, IVH with fixed bin size 0.1 SUV (continuous calibrated intensities, IBSI 1), no normalisation.
    /// </summary>
    public static FeatureSettings PetSuv => new()
    {
        Dimensionality = FeatureDimensionality.ThreeD,
        Discretisation = DiscretisationSettings.FixedBinSize(0.25, lowerBound: 0),
        IntensityVolumeHistogram = DiscretisationSettings.FixedBinSize(0.1, lowerBound: 0),
        Texture = new TextureSettings { Aggregations = Volume, Distance = 1, NgldmCoarseness = 0 },
    };

    /// <summary>The unit of intensity-valued features under these settings: "HU", "SUV" or "normalised units" (arbitrary MR units otherwise).</summary>
    public static string IntensityUnit(string presetName) => presetName.Trim().ToLowerInvariant() switch
    {
        "ct-default" or "ibsi-config-a" or "ibsi-config-b" or "ibsi-config-c" or "ibsi-config-d" or "ibsi-config-e" => "HU",
        "pet-suv" => "SUV",
        "mr-default" => "normalised units",
        _ => "intensity units",
    };

    /// <summary>
    /// Digital phantom: no interpolation, re-segmentation or discretisation (the phantom's intensities are its grey
    /// levels), IVH on the intensities as they are, every texture aggregation method.
    /// </summary>
    public static FeatureSettings DigitalPhantom => new()
    {
        Dimensionality = FeatureDimensionality.ThreeD,
        Discretisation = DiscretisationSettings.None,
        IntensityVolumeHistogram = DiscretisationSettings.None,
        Texture = new TextureSettings { Aggregations = [.. SliceWise, .. Volume], Distance = 1, NgldmCoarseness = 0 },
    };

    /// <summary>Configuration A: 2D, no interpolation, range [−500, 400] HU, FBS 25 HU, IVH without discretisation.</summary>
    public static FeatureSettings ConfigA => new()
    {
        Dimensionality = FeatureDimensionality.TwoD,
        RoundInputIntensities = true,
        Resegmentation = new ResegmentationSettings { Minimum = -500, Maximum = 400 },
        Discretisation = DiscretisationSettings.FixedBinSize(25),
        IntensityVolumeHistogram = DiscretisationSettings.None,
        Texture = new TextureSettings { Aggregations = SliceWise, Distance = 1, NgldmCoarseness = 0 },
    };

    /// <summary>
    /// Configuration B: 2D, bilinear in-plane interpolation to 2 × 2 mm with rounding, bilinear mask with partial
    /// volume threshold 0.5, range [−500, 400] HU, FBN 32 bins, IVH without discretisation.
    /// </summary>
    public static FeatureSettings ConfigB => new()
    {
        Dimensionality = FeatureDimensionality.TwoD,
        RoundInputIntensities = true,
        Resampling = new ResamplingSettings
        {
            Spacing = new Vec3(2, 2, 0),
            InPlaneOnly = true,
            Interpolator = Interpolator.Linear,
            MaskInterpolator = Interpolator.Linear,
            PartialVolumeThreshold = 0.5,
            RoundIntensities = true,
        },
        Resegmentation = new ResegmentationSettings { Minimum = -500, Maximum = 400 },
        Discretisation = DiscretisationSettings.FixedBinNumber(32),
        IntensityVolumeHistogram = DiscretisationSettings.None,
        Texture = new TextureSettings { Aggregations = SliceWise, Distance = 1, NgldmCoarseness = 0 },
    };

    /// <summary>
    /// Configuration C: 3D, trilinear interpolation to 2 × 2 × 2 mm with rounding, trilinear mask (δ = 0.5), range
    /// [−1000, 400] HU, FBS 25 HU, IVH with FBS 2.5 HU.
    /// </summary>
    public static FeatureSettings ConfigC => new()
    {
        Dimensionality = FeatureDimensionality.ThreeD,
        RoundInputIntensities = true,
        Resampling = Isotropic2Mm(Interpolator.Linear),
        Resegmentation = new ResegmentationSettings { Minimum = -1000, Maximum = 400 },
        Discretisation = DiscretisationSettings.FixedBinSize(25),
        IntensityVolumeHistogram = DiscretisationSettings.FixedBinSize(2.5),
        Texture = new TextureSettings { Aggregations = Volume, Distance = 1, NgldmCoarseness = 0 },
    };

    /// <summary>
    /// Configuration D: 3D, trilinear interpolation to 2 × 2 × 2 mm with rounding, trilinear mask (δ = 0.5), no range
    /// but outlier filtering (μ ± 3σ), FBN 32 bins, IVH without discretisation.
    /// </summary>
    public static FeatureSettings ConfigD => new()
    {
        Dimensionality = FeatureDimensionality.ThreeD,
        RoundInputIntensities = true,
        Resampling = Isotropic2Mm(Interpolator.Linear),
        Resegmentation = new ResegmentationSettings { OutlierSigma = 3 },
        Discretisation = DiscretisationSettings.FixedBinNumber(32),
        IntensityVolumeHistogram = DiscretisationSettings.None,
        Texture = new TextureSettings { Aggregations = Volume, Distance = 1, NgldmCoarseness = 0 },
    };

    /// <summary>
    /// Configuration E: 3D, tricubic spline interpolation to 2 × 2 × 2 mm with rounding, trilinear mask (δ = 0.5), range
    /// [−1000, 400] HU and outlier filtering (μ ± 3σ), FBN 32 bins, IVH with FBN 1000 bins.
    /// </summary>
    public static FeatureSettings ConfigE => new()
    {
        Dimensionality = FeatureDimensionality.ThreeD,
        RoundInputIntensities = true,
        Resampling = Isotropic2Mm(Interpolator.BSpline),
        Resegmentation = new ResegmentationSettings { Minimum = -1000, Maximum = 400, OutlierSigma = 3 },
        Discretisation = DiscretisationSettings.FixedBinNumber(32),
        IntensityVolumeHistogram = DiscretisationSettings.FixedBinNumber(1000),
        Texture = new TextureSettings { Aggregations = Volume, Distance = 1, NgldmCoarseness = 0 },
    };

    /// <summary>The preset with this name (case-insensitive); throws naming the known presets otherwise.</summary>
    public static FeatureSettings Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "ct-default" => CtDefault,
            "mr-default" => MrDefault,
            "pet-suv" => PetSuv,
            "ibsi-digital-phantom" => DigitalPhantom,
            "ibsi-config-a" => ConfigA,
            "ibsi-config-b" => ConfigB,
            "ibsi-config-c" => ConfigC,
            "ibsi-config-d" => ConfigD,
            "ibsi-config-e" => ConfigE,
            _ => throw new ArgumentException($"Unknown preset '{name}'; known presets: {string.Join(", ", Names)}.", nameof(name)),
        };
    }

    private static ResamplingSettings Isotropic2Mm(Interpolator interpolator) => new()
    {
        Spacing = new Vec3(2, 2, 2),
        Interpolator = interpolator,
        MaskInterpolator = Interpolator.Linear,
        PartialVolumeThreshold = 0.5,
        RoundIntensities = true,
    };
}
