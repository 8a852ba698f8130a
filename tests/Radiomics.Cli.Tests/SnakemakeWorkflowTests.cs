using System.Diagnostics;
using System.Text.RegularExpressions;
using Radiomics.Imaging;
using Radiomics.Longitudinal.Study;
using Radiomics.Synthetic;
using Radiomics.Tables;
using Radiomics.TestSupport;

namespace Radiomics.Cli.Tests;

/// <summary>The Snakemake workflow (workflow/Snakefile) run for real on a small synthetic cohort, against a single-process study.</summary>
public class SnakemakeWorkflowTests
{
    private static readonly string Snakefile = Path.Combine(SharedData.RepositoryRoot ?? ".", "workflow", "Snakefile");

    /// <summary>The radiomics CLI built beside the tests, as the workflow's <c>radiomics</c> command.</summary>
    private static readonly string Radiomics = $"dotnet {Path.Combine(AppContext.BaseDirectory, "radiomics.dll")}";

    [SnakemakeFact]
    public void Workflow_tables_equal_a_single_process_study_and_a_killed_run_finishes_only_what_is_missing()
    {
        using var tmp = new TempDirectory();
        var (manifest, _) = SyntheticCohort.Write(
            new SyntheticCohortSettings { Subjects = 2, TimePoints = 2, Scan = new SyntheticScanSettings { Size = new Size3(64, 64, 24), Spacing = new Vec3(1.5, 1.5, 3) } },
            tmp.File("data"));
        var single = tmp.File("single");
        var (code, output) = CliRunner.Run("study", manifest, "-o", single, "--threads", "2");
        Assert.True(code == 0, output);

        // First run, killed (the whole process tree, as a lost node would be) as soon as one subject has finished.
        var workflow = tmp.File("workflow");
        var done = new[] { "P01", "P02" }.ToDictionary(s => s, s => Path.Combine(workflow, "subjects", s, "done.json"));
        var firstLog = new System.Text.StringBuilder();
        using (var first = Start(tmp.Path, manifest, workflow, firstLog, []))
        {
            while (!first.HasExited && !done.Values.Any(File.Exists))
            {
                Thread.Sleep(50);
            }

            Assert.False(first.HasExited && first.ExitCode != 0, $"snakemake failed:\n{firstLog}");
            first.Kill(entireProcessTree: true);
            first.WaitForExit();
        }

        // A killed Snakemake leaves its lock; --unlock releases it, as after a lost login session.
        var (unlocked, unlockLog) = Snakemake(tmp.Path, manifest, workflow, "--unlock");
        Assert.True(unlocked == 0, unlockLog);

        var finishedBefore = done.Where(d => File.Exists(d.Value)).ToDictionary(d => d.Key, d => File.GetLastWriteTimeUtc(d.Value));
        Assert.NotEmpty(finishedBefore);
        var modelStamp = File.GetLastWriteTimeUtc(Path.Combine(workflow, "habitat_model.json"));

        // The rerun finishes only what is missing: finished subjects and the habitat model are not touched.
        var (exit, log) = Snakemake(tmp.Path, manifest, workflow, "--rerun-incomplete");
        Assert.True(exit == 0, log);
        foreach (var (subject, stamp) in finishedBefore)
        {
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(done[subject]));
        }

        Assert.Equal(modelStamp, File.GetLastWriteTimeUtc(Path.Combine(workflow, "habitat_model.json")));
        Assert.All(done.Values, path => Assert.True(File.Exists(path), path));

