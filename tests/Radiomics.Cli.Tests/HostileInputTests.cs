using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Study;
using Radiomics.TestSupport;

namespace Radiomics.Cli.Tests;

/// <summary>Hostile IDs, options and files at the command line: one typed 'error:' line, exit 1, nothing written outside -o.</summary>
public sealed class HostileInputTests
{
    [Theory]
    [InlineData("../../../escape_subject")]
    [InlineData("/tmp/escape_subject_abs")]
    [InlineData(".")]
    public void Study_refuses_a_subject_ID_that_is_a_path_and_writes_nothing(string hostile)
    {
        using var tmp = new TempDirectory();
        var (manifest, _) = SyntheticCohort.Write(
            new SyntheticCohortSettings { Subjects = 1, TimePoints = 2, VolumeChangePerInterval = [0.1], FollowUpMasksInManifest = true, Scan = new() { Size = new Size3(32, 32, 12) } },
            Path.Combine(tmp.Path, "data"));
        var lines = File.ReadAllLines(manifest).ToList();
        string subject = lines[1].Split(',')[0];
        lines.AddRange(lines.Skip(1).Select(l => hostile + l[subject.Length..]).ToList());
        File.WriteAllLines(manifest, lines);
        string output = Path.Combine(tmp.Path, "a", "b", "out");
        var before = Directory.EnumerateFileSystemEntries(tmp.Path, "*", SearchOption.AllDirectories).ToHashSet();

        var (code, _, error) = CliRunner.RunSplit("study", manifest, "-o", output, "--no-habitats", "--no-registration");

        Assert.Equal(1, code);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
        Assert.Contains($"subject ID '{hostile}'", error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(tmp.Path, "*", SearchOption.AllDirectories).ToHashSet());
        Assert.False(Directory.Exists("/tmp/escape_subject_abs"));
    }

    /// <summary>Option values the library checks (not the parser) are usage errors too, never a stack trace.</summary>
    [Theory]
    [InlineData("--subjects", "NOPE", "unknown subject(s) NOPE")]
    [InlineData("--shard", "3/2", "'3/2' is not a shard")]
    [InlineData("--shard", "abc", "'abc' is not a shard")]
    public void Study_option_values_checked_by_the_library_are_usage_errors(string option, string value, string expected)
    {
        using var tmp = new TempDirectory();
        var (manifest, _) = SyntheticCohort.Write(
            new SyntheticCohortSettings { Subjects = 1, TimePoints = 2, VolumeChangePerInterval = [0.1], FollowUpMasksInManifest = true, Scan = new() { Size = new Size3(24, 24, 8) } },
            Path.Combine(tmp.Path, "data"));

        var (code, output, error) = CliRunner.RunSplit("study", manifest, "-o", Path.Combine(tmp.Path, "out"), "--no-habitats", "--no-registration", option, value);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_with_no_subjects_is_a_usage_error()
    {
        using var tmp = new TempDirectory();
        var (code, _, error) = CliRunner.RunSplit("demo", "-o", tmp.Path, "--subjects", "0");
        Assert.Equal(2, code);
        Assert.Contains("at least one subject", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("study", "--threads", "-3")]
    [InlineData("study", "--grid-spacing", "0")]
    [InlineData("study", "--grid-spacing", "NaN")]
    [InlineData("study", "-k", "1")]
    [InlineData("habitats", "--threads", "-3")]
    [InlineData("habitats", "--radius", "-1")]
    [InlineData("register", "--threads", "-3")]
    [InlineData("register", "--grid-spacing", "-5")]
    public void Numeric_options_out_of_range_are_refused_naming_the_option(string command, string option, string value)
    {
        using var tmp = new TempDirectory();
        string image = tmp.File("image.nii.gz");
        var geometry = new ImageGeometry(new Size3(8, 8, 8), new Vec3(1, 1, 1), Vec3.Zero, Matrix3.Identity);
        var img = new ImageBuilder<float>(geometry);
        img.Voxels[100] = 5;
        ImageFile.Write(img.ToImage(), image);
        var mask = new ImageBuilder<byte>(geometry);
        mask.Voxels.Slice(64, 256).Fill(1);
        string maskPath = tmp.File("mask.nii.gz");
        ImageFile.Write(mask.ToImage(), maskPath);
        string manifest = tmp.File("m.csv");
        File.WriteAllLines(manifest, ["subject,timepoint,date,image,mask", $"P01,t0,day0,{image},{maskPath}", $"P01,t1,day10,{image},{maskPath}"]);
        string[] args = command switch
        {
            "study" => ["study", manifest, "-o", tmp.File("out"), option, value],
            "habitats" => ["habitats", "--images", image, "--masks", maskPath, "-o", tmp.File("out"), "-k", "2", option, value],
            _ => ["register", image, image, "-o", tmp.File("out"), option, value],
        };

        var (code, _, error) = CliRunner.RunSplit(args);

        Assert.Equal(2, code); // a usage error: the option's value, not a file
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
        Assert.Contains(option, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(tmp.File("out")) && Directory.EnumerateFiles(tmp.File("out"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task Info_on_a_FIFO_named_nii_fails_at_once_instead_of_waiting_for_a_writer()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var tmp = new TempDirectory();
        string fifo = tmp.File("fifo.nii");
        using (var p = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            p.WaitForExit();
        }

        // A timeout here means info blocked opening the FIFO.
        var (code, _, error) = await Task.Run(() => CliRunner.RunSplit("info", fifo)).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1, code);
        Assert.Contains("not a regular", error, StringComparison.Ordinal);
        Assert.Contains(fifo, error, StringComparison.Ordinal);
    }
}
