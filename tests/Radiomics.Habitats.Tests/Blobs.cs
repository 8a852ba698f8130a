using Radiomics.Habitats.Clustering;

namespace Radiomics.Habitats.Tests;

/// <summary>Gaussian blobs around given centres: the test data of the clustering tests.</summary>
internal static class Blobs
{
    public static (FeatureMatrix X, int[] Truth) Create(double[][] centres, int perCluster, double sd, int seed)
    {
        var random = new Random(seed);
        int d = centres[0].Length;
        var data = new double[centres.Length * perCluster * d];
        var truth = new int[centres.Length * perCluster];
        int row = 0;
        for (int c = 0; c < centres.Length; c++)
        {
            for (int i = 0; i < perCluster; i++, row++)
            {
                truth[row] = c;
                for (int t = 0; t < d; t++)
                {
                    data[(row * d) + t] = centres[c][t] + (sd * Gaussian(random));
                }
            }
        }

        return (new FeatureMatrix(data, d), truth);
    }

    /// <summary>Well separated: centres 10 apart, unit spread.</summary>
    public static (FeatureMatrix X, int[] Truth) Separated(int k, int d, int perCluster, int seed)
    {
        var centres = new double[k][];
        for (int c = 0; c < k; c++)
        {
            centres[c] = new double[d];
            centres[c][c % d] = 10.0 * (1 + (c / d));
        }

        return Create(centres, perCluster, 1.0, seed);
    }

    public static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>The rows of sklearn_blobs.csv and their true labels.</summary>
    public static (FeatureMatrix X, int[] Truth) SklearnFixture()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sklearn_blobs.csv")).Skip(1).ToArray();
        var data = new double[lines.Length * 3];
        var truth = new int[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(',');
            for (int t = 0; t < 3; t++)
            {
                data[(i * 3) + t] = double.Parse(parts[t], System.Globalization.CultureInfo.InvariantCulture);
            }

            truth[i] = (int)double.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture);
        }

        return (new FeatureMatrix(data, 3), truth);
    }
}
