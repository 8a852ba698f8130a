using Spectre.Console;

namespace Radiomics.Cli;

/// <summary>
/// Runs a command body and turns the toolkit's typed errors (and the operating system's file errors) into one line on
/// standard error and a non-zero exit code. Anything else is a programming error and propagates with its stack trace.
/// </summary>
internal static class CommandAction
{
    public const int Success = 0;
    public const int Failure = 1;

    private static readonly AsyncLocal<TextWriter?> ErrorWriter = new();

    /// <summary>Where error lines go: standard error unless <see cref="RadiomicsCommand.Invoke"/> was given a writer.</summary>
    public static TextWriter Error
    {
        get => ErrorWriter.Value ?? Console.Error;
        set => ErrorWriter.Value = value;
    }

    public static int Run(IAnsiConsole console, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (IsReportable(e))
        {
            Error.WriteLine($"error: {e.Message}");
            return Failure;
        }
    }

    // ArgumentException and InvalidDataException are still thrown for bad input by some library entry points;
    // they are reported until every such site throws a RadiomicsException subclass.
    private static bool IsReportable(Exception e) =>
        e is RadiomicsException or IOException or UnauthorizedAccessException or InvalidDataException
        || (e is ArgumentException && e is not ArgumentNullException);
}
