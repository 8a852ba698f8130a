using System.Buffers;

namespace Radiomics.Numerics;

/// <summary>
/// The one parallel iterator of the toolkit: runs a row, slice or line body over an index range with a
/// <see cref="Parallelism"/> setting (inline when it allows one thread), with per-worker scratch buffers, and
/// reductions over a fixed set of chunks merged in index order, so that results never depend on the thread count.
/// </summary>
public static class ParallelRows
{
    /// <summary>Runs <paramref name="body"/> for every index in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static void For(int start, int end, Parallelism parallelism, Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (parallelism.DegreeOfParallelism == 1 || end - start <= 1)
        {
            for (int i = start; i < end; i++)
            {
                parallelism.Cancellation.ThrowIfCancellationRequested();
                body(i);
            }

            return;
        }

        Parallel.For(start, end, parallelism.ToOptions(), body);
    }

    /// <summary>
    /// Runs <paramref name="body"/> for every index in [<paramref name="start"/>, <paramref name="end"/>) with a scratch
    /// object that <paramref name="scratch"/> makes once per worker (a line buffer, say), never shared between threads.
    /// </summary>
    public static void For<TScratch>(int start, int end, Parallelism parallelism, Func<TScratch> scratch, Action<int, TScratch> body)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        ArgumentNullException.ThrowIfNull(body);
        if (parallelism.DegreeOfParallelism == 1 || end - start <= 1)
        {
            var buffer = scratch();
            for (int i = start; i < end; i++)
            {
                parallelism.Cancellation.ThrowIfCancellationRequested();
                body(i, buffer);
            }

            return;
        }

        Parallel.For(start, end, parallelism.ToOptions(), scratch, (i, _, buffer) =>
        {
            body(i, buffer);
            return buffer;
        }, _ => { });
    }

    /// <summary>
    /// Runs <paramref name="body"/> for every index in [<paramref name="start"/>, <paramref name="end"/>) with a scratch
    /// span of <paramref name="length"/> elements rented from <see cref="ArrayPool{T}.Shared"/> once per worker and
    /// returned when the loop ends (row coordinates, a line buffer): no per-row or per-slice allocation. The span's
    /// contents are left from the worker's previous row, never cleared.
    /// </summary>
    public static void For<T>(int start, int end, Parallelism parallelism, int length, RowAction<T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (parallelism.DegreeOfParallelism == 1 || end - start <= 1)
        {
            var buffer = ArrayPool<T>.Shared.Rent(length);
            try
            {
                for (int i = start; i < end; i++)
                {
                    parallelism.Cancellation.ThrowIfCancellationRequested();
                    body(i, buffer.AsSpan(0, length));
                }
            }
            finally
            {
                ArrayPool<T>.Shared.Return(buffer);
            }

            return;
        }

        Parallel.For(start, end, parallelism.ToOptions(), () => ArrayPool<T>.Shared.Rent(length), (i, _, buffer) =>
        {
            body(i, buffer.AsSpan(0, length));
            return buffer;
        }, buffer => ArrayPool<T>.Shared.Return(buffer));
    }

    /// <summary>
    /// A deterministic reduction: [0, <paramref name="count"/>) is cut into <paramref name="chunks"/> fixed chunks
    /// whatever the thread count, <paramref name="chunk"/> reduces each (start, end), and the partial results are
    /// merged in chunk order.
    /// </summary>
    public static T Reduce<T>(int count, int chunks, Parallelism parallelism, Func<int, int, T> chunk, Func<T, T, T> merge)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        ArgumentNullException.ThrowIfNull(merge);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        chunks = Math.Clamp(chunks, 1, Math.Max(1, count));
        var partial = new T[chunks];
        For(0, chunks, parallelism, c => partial[c] = chunk((int)((long)count * c / chunks), (int)((long)count * (c + 1) / chunks)));
        var total = partial[0];
        for (int c = 1; c < chunks; c++)
        {
            total = merge(total, partial[c]);
        }

        return total;
    }
}
