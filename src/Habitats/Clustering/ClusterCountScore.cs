namespace Radiomics.Habitats.Clustering;

/// <summary>Scores of one k in a <see cref="ClusterCountSelection"/>.</summary>
/// <param name="K">Number of clusters.</param>
/// <param name="Inertia">k-means inertia (within-cluster sum of squares).</param>
/// <param name="Silhouette">Mean silhouette on the seeded sample (higher is better).</param>
/// <param name="CalinskiHarabasz">Calinski–Harabasz index (higher is better).</param>
/// <param name="DaviesBouldin">Davies–Bouldin index (lower is better).</param>
/// <param name="Stability">Mean pairwise adjusted Rand index of k-means on sub-samples (higher is more stable); NaN when not computed.</param>
/// <param name="Gap">Gap statistic Gap(k); NaN when not computed.</param>
/// <param name="GapError">The gap's standard error s(k) = sd(k) · √(1 + 1/B); NaN when not computed.</param>
public sealed record ClusterCountScore(
    int K, double Inertia, double Silhouette, double CalinskiHarabasz, double DaviesBouldin,
    double Stability = double.NaN, double Gap = double.NaN, double GapError = double.NaN);
