namespace Radiomics.Numerics;

/// <summary>The body of a row loop with a pooled scratch span (<see cref="ParallelRows.For{T}(int, int, Parallelism, int, RowAction{T})"/>).</summary>
public delegate void RowAction<T>(int index, Span<T> scratch);