        // Same rows as the single-process study, byte for byte.
        foreach (var table in new[] { "features.csv", "features_wide.csv", "deltas.csv", "habitat_transitions.csv", "habitat_model.json" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(single, table)), File.ReadAllText(Path.Combine(workflow, table)));
        }

        var features = FeatureTable.ReadCsv(Path.Combine(workflow, "features.csv"));
        Assert.Equal(["P01", "P02"], features.Select(r => r.Subject).Distinct().Order());
        Assert.Contains(features, r => r.Family == "habitat" && r.TimePoint == "t1");

        // A subject that failed (its outputs removed, so the tables were never written): the dry run plans that
        // subject and the tables, nothing else. (Snakemake does not rebuild a missing intermediate file whose
        // downstream outputs are present, so the tables go too.)
        File.Delete(done["P02"]);
        File.Delete(Path.Combine(workflow, "features.csv"));
        var (dry, plan) = Snakemake(tmp.Path, manifest, workflow, "--dry-run");
        Assert.True(dry == 0, plan);
        Assert.Matches(new Regex(@"^subject\s+1\b", RegexOptions.Multiline), plan);
        Assert.Matches(new Regex(@"^tables\s+1\b", RegexOptions.Multiline), plan);
        Assert.DoesNotMatch(new Regex(@"^(validate|habitat_model)\s", RegexOptions.Multiline), plan);
        Assert.Contains("subjects/P02/done.json", plan, StringComparison.Ordinal);

        // The SLURM profile submits that subject and the tables with sbatch (here a stand-in that runs the job
        // script), with the profile's threads, memory and time per rule, and the tables come out the same.
        var bin = Directory.CreateDirectory(tmp.File("bin")).FullName;
        var calls = tmp.File("sbatch_calls.txt");
        File.WriteAllText(Path.Combine(bin, "sbatch"), $"#!/bin/bash\necho \"$@\" >> '{calls}'\nbash \"${{@: -1}}\" > /dev/null 2>&1 &\necho $!\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(bin, "sbatch"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var profile = Path.Combine(Path.GetDirectoryName(Snakefile)!, "profiles", "slurm");
        var (submitted, submitLog) = Snakemake(tmp.Path, manifest, workflow, ["--profile", profile], ("PATH", $"{bin}:{Environment.GetEnvironmentVariable("PATH")}"));
        Assert.True(submitted == 0, submitLog);
        var sbatch = File.ReadAllLines(calls);
        Assert.Equal(2, sbatch.Length);
        Assert.Contains(sbatch, c => c.Contains("--job-name=radiomics-subject", StringComparison.Ordinal) && c.Contains("--cpus-per-task=4", StringComparison.Ordinal)
            && c.Contains("--mem=8000", StringComparison.Ordinal) && c.Contains("--time=120", StringComparison.Ordinal));
        Assert.Contains(sbatch, c => c.Contains("--job-name=radiomics-tables", StringComparison.Ordinal));
        foreach (var table in new[] { "features.csv", "deltas.csv" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(single, table)), File.ReadAllText(Path.Combine(workflow, table)));
        }
    }

    private static Process Start(string directory, string manifest, string output, System.Text.StringBuilder log, string[] extra, (string Name, string Value)? environment = null)
    {
        var start = new ProcessStartInfo("snakemake")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (environment is { } variable)
        {
            start.Environment[variable.Name] = variable.Value;
        }

        // A profile sets the cores itself.
        string[] cores = extra.Contains("--profile") ? [] : ["--cores", "2"];
        foreach (var argument in (string[])["-s", Snakefile, .. cores, .. extra, "--config", $"manifest={manifest}", $"output={output}", $"radiomics={Radiomics}", "threads=2"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        void Append(object? sender, DataReceivedEventArgs e)
        {
            lock (log)
            {
                log.AppendLine(e.Data);
            }
        }

        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static (int ExitCode, string Output) Snakemake(string directory, string manifest, string output, params string[] extra) =>
        Snakemake(directory, manifest, output, extra, null);

    private static (int ExitCode, string Output) Snakemake(string directory, string manifest, string output, string[] extra, (string Name, string Value)? environment)
    {
        var log = new System.Text.StringBuilder();
        using var process = Start(directory, manifest, output, log, extra, environment);
        process.WaitForExit();
        lock (log)
        {
            return (process.ExitCode, log.ToString());
        }
    }
}
