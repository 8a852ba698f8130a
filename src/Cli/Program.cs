using Radiomics.Cli;
using Spectre.Console;

return RadiomicsCommand.Invoke(args, AnsiConsole.Console, Console.Error);
