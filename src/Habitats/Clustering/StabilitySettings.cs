namespace Radiomics.Habitats.Clustering;

/// <summary>Settings of the stability score of <see cref="ClusterCountSelection"/> (<see cref="ClusterCountCriterion.Stability"/>).</summary>
public sealed record StabilitySettings
{
    /// <summary>Sub-samples, each clustered once per k (default 10); stability is the mean ARI over their pairs.</summary>
    public int Resamples { get; init; } = 10;

    /// <summary>Fraction of the rows in each sub-sample, drawn without replacement (default 0.8).</summary>
    public double Fraction { get; init; } = 0.8;

    /// <summary>
    /// The chosen k is the smallest whose stability is within this of the highest stability (default 0.02). An absolute
    /// threshold does not work: labelings that agree on the main split keep a high ARI, so on two blobs k = 3 (one blob
    /// split differently each time) still scores 0.93. The smallest of the near-best, because a consistent split of
    /// boundary rows into their own small clusters can be as stable as the true k (the two-stage phantom: stability 1
    /// at k = 3 and at k = 5).
    /// </summary>
    public double Tolerance { get; init; } = 0.02;

    /// <summary>Rows (a seeded sample) the sub-samples are drawn from and labelled on (default 5000; all rows when fewer).</summary>
    public int SampleSize { get; init; } = 5000;

    internal void Validate()
    {
        SettingCheck.Require(Resamples >= 2, nameof(Resamples), Resamples, "it must be at least 2 (stability compares pairs of sub-samples)");
        SettingCheck.Require(Fraction is > 0 and <= 1, nameof(Fraction), Fraction, "it must be above 0 and at most 1");
        SettingCheck.Require(Tolerance is >= 0 and <= 2, nameof(Tolerance), Tolerance, "it must be a difference of adjusted Rand indices, from 0 to 2");
        SettingCheck.Require(SampleSize >= 2, nameof(SampleSize), SampleSize, "it must be at least 2");
    }
}
