using Radiomics.Imaging;

namespace Radiomics.Filters;

/// <summary>The unfiltered image (PyRadiomics "original" image type).</summary>
public sealed record OriginalSettings : FilterSettings
{
    public override string ImageTypeName() => "original";

    public override void Validate()
    {
    }

    private protected override double[] Filter(double[] voxels, ImageGeometry geometry) => voxels;
}

/// <summary>
/// One entry of a list of image types (the original image and filter response maps) on which features are
/// computed: exactly one property is set, named after the filter, so that the list reads naturally in YAML or JSON
/// without type tags:
/// <code>
/// imageTypes:
///   - original: {}
///   - laplacianOfGaussian: { sigma: 3 }
///   - wavelet: { family: coif1, subband: LLH, rotationInvariant: true }
/// </code>
/// </summary>
public sealed record ImageType : IImageFilter
{
    public OriginalSettings? Original { get; init; }

    public MeanSettings? Mean { get; init; }

    public GaussianSettings? Gaussian { get; init; }

    public LaplacianOfGaussianSettings? LaplacianOfGaussian { get; init; }

    public LawsSettings? Laws { get; init; }

    public GaborSettings? Gabor { get; init; }

    public SeparableWaveletSettings? Wavelet { get; init; }

    public SimoncelliSettings? Simoncelli { get; init; }

    public SquareSettings? Square { get; init; }

    public SquareRootSettings? SquareRoot { get; init; }

    public LogarithmSettings? Logarithm { get; init; }

    public ExponentialSettings? Exponential { get; init; }

    public GradientMagnitudeSettings? Gradient { get; init; }

    public LocalBinaryPattern2DSettings? LocalBinaryPattern2D { get; init; }

    public LocalBinaryPattern3DSettings? LocalBinaryPattern3D { get; init; }

    /// <summary>The original image.</summary>
    public static ImageType OriginalImage { get; } = new() { Original = new OriginalSettings() };

    /// <summary>The filter this entry names.</summary>
    /// <exception cref="ArgumentException">No filter or more than one is set.</exception>
    public FilterSettings Settings()
    {
        FilterSettings?[] all =
        [
            Original, Mean, Gaussian, LaplacianOfGaussian, Laws, Gabor, Wavelet, Simoncelli,
            Square, SquareRoot, Logarithm, Exponential, Gradient, LocalBinaryPattern2D, LocalBinaryPattern3D,
        ];
        var set = all.Where(s => s is not null).ToArray();
        return set.Length == 1
            ? set[0]!
            : throw new ArgumentException(
                $"An image type names exactly one filter; this one names {(set.Length == 0 ? "none" : string.Join(", ", set.Select(s => s!.ImageTypeName())))}.");
    }

    /// <summary>Wraps filter settings as an image type entry.</summary>
    public static ImageType Of(FilterSettings settings) => settings switch
    {
        OriginalSettings s => new() { Original = s },
        MeanSettings s => new() { Mean = s },
        GaussianSettings s => new() { Gaussian = s },
        LaplacianOfGaussianSettings s => new() { LaplacianOfGaussian = s },
        LawsSettings s => new() { Laws = s },
        GaborSettings s => new() { Gabor = s },
        SeparableWaveletSettings s => new() { Wavelet = s },
        SimoncelliSettings s => new() { Simoncelli = s },
        SquareSettings s => new() { Square = s },
        SquareRootSettings s => new() { SquareRoot = s },
        LogarithmSettings s => new() { Logarithm = s },
        ExponentialSettings s => new() { Exponential = s },
        GradientMagnitudeSettings s => new() { Gradient = s },
        LocalBinaryPattern2DSettings s => new() { LocalBinaryPattern2D = s },
        LocalBinaryPattern3DSettings s => new() { LocalBinaryPattern3D = s },
        null => throw new ArgumentNullException(nameof(settings)),
        _ => throw new ArgumentException($"{settings.GetType().Name} has no image type entry.", nameof(settings)),
    };

    /// <summary>The response map's name (e.g. <c>log-sigma-3mm</c>), for feature tables.</summary>
    public string ImageTypeName() => Settings().ImageTypeName();

    public Image<double> Apply(Image<double> image) => Settings().Apply(image);
}
