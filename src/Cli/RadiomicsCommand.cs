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
        MarkRequiredArguments(root);
        return root;
    }

    // Help lists options as "(REQUIRED)" but arguments without any mark; give required arguments the same mark.
    private static void MarkRequiredArguments(Command command)
    {
        foreach (var argument in command.Arguments)
        {
            if (argument.Arity.MinimumNumberOfValues > 0 && !argument.HasDefaultValue && argument.Description?.StartsWith("(REQUIRED)", StringComparison.Ordinal) != true)
            {
                argument.Description = $"(REQUIRED) {argument.Description}";
            }
        }

        foreach (var sub in command.Subcommands)
        {
            MarkRequiredArguments(sub);
        }
    }

    /// <summary>Console width when output is redirected: wide enough that no table row wraps.</summary>
    public const int RedirectedWidth = 32_767;

    /// <summary>
    /// Parses and runs <paramref name="args"/>: results on <paramref name="console"/>, errors on <paramref name="error"/>.
    /// Exit codes (<see cref="CommandAction"/>): 0 success, 1 bad input, 2 usage, 3 partial (<c>--keep-going</c> with failures).
    /// </summary>
    public static int Invoke(string[] args, IAnsiConsole console, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        CommandAction.Error = error;
        var parse = Create(console).Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Usage errors: one line each on standard error, then where to find the usage; nothing on standard output.
            foreach (var e in parse.Errors)
            {
                error.WriteLine($"error: {e.Message}");
            }

            error.WriteLine($"See '{string.Join(' ', ["radiomics", .. CommandPath(parse.CommandResult)])} --help' for usage.");
            return CommandAction.Usage;
        }

        // Help and version text go to the console (standard output), errors to the error writer.
        return parse.Invoke(new InvocationConfiguration { Output = console.Profile.Out.Writer, Error = error });
    }

    private static IEnumerable<string> CommandPath(System.CommandLine.Parsing.CommandResult? result)
    {
        var names = new List<string>();
        for (var r = result; r?.Parent is System.CommandLine.Parsing.CommandResult parent; r = parent)
        {
            names.Insert(0, r.Command.Name);
        }

        return names;
    }
}
