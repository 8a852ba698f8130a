using System.CommandLine;
using Spectre.Console;

namespace Radiomics.Cli.Tests;

/// <summary>The command-line conventions every command shares: exit codes, errors on standard error only, option names.</summary>
public class ConventionsTests
{
    [Fact]
    public void A_missing_file_is_one_error_line_on_stderr_naming_it_and_nothing_on_stdout_with_exit_1()
    {
        var (code, stdout, stderr) = CliRunner.RunSplit("info", "/nonexistent.nii.gz");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: /nonexistent.nii.gz", line, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("info", "--no-such-option", "x.nii")]
    [InlineData("study")]
    [InlineData("study", "--dicom", "/pacs")]
    [InlineData("study", "manifest.csv", "--write-manifest", "m.csv")]
    [InlineData("no-such-command")]
    public void Usage_errors_go_to_stderr_with_exit_2(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.RunSplit(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains("--help' for usage.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_value_out_of_range_is_a_usage_error()
    {
        var (code, stdout, stderr) = CliRunner.RunSplit("study", "manifest.csv", "-o", "out", "-k", "1");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("-k 1", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_shows_required_arguments_as_required()
    {
        var (code, stdout, _) = CliRunner.RunSplit("info", "--help");
        Assert.Equal(0, code);
        Assert.Contains("(REQUIRED) Image file", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_names_clusters_and_threads_the_same_way()
    {
        var root = RadiomicsCommand.Create(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }));
        var all = Commands(root).SelectMany(c => c.Options.Select(o => (Command: c.Name, Option: o))).ToList();
        var clusters = all.Where(p => p.Option.Name == "--clusters" || p.Option.Aliases.Contains("-k")).ToList();
        Assert.NotEmpty(clusters);
        Assert.All(clusters, p => Assert.True(p.Option.Name == "--clusters" && p.Option.Aliases.Contains("-k"), $"{p.Command}: {p.Option.Name}"));
        var threads = all.Where(p => p.Option.Name == "--threads").ToList();
        Assert.NotEmpty(threads);
        Assert.All(threads, p =>
        {
            Assert.Contains("0: all cores", p.Option.Description, StringComparison.Ordinal);
            Assert.Equal(0, (int)p.Option.GetDefaultValue()!);
        });
    }

    private static IEnumerable<Command> Commands(Command c) => c.Subcommands.SelectMany(Commands).Prepend(c);
}
