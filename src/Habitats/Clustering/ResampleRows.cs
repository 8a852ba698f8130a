namespace Radiomics.Habitats.Clustering;

/// <summary>Seeded draws of rows without replacement, kept in row order.</summary>
internal static class ResampleRows
{
    /// <summary><paramref name="count"/> distinct indices of 0..<paramref name="rows"/> − 1 (all when fewer), ascending.</summary>
    public static int[] Indices(int rows, int count, int seed)
    {
        var all = Enumerable.Range(0, rows).ToArray();
        if (count >= rows)
        {
            return all;
        }

        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            int j = i + random.Next(rows - i);
            (all[i], all[j]) = (all[j], all[i]);
        }

        var chosen = all[..count];
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>At most <paramref name="count"/> rows of <paramref name="x"/> (the matrix itself when it has no more).</summary>
    public static FeatureMatrix Sample(FeatureMatrix x, int count, int seed) => x.Rows <= count ? x : x.SelectRows(Indices(x.Rows, count, seed));
}
