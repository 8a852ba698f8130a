namespace Radiomics;

/// <summary>
/// An argument given to a public entry point (a command-line option, a workflow input) is outside what the toolkit
/// accepts: a negative thread count, a grid spacing of zero, more habitats than 255, an ID that is not a plain name.
/// </summary>
public sealed class InvalidInputException : RadiomicsException
{
    /// <param name="message">What is wrong, in plain words, naming the argument or option (e.g. "--threads -3: …").</param>
    public InvalidInputException(string message)
        : base(message)
    {
    }
}
