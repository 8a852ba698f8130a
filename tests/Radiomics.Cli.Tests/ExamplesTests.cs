using System.Diagnostics;

namespace Radiomics.Cli.Tests;

/// <summary>The example programs under examples/ still compile against the toolkit (they are file-based apps).</summary>
public class ExamplesTests
{
    private static string ExamplesFolder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Toolkit.sln")))
            {
                dir = dir.Parent;
            }

            return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("Toolkit.sln not found above the test binaries."), "examples");
        }
    }

    public static TheoryData<string> Examples => [.. Directory.GetFiles(ExamplesFolder, "*.cs").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_compiles(string example)
    {
        var start = new ProcessStartInfo("dotnet", ["build", Path.Combine(ExamplesFolder, example), "-v", "quiet", "-nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{example} does not compile:\n{await output}\n{await errors}");
    }
}
