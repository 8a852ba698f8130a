using Radiomics.Habitats.Clustering;

namespace Radiomics.Habitats.Tests.Clustering;

/// <summary>
/// <see cref="KMeansSettings.ConvergeBest"/>: scikit-learn's shift tolerance can stop while boundary points of
/// overlapping clusters still move; continuing the best restart lowers the inertia and ends at a fixed point of Lloyd's
/// iteration (every point at its nearest centre, every centre the mean of its points).
/// </summary>
public class KMeansConvergeBestTests
{
    // Four overlapping blobs: boundaries move slowly, so a loose tolerance stops well before convergence.
    private static readonly (FeatureMatrix X, int[] Truth) Overlapping =
        Blobs.Create([[0, 0, 0], [1.5, 0, 0], [0.75, 1.3, 0], [0.75, 0.5, 1.2]], perCluster: 1500, sd: 0.9, seed: 21);

    [Theory]
    [InlineData(KMeansAlgorithm.Hamerly, 4)]
    [InlineData(KMeansAlgorithm.Lloyd, 4)]
    [InlineData(KMeansAlgorithm.Hamerly, 12)]
    public void The_best_restart_continued_has_lower_inertia_and_is_a_fixed_point(KMeansAlgorithm algorithm, int k)
    {
        var x = Overlapping.X;
        var settings = new KMeansSettings { NClusters = k, NInit = 3, Seed = 2, Tolerance = 1e-2, Algorithm = algorithm, MaxDegreeOfParallelism = 2 };
        var stopped = new KMeans(settings with { ConvergeBest = false }).Fit(x);
        var converged = new KMeans(settings).Fit(x);

        Assert.True(converged.Inertia < stopped.Inertia * (1 - 1e-6), $"converged {converged.Inertia} vs stopped by the tolerance {stopped.Inertia}");
        Assert.True(converged.Iterations > stopped.Iterations && converged.Iterations < settings.MaxIter, $"{stopped.Iterations} then {converged.Iterations} iterations");
        Assert.Equal(converged.Inertia, converged.InertiaOf(x), 1e-9 * converged.Inertia);

        // A fixed point: the labels are the nearest centres, and each centre is the mean of its points.
        var labels = converged.Labels.ToArray();
        Assert.Equal(labels, converged.Predict(x));
        var centres = converged.ClusterCentres;
        for (int c = 0; c < k; c++)
        {
            var rows = Enumerable.Range(0, x.Rows).Where(i => labels[i] == c).ToList();
            for (int t = 0; t < x.Columns; t++)
            {
                Assert.Equal(rows.Average(i => x.Data[(i * x.Columns) + t]), centres.Data[(c * x.Columns) + t], 1e-9);
            }
        }
    }

    [Fact]
    public void It_is_on_by_default() => Assert.True(new KMeansSettings().ConvergeBest);
}
