using Radiomics.Imaging;
using Radiomics.Processing;

namespace Radiomics.Features.PyRadiomics;

/// <summary>
/// The <c>setting</c>, <c>imageType</c>, <c>featureClass</c> and <c>voxelSetting</c> sections of a PyRadiomics params
/// file as one immutable record, with PyRadiomics' own defaults (see its documentation, "Customizing the extraction").
/// <see cref="PyRadiomicsParamsFile"/> reads it; <see cref="FeatureSettings.PyRadiomics"/> carries it.
/// </summary>
public sealed record PyRadiomicsSettings
{
    /// <summary><c>binWidth</c>: fixed bin width, bins equally spaced from 0 (default 25).</summary>
    public double BinWidth { get; init; } = 25;

    /// <summary><c>binCount</c>: fixed bin count instead of a bin width (null: use <see cref="BinWidth"/>).</summary>
    public int? BinCount { get; init; }

    /// <summary><c>resampledPixelSpacing</c> [x, y, z] in mm; 0 keeps that axis (null: no resampling).</summary>
    public Vec3? ResampledPixelSpacing { get; init; }

    /// <summary><c>interpolator</c> (SimpleITK name; null disables resampling as in PyRadiomics).</summary>
    public Interpolator? Interpolator { get; init; } = Processing.Interpolator.BSpline;

    /// <summary><c>padDistance</c>: voxels kept around the ROI when cropping for resampling and filters (default 5).</summary>
    public int PadDistance { get; init; } = 5;

    /// <summary><c>preCrop</c>: crop to the ROI (plus <see cref="PadDistance"/>) before filtering (default false).</summary>
    public bool PreCrop { get; init; }

    /// <summary><c>normalize</c>: z-score the whole image (SimpleITK's Normalize) before anything else (default false).</summary>
    public bool Normalize { get; init; }

    /// <summary><c>normalizeScale</c>: factor applied after normalisation (default 1).</summary>
    public double NormalizeScale { get; init; } = 1;

    /// <summary><c>removeOutliers</c>: after normalisation, clip at ± this many standard deviations (null: none).</summary>
    public double? RemoveOutliers { get; init; }

    /// <summary><c>resegmentRange</c>: one (lower) or two (lower, upper) thresholds; null: no re-segmentation.</summary>
    public IReadOnlyList<double>? ResegmentRange { get; init; }

    /// <summary><c>resegmentMode</c>: how <see cref="ResegmentRange"/> is read (default absolute).</summary>
    public PyRadiomicsResegmentMode ResegmentMode { get; init; } = PyRadiomicsResegmentMode.Absolute;

    /// <summary><c>resegmentShape</c>: use the re-segmented mask for shape features too (default false).</summary>
    public bool ResegmentShape { get; init; }

    /// <summary><c>label</c>: the label value of the ROI in the mask (default 1).</summary>
    public int Label { get; init; } = 1;

    /// <summary><c>label_channel</c>: the channel of a vector (segmentation) mask (default 0).</summary>
    public int LabelChannel { get; init; }

    /// <summary><c>force2D</c>: texture matrices per slice (angles in-plane only) (default false).</summary>
    public bool Force2D { get; init; }

    /// <summary><c>force2Ddimension</c>: the out-of-plane axis in array order: 0 = z (axial), 1 = y, 2 = x.</summary>
    public int Force2DDimension { get; init; }

    /// <summary><c>distances</c>: neighbour distances (infinity norm) for GLCM, NGTDM and GLDM (default [1]).</summary>
    public IReadOnlyList<int> Distances { get; init; } = [1];

    /// <summary><c>symmetricalGLCM</c>: count both directions in the GLCM (default true).</summary>
    public bool SymmetricalGlcm { get; init; } = true;

    /// <summary><c>weightingNorm</c>: merge the angles' GLCM/GLRLM weighted by distance (null: average features over angles).</summary>
    public PyRadiomicsWeightingNorm? WeightingNorm { get; init; }

    /// <summary><c>gldm_a</c>: the GLDM dependence cut-off α (default 0).</summary>
    public double GldmA { get; init; }

    /// <summary><c>voxelArrayShift</c>: added to intensities in firstorder Energy, TotalEnergy and RMS (default 0).</summary>
    public double VoxelArrayShift { get; init; }

    /// <summary><c>minimumROIDimensions</c>: 1, 2 or 3 dimensions the ROI must span (default 2).</summary>
    public int MinimumRoiDimensions { get; init; } = 2;

    /// <summary><c>minimumROISize</c>: the ROI must hold more voxels than this (null: no check).</summary>
    public int? MinimumRoiSize { get; init; }

    /// <summary><c>correctMask</c>: resample a mask on another grid onto the image's (nearest neighbour) (default false).</summary>
    public bool CorrectMask { get; init; }

    /// <summary><c>geometryTolerance</c>: tolerance when comparing image and mask geometry (null: the toolkit's default).</summary>
    public double? GeometryTolerance { get; init; }

