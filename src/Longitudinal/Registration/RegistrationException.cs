namespace Radiomics.Longitudinal.Registration;

/// <summary>The inputs of a registration are unusable; names the image or setting and what is wrong.</summary>
public sealed class RegistrationException : ArgumentException
{
    public RegistrationException(RegistrationProblem problem, string message, string? paramName = null, Exception? inner = null)
        : base(message, paramName, inner)
    {
        Problem = problem;
    }

    public RegistrationProblem Problem { get; }
}
