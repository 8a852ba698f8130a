namespace Radiomics.Habitats.Clustering;

/// <summary>Input or settings a clustering estimator cannot work with; names the argument and the problem.</summary>
/// <remarks>An <see cref="ArgumentException"/> so callers that validate arguments generically still catch it.</remarks>
public sealed class ClusteringException : ArgumentException
{
    public ClusteringException(ClusteringProblem problem, string message, string? paramName = null)
        : base(message, paramName)
    {
        Problem = problem;
    }

    public ClusteringProblem Problem { get; }
}
