using Spectre.Console;

namespace Radiomics.Cli.Tests;

/// <summary>Runs the radiomics command in-process with its output captured.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output) Run(params string[] args)
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
        int code = RadiomicsCommand.Create(console).Parse(args).Invoke();
        return (code, writer.ToString());
    }
}
