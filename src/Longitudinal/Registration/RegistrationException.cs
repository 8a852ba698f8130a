namespace Radiomics.Longitudinal.Registration;

/// <summary>The inputs of a registration are unusable; names the image or setting and what is wrong.</summary>
public sealed class RegistrationException : RadiomicsException
{
    public RegistrationException(RegistrationProblem problem, string message, string? paramName = null, Exception? inner = null)
        : base(message, inner)
    {
        Problem = problem;
        ParamName = paramName;
    }

    public RegistrationProblem Problem { get; }

    /// <summary>The argument or setting concerned, when one is.</summary>
    public string? ParamName { get; }
}
