namespace Radiomics.Longitudinal;

/// <summary>Reports on the calling thread, in order; <see cref="Progress{T}"/> would post to the thread pool and reorder reports.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
