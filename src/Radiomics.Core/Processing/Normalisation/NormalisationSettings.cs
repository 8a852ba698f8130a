namespace Radiomics.Processing.Normalisation;

/// <summary>
/// Intensity normalisation as a named, saved preprocessing step: which method, over which region, with which
/// parameters. A fitted Nyúl standardisation keeps its standard landmarks here, so the settings saved with a study,
/// an extraction or a habitat model apply it again to new scans.
/// </summary>
public sealed record NormalisationSettings
{
    /// <summary>Default Nyúl landmark percentiles: p1, deciles 10..90, p99 (Nyúl, Udupa and Zhang 2000).</summary>
    public static IReadOnlyList<double> DefaultLandmarkPercentiles { get; } = [1, 10, 20, 30, 40, 50, 60, 70, 80, 90, 99];

    /// <summary>The method. Default <see cref="NormalisationMethod.ZScore"/>.</summary>
    public NormalisationMethod Method { get; init; } = NormalisationMethod.ZScore;

    /// <summary>Voxels that define the statistics or landmarks. Default: the image foreground.</summary>
    public NormalisationRegion Region { get; init; } = NormalisationRegion.Foreground;

    /// <summary>Multiplier of the normalised values (z-scores, the percentile range), as PyRadiomics' <c>normalizeScale</c>. Default 1.</summary>
    public double Scale { get; init; } = 1;

    /// <summary>Lower percentile of percentile scaling (0..100). Default 1.</summary>
    public double LowerPercentile { get; init; } = 1;

    /// <summary>Upper percentile of percentile scaling (0..100). Default 99.</summary>
    public double UpperPercentile { get; init; } = 99;

    /// <summary>Percentiles whose intensities are the Nyúl landmarks (increasing, at least two). Null: <see cref="DefaultLandmarkPercentiles"/>.</summary>
    public double[]? LandmarkPercentiles { get; init; }

    /// <summary>Standard scale's minimum and maximum onto which the first and last landmarks of the training scans are mapped. Default [0, 100].</summary>
    public double StandardMinimum { get; init; }

    /// <inheritdoc cref="StandardMinimum"/>
    public double StandardMaximum { get; init; } = 100;

    /// <summary>The fitted standard landmarks of a Nyúl standardisation (one per landmark percentile); null until fitted.</summary>
    public double[]? StandardLandmarks { get; init; }

    /// <summary>True when nothing is done to the intensities.</summary>
    public bool IsNone => Method == NormalisationMethod.None;

    /// <summary>The z-score over the image foreground (the default).</summary>
    public static NormalisationSettings ZScore(NormalisationRegion region = NormalisationRegion.Foreground, double scale = 1) =>
        new() { Method = NormalisationMethod.ZScore, Region = region, Scale = scale };

    /// <summary>Percentile scaling over a region.</summary>
    public static NormalisationSettings Percentile(double lower = 1, double upper = 99, NormalisationRegion region = NormalisationRegion.Foreground) =>
        new() { Method = NormalisationMethod.Percentile, LowerPercentile = lower, UpperPercentile = upper, Region = region };

    /// <summary>A Nyúl standardisation still to be fitted with <see cref="NyulStandardisation.Fit"/>.</summary>
    public static NormalisationSettings Nyul(NormalisationRegion region = NormalisationRegion.Foreground) =>
        new() { Method = NormalisationMethod.Nyul, Region = region };

    /// <summary>The landmark percentiles in use.</summary>
    public IReadOnlyList<double> Landmarks => LandmarkPercentiles ?? DefaultLandmarkPercentiles;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Method) || !Enum.IsDefined(Region))
        {
            throw new ArgumentException($"Unknown normalisation method {Method} or region {Region}.", nameof(Method));
        }

        if (!(Scale > 0 && double.IsFinite(Scale)))
        {
            throw new ArgumentException($"The normalisation scale must be finite and positive; got {Scale}.", nameof(Scale));
        }

        if (Method == NormalisationMethod.Percentile && !(LowerPercentile >= 0 && LowerPercentile < UpperPercentile && UpperPercentile <= 100))
        {
            throw new ArgumentException($"Percentile scaling needs 0 ≤ lower < upper ≤ 100; got {LowerPercentile} and {UpperPercentile}.", nameof(LowerPercentile));
        }

        if (Method == NormalisationMethod.Nyul)
        {
            var p = Landmarks;
            if (p.Count < 2 || p[0] < 0 || p[^1] > 100 || Enumerable.Range(1, p.Count - 1).Any(i => !(p[i] > p[i - 1])))
            {
                throw new ArgumentException("Nyúl landmark percentiles must be at least two increasing values in 0..100.", nameof(LandmarkPercentiles));
            }

            if (!(StandardMinimum < StandardMaximum) || !double.IsFinite(StandardMinimum) || !double.IsFinite(StandardMaximum))
            {
                throw new ArgumentException($"The Nyúl standard scale [{StandardMinimum}, {StandardMaximum}] is empty.", nameof(StandardMinimum));
            }

            if (StandardLandmarks is { } s && (s.Length != p.Count || Enumerable.Range(1, s.Length - 1).Any(i => !(s[i] > s[i - 1]))))
            {
                throw new ArgumentException($"The fitted Nyúl standard landmarks must be {p.Count} increasing values, one per landmark percentile.", nameof(StandardLandmarks));
            }
        }
    }
}
