namespace Radiomics.Longitudinal.Registration;

/// <summary>Settings of <see cref="ElastixRegistration"/>, the optional backend that runs the elastix executables.</summary>
public sealed record ElastixSettings
{
    /// <summary>elastix executable (a name on PATH or a path).</summary>
    public string Elastix { get; init; } = "elastix";

    /// <summary>transformix executable (a name on PATH or a path).</summary>
    public string Transformix { get; init; } = "transformix";

    /// <summary>
    /// Parameter map files, applied in order (e.g. affine then B-spline). Empty (default): the built-in maps of
    /// <see cref="ElastixParameterMaps"/>, affine then B-spline with Mattes mutual information.
    /// </summary>
    public IReadOnlyList<string> ParameterFiles { get; init; } = [];

    /// <summary>Threads elastix may use (default: all cores).</summary>
    public int NumberOfThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>Keep elastix's working folder (logs, transform parameter files) here; null: a temporary folder, deleted after the run.</summary>
    public string? WorkingDirectory { get; init; }
}
