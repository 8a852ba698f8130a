namespace Radiomics.Longitudinal.Registration;

/// <summary>Progress of a running registration, reported once per optimiser iteration.</summary>
/// <param name="Stage">The stage ("affine", "bspline", "elastix").</param>
/// <param name="Level">Pyramid level, 0 = coarsest.</param>
/// <param name="LevelCount">Number of pyramid levels of the stage.</param>
/// <param name="Iteration">Iteration within the level.</param>
/// <param name="MetricValue">Current metric value (lower is better).</param>
/// <param name="Fraction">Rough overall fraction done, 0 to 1.</param>
public readonly record struct RegistrationProgress(string Stage, int Level, int LevelCount, int Iteration, double MetricValue, double Fraction);
