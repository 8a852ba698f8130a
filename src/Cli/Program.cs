using Radiomics.Cli;
using Spectre.Console;

return RadiomicsCommand.Create(AnsiConsole.Console).Parse(args).Invoke();
