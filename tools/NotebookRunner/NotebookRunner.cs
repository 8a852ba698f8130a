using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Radiomics.Notebooks;

/// <summary>
/// Runs a notebook's C# cells in order in one Roslyn scripting session, as Polyglot's C# kernel does: declarations
/// carry over between cells, <c>#r "X.dll"</c> references assemblies, <c>display(value)</c> and a cell's last
/// expression become outputs, console output is captured. Markdown and other kernels' cells are kept but not run.
/// Stops at the first cell that fails to compile or throws and reports its number.
/// </summary>
public static partial class NotebookRunner
{
    private static readonly string[] DefaultImports =
        ["System", "System.IO", "System.Linq", "System.Collections.Generic", "System.Text", "System.Threading.Tasks"];

    private static readonly SemaphoreSlim ConsoleLock = new(1, 1);

    public static async Task<NotebookRunResult> RunAsync(Notebook notebook, NotebookRunSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        settings ??= new NotebookRunSettings();
        string folder = Path.GetDirectoryName(notebook.Path) ?? Directory.GetCurrentDirectory();
        var options = ScriptOptions.Default
            .WithMetadataResolver(new ToolkitMetadataResolver(folder, settings.AssemblyDirectories))
            .WithSourceResolver(new SourceFileResolver([], folder))
            .WithReferences(typeof(NotebookGlobals).Assembly)
            .WithImports(DefaultImports)
            .WithFilePath(notebook.Path)
            .WithEmitDebugInformation(false);

        // Cells see the notebook's folder as current directory and write to a captured console; both are
        // process-wide, so notebooks run one at a time.
        await ConsoleLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        string previousDirectory = Directory.GetCurrentDirectory();
        var (previousOut, previousError) = (Console.Out, Console.Error);
        try
        {
            Directory.SetCurrentDirectory(settings.WorkingDirectory ?? folder);
            return await RunCellsAsync(notebook, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
            Directory.SetCurrentDirectory(previousDirectory);
            ConsoleLock.Release();
        }
    }

    private static async Task<NotebookRunResult> RunCellsAsync(Notebook notebook, ScriptOptions options, CancellationToken cancellationToken)
    {
        var globals = new NotebookGlobals();
        var results = new List<CellResult>(notebook.Cells.Count);
        ScriptState<object>? state = null;
        int executionCount = 0;
        foreach (var cell in notebook.Cells)
        {
            if (cell.Kind != CellKind.CSharp)
            {
                results.Add(new CellResult(cell, null, []));
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            executionCount++;
            globals.Clear();
            globals.Stdout = new StringWriter();
            globals.Stderr = new StringWriter();
            Console.SetOut(globals.Stdout);
            Console.SetError(globals.Stderr);
            NotebookCellException? failure = null;
            try
            {
                string code = CellCode(notebook, cell);
                state = state is null
                    ? await CSharpScript.RunAsync(code, options, globals, typeof(NotebookGlobals), cancellationToken).ConfigureAwait(false)
                    : await state.ContinueWithAsync(code, options, cancellationToken).ConfigureAwait(false);
                globals.FlushConsole();
                globals.Add(DisplayFormatter.Format(state.ReturnValue, isResult: true));
            }
            catch (CompilationErrorException e)
            {
                failure = new NotebookCellException(notebook.Path, cell.Number, "does not compile:\n" + string.Join("\n", e.Diagnostics.Select(Describe)), e);
            }
            catch (NotebookCellException e)
            {
                failure = e;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failure = new NotebookCellException(notebook.Path, cell.Number, $"{e.GetType().FullName}: {e.Message}", e);
            }

            globals.FlushConsole();
            if (failure is not null)
            {
                globals.Add(new CellOutput.Error(failure.InnerException?.GetType().Name ?? nameof(NotebookCellException), failure.Message));
            }

            results.Add(new CellResult(cell, executionCount, [.. globals.Outputs]));
            if (failure is not null)
            {
                return new NotebookRunResult(notebook, [.. results, .. notebook.Cells.Skip(results.Count).Select(c => new CellResult(c, null, []))], failure);
            }
        }

        return new NotebookRunResult(notebook, results, null);
    }

    /// <summary>The C# of a cell without its magic lines; NuGet references are refused with advice.</summary>
    private static string CellCode(Notebook notebook, NotebookCell cell)
    {
        var code = new StringBuilder(cell.Source.Length);
        foreach (var line in cell.Source.Split('\n'))
        {
            string trimmed = line.TrimStart();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                // Magic commands (#!csharp, #!time, ...) are Polyglot's, not C#; keep the line count for diagnostics.
                code.Append('\n');
                continue;
            }

            if (NuGetReference().IsMatch(trimmed))
            {
                throw new NotebookCellException(
                    notebook.Path, cell.Number, $"NuGet references ({trimmed.TrimEnd()}) are not supported by the runner; reference built assemblies with #r \"path/to.dll\".");
            }

            code.Append(line).Append('\n');
        }

        return code.ToString();
    }

    private static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return $"  ({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Severity.ToString().ToLowerInvariant()} {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    [GeneratedRegex("^#r\\s+\"nuget:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NuGetReference();
}
