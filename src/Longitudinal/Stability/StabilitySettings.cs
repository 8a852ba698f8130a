namespace Radiomics.Longitudinal.Stability;

/// <summary>Perturbations of the feature-stability assessment and the ICC a feature needs to be kept.</summary>
public sealed record StabilitySettings
{
    /// <summary>The repeats; the first is usually the original mask.</summary>
    public IReadOnlyList<Perturbation> Perturbations { get; init; } = Perturbation.Default;

    /// <summary>Features with ICC(2,1) below this are dropped by <see cref="StabilityTable.KeepStable"/> (0.75: "good" reliability, Koo and Li 2016).</summary>
    public double Threshold { get; init; } = 0.75;
}
