namespace Radiomics.Longitudinal.Registration;

/// <summary>How images are compared during registration.</summary>
public sealed record MetricSettings
{
    /// <summary>The metric; Mattes mutual information by default, as elastix's reference parameter files use.</summary>
    public MetricKind Kind { get; init; } = MetricKind.MattesMutualInformation;

    /// <summary>Histogram bins of Mattes mutual information (elastix and SimpleITK use 32 to 50).</summary>
    public int NumberOfHistogramBins { get; init; } = 32;

    public static MetricSettings MeanSquares { get; } = new() { Kind = MetricKind.MeanSquares };

    public static MetricSettings Correlation { get; } = new() { Kind = MetricKind.Correlation };

    public static MetricSettings MattesMutualInformation(int bins = 32) => new() { Kind = MetricKind.MattesMutualInformation, NumberOfHistogramBins = bins };

    internal void Validate()
    {
        if (Kind == MetricKind.MattesMutualInformation && NumberOfHistogramBins is < 8 or > 512)
        {
            throw new ArgumentOutOfRangeException(nameof(NumberOfHistogramBins), NumberOfHistogramBins, "Mattes mutual information needs 8 to 512 histogram bins.");
        }
    }
}
