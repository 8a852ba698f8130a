namespace Radiomics.Habitats.Clustering;

/// <summary>
/// The gap statistic (Tibshirani, Walther &amp; Hastie 2001): Gap(k) = E*[log W_k] − log W_k, where W_k is the k-means
/// within-cluster sum of squares (the inertia) and E* the mean over B reference sets drawn uniformly in the bounding
/// box of the data (the paper's reference (a)), each as large as the data. s(k) = sd*(log W_k) · √(1 + 1/B).
/// </summary>
internal sealed class GapStatistic
{
    private readonly FeatureMatrix _sample;
    private readonly FeatureMatrix[] _references;
    private readonly KMeansSettings _kmeans;

    /// <summary>Draws the sample and the reference sets once, so every k sees the same ones (seeded by the k-means seed).</summary>
    public GapStatistic(FeatureMatrix x, GapSettings settings, KMeansSettings kmeans)
    {
        settings.Validate();
        _kmeans = kmeans;
        _sample = ResampleRows.Sample(x, settings.SampleSize, KMeans.RunSeed(kmeans.Seed, 8001));
        int n = _sample.Rows, d = _sample.Columns;
        var low = new double[d];
        var high = new double[d];
        Array.Fill(low, double.PositiveInfinity);
        Array.Fill(high, double.NegativeInfinity);
        for (int i = 0; i < n; i++)
        {
            var row = _sample.Row(i);
            for (int j = 0; j < d; j++)
            {
                low[j] = Math.Min(low[j], row[j]);
                high[j] = Math.Max(high[j], row[j]);
            }
        }

        _references = new FeatureMatrix[settings.References];
        for (int b = 0; b < _references.Length; b++)
        {
            var random = new Random(KMeans.RunSeed(kmeans.Seed, 8100 + b));
            var data = new double[n * d];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    data[(i * d) + j] = low[j] + ((high[j] - low[j]) * random.NextDouble());
                }
            }

            _references[b] = new FeatureMatrix(data, d);
        }
    }

    /// <summary>True when the gap is computed on all rows of the data (so the data's W_k is the selection's own inertia).</summary>
    public bool OnAllRows(FeatureMatrix x) => _sample.Rows == x.Rows;

    /// <summary>Gap(k) and s(k); <paramref name="inertia"/> is W_k of the data when already known (<see cref="OnAllRows"/>).</summary>
    public (double Gap, double Error) Score(int k, double? inertia = null)
    {
        var settings = _kmeans with { NClusters = k };
        double logW = Math.Log(inertia ?? new KMeans(settings).Fit(_sample).Inertia);
        var logs = new double[_references.Length];
        for (int b = 0; b < logs.Length; b++)
        {
            logs[b] = Math.Log(new KMeans(settings).Fit(_references[b]).Inertia);
        }

        double mean = logs.Average();
        double sd = Math.Sqrt(logs.Sum(v => (v - mean) * (v - mean)) / logs.Length);
        return (mean - logW, sd * Math.Sqrt(1 + (1.0 / logs.Length)));
    }
}
