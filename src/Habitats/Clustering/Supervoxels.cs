namespace Radiomics.Habitats.Clustering;

/// <summary>
/// Supervoxels of one tumour, the first stage of two-stage habitats: k-means on each voxel's (standardised) features
/// joined by its scaled position. The distance is SLIC's (Achanta et al. 2012, in 3D):
/// D² = d_features² + (m · d_space / S)², with compactness m and expected supervoxel size S. Unlike SLIC, which seeds on
/// a regular grid and searches 2S around each centre, the assignment is global k-means with k-means++ seeding; that
/// costs more per iteration but needs no grid on the irregular region and is deterministic for a seed.
/// </summary>
public static class Supervoxels
{
    /// <param name="features">One row per voxel: its features in the clustering space (standardised).</param>
    /// <param name="positions">One row per voxel: its physical position (x, y, z) in mm.</param>
    /// <param name="voxelVolume">Volume of one voxel in mm³ (sets the expected supervoxel size).</param>
    /// <param name="settings">Supervoxel count, compactness and k-means effort.</param>
    /// <param name="seed">Seed of the k-means++ draws.</param>
    /// <param name="threads">Threads (0: all cores).</param>
    /// <returns>Supervoxels numbered 0..Count − 1 with no empty one; min(<see cref="SupervoxelSettings.Count"/>, rows) of them at most.</returns>
    public static SupervoxelPartition Compute(FeatureMatrix features, FeatureMatrix positions, double voxelVolume, SupervoxelSettings settings, int seed = 0, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (positions.Rows != features.Rows || positions.Columns != 3)
        {
            throw new ArgumentException($"Give one (x, y, z) position per feature row: {positions.Rows}×{positions.Columns} positions for {features.Rows} rows.", nameof(positions));
        }

        if (features.Rows == 0)
        {
            throw new ClusteringException(ClusteringProblem.EmptyInput, "A supervoxel partition needs at least one voxel.", nameof(features));
        }

        int n = features.Rows, d = features.Columns, w = d + 3;
        int count = Math.Min(settings.Count, n);
        double size = Math.Cbrt(n * voxelVolume / count);
        double weight = size > 0 ? settings.Compactness / size : 0;
        var joined = new double[n * w];
        for (int i = 0; i < n; i++)
        {
            var row = joined.AsSpan(i * w, w);
            features.Row(i).CopyTo(row);
            var p = positions.Row(i);
            for (int t = 0; t < 3; t++)
            {
                row[d + t] = p[t] * weight;
            }
        }

        int[] raw;
        if (count == 1)
        {
            raw = new int[n];
        }
        else
        {
            // Positions make rows distinct when the compactness is positive; on features alone there may be fewer
            // distinct rows than supervoxels, and then each distinct row is one.
            var x = new FeatureMatrix(joined, w);
            count = DistinctRows.CountUpTo(x, count);
            raw = count == 1 ? new int[n] : new KMeans(new KMeansSettings
            {
                NClusters = count,
                NInit = settings.NInit,
                MaxIter = settings.MaxIter,
                Seed = seed,
                MaxDegreeOfParallelism = threads,
            }).Fit(x).Labels.ToArray();
        }

        return Summarise(features, raw);
    }

    /// <summary>Renumbers the labels 0..m − 1 in order of first appearance (dropping empty clusters) and averages each one's features.</summary>
    private static SupervoxelPartition Summarise(FeatureMatrix features, int[] raw)
    {
        int d = features.Columns;
        var map = new Dictionary<int, int>();
        var labels = new int[raw.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            if (!map.TryGetValue(raw[i], out int s))
            {
                s = map.Count;
                map[raw[i]] = s;
            }

            labels[i] = s;
        }

        var sums = new double[map.Count * d];
        var sizes = new int[map.Count];
        for (int i = 0; i < labels.Length; i++)
        {
            int s = labels[i];
            sizes[s]++;
            var row = features.Row(i);
            var sum = sums.AsSpan(s * d, d);
            for (int t = 0; t < d; t++)
            {
                sum[t] += row[t];
            }
        }

        for (int s = 0; s < sizes.Length; s++)
        {
            var sum = sums.AsSpan(s * d, d);
            for (int t = 0; t < d; t++)
            {
                sum[t] /= sizes[s];
            }
        }

        return new SupervoxelPartition(labels, new FeatureMatrix(sums, d), sizes);
    }
}
