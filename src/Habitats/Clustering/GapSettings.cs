namespace Radiomics.Habitats.Clustering;

/// <summary>Settings of the gap statistic of <see cref="ClusterCountSelection"/> (<see cref="ClusterCountCriterion.Gap"/>).</summary>
public sealed record GapSettings
{
    /// <summary>Reference data sets B drawn uniformly in the data's bounding box (default 10).</summary>
    public int References { get; init; } = 10;

    /// <summary>Rows (a seeded sample) the gap is computed on, and rows in each reference set (default 5000; all rows when fewer).</summary>
    public int SampleSize { get; init; } = 5000;

    internal void Validate()
    {
        SettingCheck.Require(References >= 1, nameof(References), References, "it must be at least 1");
        SettingCheck.Require(SampleSize >= 2, nameof(SampleSize), SampleSize, "it must be at least 2");
    }
}
