namespace Radiomics.Habitats.Clustering;

/// <summary>
/// Splits rows into fixed-size chunks processed in parallel. Each chunk writes its partial sums to its own slot and
/// the slots are added in chunk order, so results are bit-identical whatever the number of threads.
/// </summary>
internal static class RowChunks
{
    /// <summary>Rows per chunk: large enough to amortise scheduling, small enough to balance two to many cores.</summary>
    public const int Size = 2048;

    public static int Count(int rows) => (rows + Size - 1) / Size;

    public static (int Start, int End) Range(int chunk, int rows) => (chunk * Size, Math.Min(rows, (chunk + 1) * Size));

    public static ParallelOptions Options(int maxDegreeOfParallelism) =>
        new() { MaxDegreeOfParallelism = maxDegreeOfParallelism <= 0 ? -1 : maxDegreeOfParallelism };

    /// <summary>Runs <paramref name="body"/>(chunk, start, end) for every chunk.</summary>
    public static void For(int rows, int maxDegreeOfParallelism, Action<int, int, int> body)
    {
        int chunks = Count(rows);
        if (chunks == 1 || maxDegreeOfParallelism == 1)
        {
            for (int c = 0; c < chunks; c++)
            {
                var (s, e) = Range(c, rows);
                body(c, s, e);
            }

            return;
        }

        Parallel.For(0, chunks, Options(maxDegreeOfParallelism), c =>
        {
            var (s, e) = Range(c, rows);
            body(c, s, e);
        });
    }

    /// <summary>Sum of one double per chunk, added in chunk order.</summary>
    public static double Sum(int rows, int maxDegreeOfParallelism, Func<int, int, double> partial)
    {
        var parts = new double[Count(rows)];
        For(rows, maxDegreeOfParallelism, (c, s, e) => parts[c] = partial(s, e));
        double total = 0;
        foreach (var p in parts)
        {
            total += p;
        }

        return total;
    }
}
