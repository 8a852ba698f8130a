namespace Radiomics;

/// <summary>
/// The one root of the toolkit's own errors: input, settings or files that cannot be used, described in plain words
/// together with what they concern (the file, manifest line, subject and time point, or option).
/// </summary>
/// <remarks>
/// Anything that is not a <see cref="RadiomicsException"/> (or an operating-system I/O error) is a programming error:
/// the command line reports these in one line and lets everything else crash with its stack trace.
/// </remarks>
public abstract class RadiomicsException : Exception
{
    protected RadiomicsException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
