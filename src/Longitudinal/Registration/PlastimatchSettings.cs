namespace Radiomics.Longitudinal.Registration;

/// <summary>Settings of <see cref="PlastimatchRegistration"/>, the optional backend that runs <c>plastimatch register</c>.</summary>
public sealed record PlastimatchSettings
{
    /// <summary>plastimatch executable (a name on PATH or a path).</summary>
    public string Plastimatch { get; init; } = "plastimatch";

    /// <summary>
    /// A plastimatch command file whose <c>[STAGE]</c> sections are run (its <c>[GLOBAL]</c> section is replaced by the
    /// images and outputs of the run). Null (default): <see cref="PlastimatchParameters.Stages"/>, a centre alignment,
    /// an affine stage and three B-spline stages with mean squares.
    /// </summary>
    public string? ParameterFile { get; init; }

    /// <summary>Threads plastimatch may use (OpenMP; default: all cores).</summary>
    public int NumberOfThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>Keep plastimatch's working folder (command file, log) here; null: a temporary folder, deleted after the run.</summary>
    public string? WorkingDirectory { get; init; }
}
