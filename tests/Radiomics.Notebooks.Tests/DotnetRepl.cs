using System.Diagnostics;
using System.Text.Json;
using Radiomics.TestSupport;

namespace Radiomics.Notebooks.Tests;

/// <summary>
/// The real .NET Interactive C# kernel, headless: <c>dotnet repl --run NOTEBOOK --exit-after-run</c>, pinned with the
/// Microsoft.dotnet-interactive kernel in the repository's tool manifest (.config/dotnet-tools.json; <c>dotnet tool restore</c>,
/// which .ci/run calls). Nothing here compiles or runs cells itself, so what the kernel rejects fails here too.
/// </summary>
internal static class DotnetRepl
{
    private static readonly Lazy<string?> SkipReasonLazy = new(FindSkipReason);

    public static string RepositoryRoot => SharedData.RepositoryRoot ?? throw new InvalidOperationException("Toolkit.sln not found above the test binaries.");

    public static string NotebooksDirectory => Path.Combine(RepositoryRoot, "notebooks");

    /// <summary>Why notebooks cannot run here (the tool is not restored), or null.</summary>
    public static string? SkipReason => SkipReasonLazy.Value;

    /// <summary>Runs the notebook from <paramref name="workingDirectory"/> and returns the exit code, the console output and the executed notebook.</summary>
    public static Run Execute(string notebook, string workingDirectory, string executedPath, TimeSpan timeout)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(executedPath)!);
        File.Delete(executedPath);
        var (exit, output) = Dotnet(workingDirectory, timeout, "repl", "--run", notebook, "--exit-after-run", "--output-path", executedPath);
        JsonDocument? executed = File.Exists(executedPath) ? JsonDocument.Parse(File.ReadAllText(executedPath)) : null;
        return new Run(exit, output, executed);
    }

    /// <summary>Runs <c>dotnet ARGS</c> from <paramref name="workingDirectory"/>; the exit code and stdout followed by stderr.</summary>
    public static (int Exit, string Output) Dotnet(string workingDirectory, TimeSpan timeout, params string[] args) =>
        RunProcess("dotnet", workingDirectory, timeout, null, args);

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="args"/> (and extra environment variables); the exit code and stdout followed by stderr.</summary>
    public static (int Exit, string Output) RunProcess(string fileName, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish within {timeout.TotalMinutes} min.");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string? FindSkipReason()
    {
        var (exit, output) = Dotnet(RepositoryRoot, TimeSpan.FromMinutes(5), "tool", "restore");
        return exit == 0 ? null
            : $"The notebook kernel tools could not be restored (dotnet tool restore, .config/dotnet-tools.json): {output.Trim()}";
    }

    /// <summary>One run: dotnet repl's exit code and console output, and the executed notebook it wrote (null if none).</summary>
    public sealed record Run(int ExitCode, string Output, JsonDocument? Executed)
    {
        public IEnumerable<JsonElement> CodeCells => Executed is null ? []
            : Executed.RootElement.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code");

        public IEnumerable<JsonElement> Outputs => CodeCells.SelectMany(c => c.TryGetProperty("outputs", out var o) ? o.EnumerateArray() : []);

        /// <summary>The error outputs' names and values, one per line.</summary>
        public string Errors => string.Join("\n", Outputs.Where(o => o.GetProperty("output_type").GetString() == "error")
            .Select(o => $"{o.GetProperty("ename").GetString()}: {o.GetProperty("evalue").GetString()}"));

        /// <summary>The text/html outputs, each joined into one string.</summary>
        public IEnumerable<string> Html => Outputs
            .Where(o => o.TryGetProperty("data", out var d) && d.TryGetProperty("text/html", out _))
            .Select(o => o.GetProperty("data").GetProperty("text/html") is var h && h.ValueKind == JsonValueKind.Array
                ? string.Concat(h.EnumerateArray().Select(l => l.GetString())) : h.GetString() ?? "");
    }
}

/// <summary>A fact that needs the notebook kernel tools; skipped with a message saying how to get them.</summary>
public sealed class KernelFactAttribute : FactAttribute
{
    public KernelFactAttribute()
    {
        if (DotnetRepl.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that needs the notebook kernel tools; skipped with a message saying how to get them.</summary>
public sealed class KernelTheoryAttribute : TheoryAttribute
{
    public KernelTheoryAttribute()
    {
        if (DotnetRepl.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
