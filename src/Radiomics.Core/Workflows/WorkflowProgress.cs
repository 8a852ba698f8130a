namespace Radiomics.Workflows;

/// <summary>
/// Progress of one step of a workflow: the step's description (e.g. "Voxel feature maps"), how much of it is done and
/// its total. A workflow reports each step from 0 to <see cref="Total"/>; a command shows one progress bar per step.
/// </summary>
/// <param name="Step">What the step does, in plain words; the same text for every report of the step.</param>
/// <param name="Done">Work done so far, 0…<paramref name="Total"/>.</param>
/// <param name="Total">Work in the step (scans, candidate k, or 1 for a fraction).</param>
public readonly record struct WorkflowProgress(string Step, double Done, double Total);
