namespace Radiomics.Longitudinal.Delta;

/// <summary>One feature's change at each subject's last time point, summarised over subjects (<see cref="ChangeRanking"/>).</summary>
/// <param name="ImageType">Image type of the feature ("original" or a filter response).</param>
/// <param name="Family">Feature family, e.g. "glcm".</param>
/// <param name="Feature">Feature name as the IBSI manual gives it.</param>
/// <param name="Aggregation">IBSI texture aggregation, e.g. "3D, merged"; empty for other families.</param>
/// <param name="Variant">What separates several values of one feature (e.g. a distance); usually empty.</param>
/// <param name="Subjects">Subjects with a baseline and a follow-up value of the feature.</param>
/// <param name="StandardisedChange">Median over subjects of (follow-up − baseline) / the feature's standard deviation over every scan of the cohort.</param>
/// <param name="MedianRelativePercent">Median over subjects of the relative change (%), for reading; NaN when every baseline is 0.</param>
public sealed record RankedChange(
    string ImageType, string Family, string Feature, string Aggregation, string Variant, int Subjects, double StandardisedChange, double MedianRelativePercent)
{
    /// <summary>Feature name with its aggregation and variant, e.g. <c>glcm Joint entropy [3D, merged]</c>.</summary>
    public string Label =>
        $"{Family} {Feature}" + (Aggregation.Length > 0 ? $" [{Aggregation}]" : "") + (Variant.Length > 0 ? $" ({Variant})" : "");
}
