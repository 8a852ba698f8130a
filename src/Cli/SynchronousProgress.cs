namespace Radiomics.Cli;

/// <summary>
/// Reports on the calling thread, at once: <see cref="Progress{T}"/> posts to the thread pool, which would update
/// Spectre progress bars out of order and after the work has finished.
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
