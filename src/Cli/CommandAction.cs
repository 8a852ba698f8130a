using Spectre.Console;

namespace Radiomics.Cli;

/// <summary>
/// Runs a command body and turns the toolkit's typed errors (and the operating system's file errors) into one line on
/// standard error and a non-zero exit code. Anything else is a programming error and propagates with its stack trace.
/// </summary>
/// <remarks>
/// Exit codes: <see cref="Success"/> 0; <see cref="Failure"/> 1, bad input (a file, manifest or settings problem);
/// <see cref="Usage"/> 2, the command line itself (unknown or missing options, an option value out of range:
/// <see cref="InvalidInputException"/>); <see cref="Partial"/> 3, finished with <c>--keep-going</c> but some work failed.
/// </remarks>
internal static class CommandAction
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Partial = 3;

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
            Error.WriteLine($"error: {OneLine(e.Message)}");
            return e is InvalidInputException ? Usage : Failure;
        }
    }

    // One line per error, and without .NET's "(Parameter 'name')" suffix.
    private static string OneLine(string message)
    {
        int parameter = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (parameter > 0)
        {
            message = message[..parameter];
        }

        return string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    // The operating system's file errors name their file and are the user's to fix; every other input error is a
    // RadiomicsException. An ArgumentException here is a programming error and keeps its stack trace.
    private static bool IsReportable(Exception e) =>
        e is RadiomicsException or IOException or UnauthorizedAccessException;
}
