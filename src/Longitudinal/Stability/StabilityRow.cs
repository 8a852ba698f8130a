namespace Radiomics.Longitudinal.Stability;

/// <summary>
/// How well one feature is reproduced across repeats (perturbations or test–retest scans) over a set of subjects:
/// ICC(2,1), two-way random effects, absolute agreement, single measure, and ICC(3,1), two-way mixed, consistency.
/// NaN when the feature does not vary between subjects (the ICC is undefined) or a value is not finite.
/// </summary>
public sealed record StabilityRow(
    string ImageType, string Family, string Feature, string IbsiCode, string Aggregation, string Variant,
    int Subjects, int Repeats, double IccAbsoluteAgreement, double IccConsistency)
{
    /// <summary>Whether the absolute-agreement ICC reaches <paramref name="threshold"/> (NaN never does).</summary>
    public bool IsStable(double threshold) => IccAbsoluteAgreement >= threshold;

    internal (string, string, string, string, string) Key => (ImageType, Family, Feature, Aggregation, Variant);
}
