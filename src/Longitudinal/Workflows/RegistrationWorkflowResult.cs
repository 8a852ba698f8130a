using Radiomics.Longitudinal.Registration;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Tables;

namespace Radiomics.Longitudinal.Workflows;

/// <summary>What <see cref="RegistrationWorkflow.Register"/> did and wrote.</summary>
/// <param name="Folder">The registration folder (<see cref="Transforms.IO.RegistrationFolder"/>).</param>
/// <param name="Backend">The method that ran.</param>
/// <param name="Threads">Threads used.</param>
/// <param name="Registration">The registration's transform, metric, levels and timing.</param>
/// <param name="Folding">Jacobian determinant range and folded volume of the written displacement field.</param>
/// <param name="Files">The files written into <paramref name="Folder"/>, by name.</param>
public sealed record RegistrationWorkflowResult(
    string Folder, RegistrationBackend Backend, int Threads, RegistrationResult Registration, Folding Folding, IReadOnlyList<string> Files)
{
    /// <summary>One row: backend, seconds, threads, metric, Jacobian range and folding.</summary>
    public ResultTable SummaryTable() => new(
        ["backend", "seconds", "threads", "metric", "jacobian_min", "jacobian_max", "folded_voxels", "folded_volume_mm3", "folding_guard_retries"],
        [[Backend.ToString().ToLowerInvariant(), Registration.Elapsed.TotalSeconds, Threads, Registration.MetricValue, Folding.MinimumJacobian, Folding.MaximumJacobian,
            Folding.FoldedVoxels, Folding.FoldedVolumeMm3, Registration.FoldingRetries]]);

    /// <summary>One row per pyramid level of each stage (empty for external backends that report none).</summary>
    public ResultTable LevelsTable() => new(
        ["stage", "level", "iterations", "metric", "seconds", "stop"],
        Registration.Levels.Select(l => (IReadOnlyList<object?>)[l.Stage, l.Level, l.Iterations, l.MetricValue, l.Elapsed.TotalSeconds, l.StopReason]));
}
