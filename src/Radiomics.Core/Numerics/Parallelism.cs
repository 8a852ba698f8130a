namespace Radiomics.Numerics;

/// <summary>
/// How many threads a computation may use: the one parallelism setting of the toolkit (<see cref="Threads"/> 0 = all
/// cores, everywhere, including the command line's <c>--threads</c>), with an optional cancellation token.
/// </summary>
public readonly record struct Parallelism
{
    /// <param name="threads">0 for all cores, else the number of threads.</param>
    /// <exception cref="InvalidInputException"><paramref name="threads"/> is negative.</exception>
    public Parallelism(int threads)
    {
        if (threads < 0)
        {
            throw new InvalidInputException($"threads {threads}: give 0 (all cores) or a positive number of threads.");
        }

        Threads = threads;
    }

    /// <summary>All cores (the default).</summary>
    public static Parallelism AllCores => default;

    /// <summary>One thread: the loop runs inline.</summary>
    public static Parallelism Serial => new(1);

    /// <summary>0 for all cores, else the number of threads.</summary>
    public int Threads { get; }

    /// <summary>Stops the loops that run with this setting.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>The number of threads this setting stands for on this machine.</summary>
    public int DegreeOfParallelism => Threads == 0 ? Environment.ProcessorCount : Threads;

    /// <summary>A thread count as a setting (0 = all cores), so that settings records keep an <c>int</c>.</summary>
    /// <exception cref="InvalidInputException"><paramref name="threads"/> is negative.</exception>
    public static implicit operator Parallelism(int threads) => new(threads);

    /// <summary>The same setting as the task library's options.</summary>
    public ParallelOptions ToOptions() => new() { MaxDegreeOfParallelism = DegreeOfParallelism, CancellationToken = Cancellation };
}
