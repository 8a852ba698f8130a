using Radiomics.Cli;
using Spectre.Console;

// Redirected to a file or a pipe, output is plain text without colours, and tables are never wrapped at the
// terminal's (assumed) 80 columns: each row stays on one line, whatever its length.
var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(Console.Out),
    });
    console.Profile.Width = RadiomicsCommand.RedirectedWidth;
}

return RadiomicsCommand.Invoke(args, console, Console.Error);
