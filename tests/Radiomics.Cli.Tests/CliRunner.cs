using Spectre.Console;

namespace Radiomics.Cli.Tests;

/// <summary>Runs the radiomics command in-process with its output captured.</summary>
internal static class CliRunner
{
    /// <summary>Runs the command; <c>Output</c> is standard output followed by standard error.</summary>
    public static (int ExitCode, string Output) Run(params string[] args)
    {
        var (code, stdout, stderr) = RunSplit(args);
        return (code, stdout + stderr);
    }

    public static (int ExitCode, string Output, string Error) RunSplit(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        var error = new StringWriter();
        int code = RadiomicsCommand.Invoke(args, console, error);
        return (code, writer.ToString(), error.ToString());
    }
}
