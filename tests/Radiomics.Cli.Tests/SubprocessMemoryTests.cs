using System.Diagnostics;
using Radiomics.TestSupport;
using Xunit.Abstractions;

namespace Radiomics.Cli.Tests;

/// <summary>
/// The memory promise measured from outside, as a user's job scheduler sees it: the peak resident set of the
/// <c>radiomics</c> process, read by Python's <c>getrusage(RUSAGE_CHILDREN)</c> after it exits (in-process counters
/// cannot see the runtime's own memory).
/// </summary>
public sealed class SubprocessMemoryTests(ITestOutputHelper output)
{
    internal const string Python = "/usr/bin/python3";

    private const string PeakRss = """
        import resource, subprocess, sys, time
        t = time.monotonic()
        r = subprocess.run(sys.argv[1:], capture_output=True, text=True)
        sys.stdout.write(f"{r.returncode}\n{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\n{time.monotonic() - t:.2f}\n{len(r.stdout)}\n{r.stderr}")
        """;

    [DebianPythonTheory]
    [InlineData("info")]
    [InlineData("extract")]
    public void A_small_gzip_file_with_an_honest_2_GiB_header_is_refused_under_1_GiB_of_RSS(string command)
    {
        using var tmp = new TempDirectory();
        string image = tmp.File("honest.nii.gz");
        HonestHeaderFile.WriteNiftiGzZeros(image, 1024, 1024, 511);
        string[] arguments = command == "info" ? ["info", image] : ["extract", image, image, "-o", tmp.File("features.csv")];
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in (string[])["-c", PeakRss, "dotnet", Path.Combine(AppContext.BaseDirectory, "radiomics.dll"), .. arguments])
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["RADIOMICS_MEMORY_BUDGET"] = "1G";
        using var process = Process.Start(start)!;
        string report = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var lines = report.Split('\n', 5);
        int exitCode = int.Parse(lines[0], System.Globalization.CultureInfo.InvariantCulture);
        long peakKiB = long.Parse(lines[1], System.Globalization.CultureInfo.InvariantCulture);
        string stderr = lines[4];
        output.WriteLine($"{command}: {new FileInfo(image).Length / 1024} KiB file; exit {exitCode} after {lines[2]} s, peak RSS {peakKiB / 1024} MiB; {stderr.Trim()}");

        Assert.Equal(1, exitCode);
        Assert.Equal("0", lines[3]);
        Assert.StartsWith("error:", stderr, StringComparison.Ordinal);
        Assert.Contains("honest.nii.gz", stderr, StringComparison.Ordinal);
        Assert.Contains("2 GiB", stderr, StringComparison.Ordinal);
        Assert.True(peakKiB < 1 << 20, $"peak RSS {peakKiB} KiB");
        Assert.False(File.Exists(tmp.File("features.csv")));
    }
}

/// <summary>A theory that needs Debian's Python to measure a child's peak RSS; skipped with a message when it is absent.</summary>
public sealed class DebianPythonTheoryAttribute : TheoryAttribute
{
    public DebianPythonTheoryAttribute()
    {
        if (!File.Exists(SubprocessMemoryTests.Python))
        {
            Skip = $"{SubprocessMemoryTests.Python} is not installed; .ci/run installs it with the python3-* packages.";
        }
    }
}
