namespace Radiomics.Habitats.Clustering;

/// <summary>The checks every estimator makes before clustering, so each problem gets the same clear message.</summary>
internal static class ClusteringInput
{
    public static void Validate(FeatureMatrix x, int clusters, string paramName)
    {
        ArgumentNullException.ThrowIfNull(x, paramName);
        x.EnsureUsable(paramName);
        if (x.Rows < clusters)
        {
            throw new ClusteringException(
                ClusteringProblem.FewerPointsThanClusters,
                $"{x.Rows} point(s) cannot form {clusters} clusters; give at least {clusters} points (voxels) or ask for fewer clusters (-k).",
                paramName);
        }

        int distinct = DistinctRows.CountUpTo(x, clusters);
        if (distinct < clusters)
        {
            throw new ClusteringException(
                ClusteringProblem.TooFewDistinctPoints,
                $"The data has only {distinct} distinct row(s), fewer than the {clusters} clusters requested.",
                paramName);
        }
    }
}
