namespace Radiomics.Habitats.Clustering;

/// <summary>
/// Stability of k-means at a given k by sub-sampling (Ben-Hur, Elisseeff &amp; Guyon 2002; Lange et al. 2004): k-means
/// fitted on B sub-samples of a fixed sample of the rows, each model labelling the whole sample, and the mean adjusted
/// Rand index over the B(B − 1)/2 pairs of labelings. A k that matches the structure is found again on every
/// sub-sample (ARI near 1); a wrong k splits or merges clusters differently from one sub-sample to the next.
/// </summary>
internal sealed class ClusterStability
{
    private readonly FeatureMatrix _sample;
    private readonly int[][] _subsamples;
    private readonly KMeansSettings _kmeans;

    /// <summary>Draws the sample and the sub-samples once, so every k is judged on the same ones (seeded by the k-means seed).</summary>
    public ClusterStability(FeatureMatrix x, StabilitySettings settings, KMeansSettings kmeans)
    {
        settings.Validate();
        _kmeans = kmeans;
        _sample = ResampleRows.Sample(x, settings.SampleSize, KMeans.RunSeed(kmeans.Seed, 7001));
        int m = Math.Max(1, (int)Math.Ceiling(settings.Fraction * _sample.Rows));
        _subsamples = new int[settings.Resamples][];
        for (int b = 0; b < settings.Resamples; b++)
        {
            _subsamples[b] = ResampleRows.Indices(_sample.Rows, m, KMeans.RunSeed(kmeans.Seed, 7100 + b));
        }
    }

    /// <summary>Mean pairwise ARI of the sub-sample models' labelings of the sample at <paramref name="k"/> clusters.</summary>
    public double Score(int k)
    {
        var labelings = new int[_subsamples.Length][];
        for (int b = 0; b < _subsamples.Length; b++)
        {
            var fit = new KMeans(_kmeans with { NClusters = k, Seed = KMeans.RunSeed(_kmeans.Seed, 7200 + b) }).Fit(_sample.SelectRows(_subsamples[b]));
            labelings[b] = fit.Predict(_sample);
        }

        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < labelings.Length; a++)
        {
            for (int b = a + 1; b < labelings.Length; b++)
            {
                sum += ClusteringMetrics.AdjustedRandScore(labelings[a], labelings[b]);
                pairs++;
            }
        }

        return sum / pairs;
    }
}
