namespace Radiomics.Longitudinal.Registration;

/// <summary>The optimiser, named as in SimpleITK's <c>SetOptimizerAs…</c>.</summary>
public enum OptimiserKind
{
    /// <summary>Limited-memory BFGS with a backtracking (Armijo) line search (Nocedal &amp; Wright, Alg. 7.4–7.5).</summary>
    Lbfgs,

    /// <summary>Gradient descent with a step length that halves whenever the direction turns (ITK's RegularStepGradientDescent).</summary>
    RegularStepGradientDescent,
}
