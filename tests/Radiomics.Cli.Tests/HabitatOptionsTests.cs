using Radiomics.TestSupport;

namespace Radiomics.Cli.Tests;

/// <summary>The k options of <c>habitats</c> and <c>study</c>: <c>--criterion</c> chooses k from a range, so with a fixed k it is an error, not ignored.</summary>
public class HabitatOptionsTests
{
    [Theory]
    [InlineData("habitats", "-k", "3", "--criterion", "silhouette")]
    [InlineData("study", "-k", "4", "--criterion", "gap")]
    public void Criterion_with_a_fixed_k_is_an_error_naming_both_options(params string[] arguments)
    {
        using var tmp = new TempDirectory();
        var (code, text) = CliRunner.Run([.. Inputs(arguments[0], tmp), .. arguments[1..]]);
        // An option at odds with another is a usage error (exit 2), like every InvalidInputException.
        Assert.Equal(2, code);
        Assert.Contains($"error: --criterion {arguments[4]} chooses k from a range, but -k {arguments[2]} fixes k; give a range such as -k 2..6, or leave out --criterion.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Criterion_with_the_study_default_k_says_the_k_is_the_default_and_a_range_passes_the_check()
    {
        using var tmp = new TempDirectory();
        var (code, text) = CliRunner.Run([.. Inputs("study", tmp), "--criterion", "calinski-harabasz"]);
        Assert.Equal(2, code);
        Assert.Contains("error: --criterion calinski-harabasz chooses k from a range, but -k 3 (the default) fixes k;", text, StringComparison.Ordinal);

        // With a range the criterion is taken: the run goes on to the (missing) manifest.
        (code, text) = CliRunner.Run([.. Inputs("study", tmp), "-k", "2..5", "--criterion", "calinski-harabasz"]);
        Assert.Equal(1, code);
        Assert.DoesNotContain("--criterion", text, StringComparison.Ordinal);
        Assert.Contains("manifest.csv", text, StringComparison.Ordinal);
    }

    /// <summary>The command and its inputs (files that need not exist: the options are checked before any is read).</summary>
    private static string[] Inputs(string command, TempDirectory tmp) => command == "habitats"
        ? ["habitats", "-i", tmp.File("scan.nii.gz"), "-m", tmp.File("scan_mask.nii.gz"), "-o", tmp.File("out")]
        : ["study", tmp.File("manifest.csv"), "-o", tmp.File("out")];
}
