namespace Radiomics.Longitudinal.Registration;

/// <summary>Optimiser settings of one registration stage. Steps are in the scaled parameter units (≈ mm of motion).</summary>
public sealed record OptimiserSettings
{
    public OptimiserKind Kind { get; init; } = OptimiserKind.Lbfgs;

    /// <summary>Iterations per pyramid level; one entry per level, the last repeated for further levels.</summary>
    public IReadOnlyList<int> NumberOfIterations { get; init; } = [100];

    /// <summary>Length of the first step (largest parameter change, mm); later steps come from the line search or the step schedule.</summary>
    public double LearningRate { get; init; } = 1.0;

    /// <summary>Largest change of any parameter in one step (mm), to keep one bad step from jumping far.</summary>
    public double MaximumStepLength { get; init; } = 4.0;

    /// <summary>Stop when the step is shorter than this (mm).</summary>
    public double MinimumStepLength { get; init; } = 1e-3;

    /// <summary>Stop when the relative decrease of the metric over the last iterations is below this.</summary>
    public double RelativeTolerance { get; init; } = 1e-5;

    /// <summary>L-BFGS memory: number of correction pairs kept.</summary>
    public int Memory { get; init; } = 8;

    internal int IterationsAt(int level) =>
        NumberOfIterations.Count == 0 ? 0 : NumberOfIterations[Math.Min(level, NumberOfIterations.Count - 1)];

    internal void Validate()
    {
        foreach (var n in NumberOfIterations)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(n, nameof(NumberOfIterations));
        }

        if (!(LearningRate > 0) || !(MaximumStepLength > 0) || !(MinimumStepLength >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), "Step lengths must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Memory, 1, nameof(Memory));
    }
}
