namespace Radiomics.Habitats;

/// <summary>Reports on the calling thread; <see cref="Progress{T}"/> would post to the thread pool and reorder reports.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
