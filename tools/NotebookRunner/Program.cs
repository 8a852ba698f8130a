namespace Radiomics.Notebooks;

/// <summary>
/// <c>notebook-runner NOTEBOOK.ipynb [--output EXECUTED.ipynb] [--assemblies DIR]...</c>: runs the notebook's C#
/// cells; exit code 0 when all ran, 1 when a cell failed (its number is printed), 2 for usage or file errors.
/// </summary>
public static class Program
{
    public const string Usage = "usage: notebook-runner NOTEBOOK.ipynb [--output EXECUTED.ipynb] [--assemblies DIR]...";

    public static int Main(string[] args) => RunAsync(args, Console.Out, Console.Error).GetAwaiter().GetResult();

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string? notebookPath = null, output = null;
        var assemblies = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if ((arg is "--output" or "-o" or "--assemblies" or "-a") && i + 1 < args.Count)
            {
                string value = args[++i];
                if (arg is "--output" or "-o")
                {
                    output = value;
                }
                else
                {
                    assemblies.Add(value);
                }
            }
            else if (arg is "--help" or "-h")
            {
                await stdout.WriteLineAsync(Usage).ConfigureAwait(false);
                return 0;
            }
            else if (notebookPath is null && !arg.StartsWith('-'))
            {
                notebookPath = arg;
            }
            else
            {
                await stderr.WriteLineAsync($"unexpected argument '{arg}'\n{Usage}").ConfigureAwait(false);
                return 2;
            }
        }

        if (notebookPath is null)
        {
            await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        NotebookRunResult result;
        try
        {
            var notebook = Notebook.Load(notebookPath);
            result = await NotebookRunner.RunAsync(notebook, new NotebookRunSettings { AssemblyDirectories = assemblies }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NotebookFormatException or FileNotFoundException)
        {
            await stderr.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 2;
        }

        if (output is not null)
        {
            result.Save(output);
        }

        int ran = result.Cells.Count(c => c.ExecutionCount is not null);
        if (result.Failure is { } failure)
        {
            await stderr.WriteLineAsync(failure.Message).ConfigureAwait(false);
            return 1;
        }

        await stdout.WriteLineAsync($"{Path.GetFileName(notebookPath)}: {ran} C# cells ran" + (output is null ? "" : $", written to {output}")).ConfigureAwait(false);
        return 0;
    }
}
