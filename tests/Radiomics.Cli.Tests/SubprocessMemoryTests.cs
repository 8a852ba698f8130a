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
        sys.stdout.write(f"{r.returncode}\n{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\n{time.monotonic() - t:.2f}\n{r.stdout.strip()}\n{r.stderr}")
        """;

    /// <summary>
    /// <c>info</c> streams the voxels, so it summarises the honest 2 GiB image with a 1 GiB budget; <c>extract</c> needs the
    /// image whole and refuses it before allocating. Either way the process stays far below 1 GiB.
    /// </summary>
    [DebianPythonFact]
    public void A_small_gzip_file_with_an_honest_2_GiB_header_is_summarised_or_refused_under_1_GiB_of_RSS()
    {
        using var tmp = new TempDirectory();
        string image = tmp.File("honest.nii.gz");
        HonestHeaderFile.WriteNiftiGzZeros(image, 1024, 1024, 511);

        var info = Run(image, "info", image, "--json");
        Assert.Equal(0, info.ExitCode);
        Assert.Contains("\"size\":[1024,1024,511]", info.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"min\":0,\"max\":0,\"mean\":0", info.Stdout, StringComparison.Ordinal);
        Assert.True(info.PeakKiB < 1 << 20, $"info: peak RSS {info.PeakKiB} KiB");

        var extract = Run(image, "extract", image, image, "-o", tmp.File("features.csv"));
        Assert.Equal(1, extract.ExitCode);
        Assert.Equal("", extract.Stdout);
        Assert.StartsWith("error:", extract.Stderr, StringComparison.Ordinal);
        Assert.Contains("honest.nii.gz", extract.Stderr, StringComparison.Ordinal);
        Assert.Contains("2 GiB", extract.Stderr, StringComparison.Ordinal);
        Assert.True(extract.PeakKiB < 1 << 20, $"extract: peak RSS {extract.PeakKiB} KiB");
        Assert.False(File.Exists(tmp.File("features.csv")));
    }

    /// <summary>NRRD (gzip) and MetaImage (zlib) stream too: <c>info</c> on their honest 2 GiB images stays far below 1 GiB.</summary>
    [DebianPythonFact]
    public void Info_streams_an_honest_2_GiB_nrrd_and_metaimage_under_1_GiB_of_RSS()
    {
        using var tmp = new TempDirectory();
        string nrrd = tmp.File("honest.nrrd");
        string mha = tmp.File("honest.mha");
        HonestHeaderFile.WriteNrrdGzZeros(nrrd, 1024, 1024, 511);
        HonestHeaderFile.WriteMhaZlibZeros(mha, 1024, 1024, 511);
        foreach (string image in new[] { nrrd, mha })
        {
            Assert.True(new FileInfo(image).Length < 4 << 20, $"{image} is {new FileInfo(image).Length} bytes");
            var info = Run(image, "info", image, "--json");
            Assert.True(info.ExitCode == 0, info.Stderr);
            Assert.Contains("\"size\":[1024,1024,511]", info.Stdout, StringComparison.Ordinal);
            Assert.Contains("\"min\":0,\"max\":0,\"mean\":0", info.Stdout, StringComparison.Ordinal);
            Assert.True(info.PeakKiB < 1 << 20, $"info {Path.GetFileName(image)}: peak RSS {info.PeakKiB} KiB");
        }
    }

    private (int ExitCode, long PeakKiB, string Stdout, string Stderr) Run(string image, params string[] arguments)
    {
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
        var (stdout, stderr) = (lines[3], lines[4]);
        output.WriteLine($"{arguments[0]}: {new FileInfo(image).Length / 1024} KiB file; exit {exitCode} after {lines[2]} s, peak RSS {peakKiB / 1024} MiB; {stdout.Trim()} {stderr.Trim()}");
        return (exitCode, peakKiB, stdout, stderr);
    }
}

/// <summary>A theory that needs Debian's Python to measure a child's peak RSS; skipped with a message when it is absent.</summary>
public sealed class DebianPythonFactAttribute : FactAttribute
{
    public DebianPythonFactAttribute()
    {
        if (!File.Exists(SubprocessMemoryTests.Python))
        {
            Skip = $"{SubprocessMemoryTests.Python} is not installed; .ci/run installs it with the python3-* packages.";
        }
    }
}
