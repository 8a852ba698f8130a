namespace Radiomics.Filters;

/// <summary>Whether a filter works on the whole volume or slice by slice (IBSI 2 "2D" filters work in the axial plane).</summary>
public enum FilterDimensions
{
    /// <summary>Volumetric filtering (IBSI "3D").</summary>
    ThreeD,

    /// <summary>In-slice filtering: every axial slice (constant z index) is filtered on its own (IBSI "2D").</summary>
    TwoD,
}

/// <summary>How the response maps of rotated or otherwise varied filters are combined into one (IBSI 2 "pooling").</summary>
public enum Pooling
{
    /// <summary>Voxel-wise average.</summary>
    Mean,

    /// <summary>Voxel-wise maximum.</summary>
    Max,

    /// <summary>Voxel-wise minimum.</summary>
    Min,
}
