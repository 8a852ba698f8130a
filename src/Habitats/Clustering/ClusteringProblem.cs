namespace Radiomics.Habitats.Clustering;

/// <summary>Why a clustering call was refused.</summary>
public enum ClusteringProblem
{
    /// <summary>The data has no rows or no columns.</summary>
    EmptyInput,

    /// <summary>A value is NaN or infinite.</summary>
    NonFiniteValue,

    /// <summary>Fewer rows than requested clusters.</summary>
    FewerPointsThanClusters,

    /// <summary>Fewer distinct rows than requested clusters, so some centres would coincide.</summary>
    TooFewDistinctPoints,

    /// <summary>The data has a different number of columns than the model was fitted on.</summary>
    DimensionMismatch,

    /// <summary>A setting is out of its valid range.</summary>
    InvalidSetting,

    /// <summary>The estimator is used before <c>Fit</c>.</summary>
    NotFitted,
}
