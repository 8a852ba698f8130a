namespace Radiomics.Habitats.Clustering;

/// <summary>Counts distinct rows, stopping as soon as enough are found (typically within the first few rows).</summary>
internal static class DistinctRows
{
    public static int CountUpTo(FeatureMatrix x, int limit)
    {
        var seen = new HashSet<int>(new RowComparer(x));
        for (int i = 0; i < x.Rows && seen.Count < limit; i++)
        {
            seen.Add(i);
        }

        return seen.Count;
    }

    private sealed class RowComparer(FeatureMatrix x) : IEqualityComparer<int>
    {
        public bool Equals(int a, int b) => x.Row(a).SequenceEqual(x.Row(b));

        public int GetHashCode(int row)
        {
            var hash = default(HashCode);
            foreach (var v in x.Row(row))
            {
                // +0.0 and −0.0 are the same point.
                hash.Add(v == 0 ? 0.0 : v);
            }

            return hash.ToHashCode();
        }
    }
}
