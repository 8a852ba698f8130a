namespace Radiomics.Longitudinal.Delta;

/// <summary>One feature's change at each subject's last time point, summarised over subjects (<see cref="ChangeRanking"/>).</summary>
/// <remarks><c>StandardisedChange</c>: median over subjects of (follow-up − baseline) / the feature's standard deviation over every scan of the cohort.</remarks>
/// <remarks><c>MedianRelativePercent</c>: median over subjects of the relative change (%), for reading; NaN when every baseline is 0.</remarks>
public sealed record RankedChange(
    string ImageType, string Family, string Feature, string Aggregation, string Variant, int Subjects, double StandardisedChange, double MedianRelativePercent)
{
    /// <summary>Feature name with its aggregation and variant, e.g. <c>glcm Joint entropy [3D, merged]</c>.</summary>
    public string Label =>
        $"{Family} {Feature}" + (Aggregation.Length > 0 ? $" [{Aggregation}]" : "") + (Variant.Length > 0 ? $" ({Variant})" : "");
}
