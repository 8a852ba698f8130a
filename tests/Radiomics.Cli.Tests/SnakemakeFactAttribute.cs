using System.Diagnostics;

namespace Radiomics.Cli.Tests;

/// <summary>
/// Runs where Snakemake is installed (Debian: apt-get install snakemake; <c>.ci/run</c> installs it). Skipped with a
/// message saying so elsewhere, unless <c>RADIOMICS_REQUIRE_SNAKEMAKE=1</c> (set by <c>.ci/run</c>): then a missing
/// Snakemake fails the test instead of skipping it.
/// </summary>
public sealed class SnakemakeFactAttribute : FactAttribute
{
    public SnakemakeFactAttribute()
    {
        if (!IsAvailable && Environment.GetEnvironmentVariable("RADIOMICS_REQUIRE_SNAKEMAKE") != "1")
        {
            Skip = "SNAKEMAKE IS NOT INSTALLED (apt-get install snakemake): the workflow test is skipped; CI installs it and requires it.";
        }
    }

    public static bool IsAvailable { get; } = Probe();

    private static bool Probe()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("snakemake", "--version") { RedirectStandardOutput = true, RedirectStandardError = true });
            if (process is null)
            {
                return false;
            }

            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
