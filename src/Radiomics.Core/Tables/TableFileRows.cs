using System.Collections;

namespace Radiomics.Tables;

/// <summary>
/// The rows of a table file, read on first use: a cohort's large tables stay on disk until someone asks for their
/// rows, so a study's memory does not grow with its subjects. <see cref="Count"/> is known without reading (the writer
/// counted the rows); once read, the rows are kept.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
public sealed class TableFileRows<T> : IReadOnlyList<T>
{
    private readonly int _count;
    private readonly Lazy<IReadOnlyList<T>> _rows;

    /// <param name="path">The table file (read when the rows are first needed; a missing file is then an error).</param>
    /// <param name="count">How many rows the file holds.</param>
    /// <param name="read">The table's reader (e.g. <see cref="RecordTable.Read{T}(string, Func{TableRow, T})"/> with its row parser).</param>
    public TableFileRows(string path, int count, Func<string, IReadOnlyList<T>> read)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(read);
        Path = path;
        _count = count;
        _rows = new Lazy<IReadOnlyList<T>>(() => read(path));
    }

    /// <summary>The table file.</summary>
    public string Path { get; }

    /// <summary>Whether the rows have been read.</summary>
    public bool IsRead => _rows.IsValueCreated;

    /// <summary>The number of rows: the writer's count until the rows are read, then the rows read.</summary>
    public int Count => _rows.IsValueCreated ? _rows.Value.Count : _count;

    public T this[int index] => _rows.Value[index];

    public IEnumerator<T> GetEnumerator() => _rows.Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
