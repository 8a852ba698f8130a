namespace Radiomics.Longitudinal.Pipeline;

/// <summary>Which part of a cohort to run and how to treat failures; none of these change the numbers.</summary>
public sealed record StudyRunOptions
{
    /// <summary>Only these subjects (all when null).</summary>
    public IReadOnlyList<string>? Subjects { get; init; }

    /// <summary>Only shard <c>Index</c> of <c>Count</c> (1-based), for array jobs of a cluster scheduler.</summary>
    public (int Index, int Count)? Shard { get; init; }

    /// <summary>Run the valid subjects when the manifest or a subject has problems, and go on after a subject fails.</summary>
    public bool KeepGoing { get; init; }

    /// <summary>Apply this habitat model (JSON) instead of fitting one on the cohort's baselines.</summary>
    public string? HabitatModelPath { get; init; }

    /// <summary>
    /// Write the cohort tables and <c>study.json</c> after the subjects (default). Off for the per-subject jobs of a
    /// workflow, whose merge step writes them once (<see cref="StudySteps.WriteTables"/>).
    /// </summary>
    public bool WriteTables { get; init; } = true;

    /// <summary>Recompute subjects even when their folder holds finished results of the same settings.</summary>
    public bool Force { get; init; }
}
