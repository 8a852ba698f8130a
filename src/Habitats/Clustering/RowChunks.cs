using Radiomics.Numerics;

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

    /// <summary>Runs <paramref name="body"/>(chunk, start, end) for every chunk, through <see cref="ParallelRows"/>.</summary>
    public static void For(int rows, Parallelism parallelism, Action<int, int, int> body) =>
        ParallelRows.For(0, Count(rows), parallelism, c =>
        {
            var (s, e) = Range(c, rows);
            body(c, s, e);
        });

    /// <summary>Sum of one double per chunk, added in chunk order.</summary>
    public static double Sum(int rows, Parallelism parallelism, Func<int, int, double> partial)
    {
        var parts = new double[Count(rows)];
        For(rows, parallelism, (c, s, e) => parts[c] = partial(s, e));
        double total = 0;
        foreach (var p in parts)
        {
            total += p;
        }

        return total;
    }
}
