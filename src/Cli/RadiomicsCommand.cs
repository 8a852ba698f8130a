using System.CommandLine;
using Radiomics.Cli.Commands;
using Spectre.Console;

namespace Radiomics.Cli;

/// <summary>The <c>radiomics</c> command and its sub-commands; each sub-command lives in its own file under Commands/.</summary>
public static class RadiomicsCommand
{
    public static RootCommand Create(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = new RootCommand("Longitudinal radiomics and tumour habitat imaging: IBSI features, registration, delta-radiomics and habitats.")
        {
            InfoCommand.Create(console),
            DemoCommand.Create(console),
            ExtractCommand.Create(console),
            HabitatsCommand.Create(console),
            StudyCommand.Create(console),
            MergeCommand.Create(console),
            DeltaCommand.Create(console),
            RegisterCommand.Create(console),
            PropagateCommand.Create(console),
            ConvertCommand.Create(console),
            DicomCommand.Create(console),
        };
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>: results on <paramref name="console"/>, errors on <paramref name="error"/>.</summary>
    public static int Invoke(string[] args, IAnsiConsole console, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        CommandAction.Error = error;
        return Create(console).Parse(args).Invoke(new InvocationConfiguration { Error = error });
    }
}
