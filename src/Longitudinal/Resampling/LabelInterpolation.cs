namespace Radiomics.Longitudinal.Resampling;

/// <summary>How label maps are carried through a transform.</summary>
public enum LabelInterpolation
{
    /// <summary>The label of the nearest voxel: fast, but boundaries keep the source grid's staircase.</summary>
    NearestNeighbor,

    /// <summary>
    /// Each label's indicator interpolated linearly, then the label with the largest weight (background included);
    /// ties go to the foreground label. For one label this is "linear ≥ 0.5", the smoothest boundary on a new grid.
    /// </summary>
    LinearArgMax,
}
