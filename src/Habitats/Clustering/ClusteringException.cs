namespace Radiomics.Habitats.Clustering;

/// <summary>Input or settings a clustering estimator cannot work with; names the argument and the problem.</summary>
public sealed class ClusteringException : RadiomicsException
{
    public ClusteringException(ClusteringProblem problem, string message, string? paramName = null)
        : base(message)
    {
        Problem = problem;
        ParamName = paramName;
    }

    public ClusteringProblem Problem { get; }

    /// <summary>The argument concerned, when one is.</summary>
    public string? ParamName { get; }
}