    /// <summary><c>additionalInfo</c>: write the <c>diagnostics_*</c> columns (default true).</summary>
    public bool AdditionalInfo { get; init; } = true;

    /// <summary><c>enableCExtensions</c>: accepted for compatibility; the toolkit always runs compiled code.</summary>
    public bool EnableCExtensions { get; init; } = true;

    /// <summary>LoG <c>sigma</c> values (mm) when given at setting level.</summary>
    public IReadOnlyList<double> Sigma { get; init; } = [];

    /// <summary>Wavelet <c>wavelet</c> (PyWavelets name, default coif1).</summary>
    public string Wavelet { get; init; } = "coif1";

    /// <summary>Wavelet <c>level</c> (default 1).</summary>
    public int Level { get; init; } = 1;

    /// <summary>Wavelet <c>start_level</c> (default 0).</summary>
    public int StartLevel { get; init; }

    /// <summary>Gradient <c>gradientUseSpacing</c> (default true).</summary>
    public bool GradientUseSpacing { get; init; } = true;

    /// <summary>LBP2D <c>lbp2DRadius</c> (default 1).</summary>
    public double Lbp2DRadius { get; init; } = 1;

    /// <summary>LBP2D <c>lbp2DSamples</c> (default 8).</summary>
    public int Lbp2DSamples { get; init; } = 8;

    /// <summary>LBP2D <c>lbp2DMethod</c> (default uniform).</summary>
    public string Lbp2DMethod { get; init; } = "uniform";

    /// <summary>LBP3D <c>lbp3DLevels</c> (default 2).</summary>
    public int Lbp3DLevels { get; init; } = 2;

    /// <summary>LBP3D <c>lbp3DIcosphereRadius</c> (default 1).</summary>
    public double Lbp3DIcosphereRadius { get; init; } = 1;

    /// <summary>LBP3D <c>lbp3DIcosphereSubdivision</c> (default 1).</summary>
    public int Lbp3DIcosphereSubdivision { get; init; } = 1;

    /// <summary>Voxel-based extraction settings (<c>voxelSetting</c>).</summary>
    public PyRadiomicsVoxelSettings Voxel { get; init; } = new();

    /// <summary><c>imageType</c>: the enabled image types, each with its own setting overrides. Default: Original.</summary>
    public IReadOnlyList<PyRadiomicsImageType> ImageTypes { get; init; } = [new(PyRadiomicsImageKind.Original, null)];

    /// <summary><c>featureClass</c>: the enabled classes, each with its features (empty: all non-deprecated). Default: all classes but shape2D.</summary>
    public IReadOnlyList<PyRadiomicsFeatureClass> FeatureClasses { get; init; } = PyRadiomicsFeatureClass.Defaults;
}

/// <summary>How <see cref="PyRadiomicsSettings.ResegmentRange"/> is read.</summary>
public enum PyRadiomicsResegmentMode
{
    /// <summary>Thresholds are intensities.</summary>
    Absolute,

    /// <summary>Thresholds are fractions of the ROI's maximum intensity.</summary>
    Relative,

    /// <summary>Thresholds are mean + k·SD of the ROI's intensities.</summary>
    Sigma,
}

/// <summary>How the angles of a GLCM or GLRLM are merged (PyRadiomics <c>weightingNorm</c>).</summary>
public enum PyRadiomicsWeightingNorm
{
    Infinity,
    Euclidean,
    Manhattan,
    NoWeighting,
}

/// <summary>PyRadiomics' image types.</summary>
public enum PyRadiomicsImageKind
{
    Original,
    LoG,
    Wavelet,
    Square,
    SquareRoot,
    Logarithm,
    Exponential,
    Gradient,
    LBP2D,
    LBP3D,
}

/// <summary>One enabled image type; <paramref name="Settings"/> holds the settings with this type's overrides applied (null: the global ones).</summary>
public sealed record PyRadiomicsImageType(PyRadiomicsImageKind Kind, PyRadiomicsSettings? Settings);

/// <summary>One enabled feature class (PyRadiomics name, e.g. <c>glcm</c>) and its enabled features (empty: all non-deprecated).</summary>
public sealed record PyRadiomicsFeatureClass(string Name, IReadOnlyList<string> Features)
{
    /// <summary>The classes PyRadiomics enables when a params file names none.</summary>
    public static IReadOnlyList<PyRadiomicsFeatureClass> Defaults { get; } =
        [.. new[] { "firstorder", "shape", "glcm", "glrlm", "glszm", "gldm", "ngtdm" }.Select(n => new PyRadiomicsFeatureClass(n, []))];
}

/// <summary>PyRadiomics' <c>voxelSetting</c> section (voxel-based extraction).</summary>
public sealed record PyRadiomicsVoxelSettings
{
    public int KernelRadius { get; init; } = 1;

    public bool MaskedKernel { get; init; } = true;

    public double InitValue { get; init; }

    public int VoxelBatch { get; init; } = -1;
}
