using Radiomics.Tables;
using Radiomics.TestSupport;

namespace Radiomics.Cli.Tests;

/// <summary>One demo run (2 patients × 2 scans) shared by the tests of its outputs.</summary>
public sealed class DemoRun : IDisposable
{
    private readonly TempDirectory _tmp = new();

    public DemoRun() => (ExitCode, Output) = CliRunner.Run("demo", "-o", _tmp.Path, "--subjects", "2", "--timepoints", "2");

    public string Path => _tmp.Path;

    public int ExitCode { get; }

    public string Output { get; }

    public void Dispose() => _tmp.Dispose();
}

/// <summary>A fact that needs headless Chromium (not plotly.js: the page embeds its own); skipped with a message otherwise.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.ChromiumSkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

public class DemoCommandTests(DemoRun run) : IClassFixture<DemoRun>
{
    [ChromiumFact]
    public void The_demo_report_draws_all_its_figures_in_headless_chromium_with_the_network_off()
    {
        Assert.True(run.ExitCode == 0, run.Output);
        string dom = HeadlessChromium.DumpDom(System.IO.Path.Combine(run.Path, "report.html"), TimeSpan.FromMinutes(3), offline: true);
        int figures = System.Text.RegularExpressions.Regex.Count(dom, "class=\"radiomics-figure");
        Assert.Equal(6, figures);
        Assert.DoesNotContain("data-plotly-error=\"", dom, StringComparison.Ordinal);
        Assert.Equal(figures, System.Text.RegularExpressions.Regex.Count(dom, "data-plotly-rendered=\"true\""));
        Assert.Contains("class=\"main-svg\"", dom, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_runs_the_study_on_a_synthetic_cohort_and_matches_the_planted_truth()
    {
        var (code, output) = (run.ExitCode, run.Output);
        var tmp = run;
        Assert.True(code == 0, output);
        foreach (var file in new[] { "features.csv", "features_wide.csv", "deltas.csv", "registration.csv", "habitat_transitions.csv", "study.json", "report.html", "habitat_model.json" })
        {
            Assert.True(File.Exists(Path.Combine(tmp.Path, file)), $"{file} missing; output:\n{output}");
        }

        Assert.Contains("2/2 follow-ups with volume change within 3 %", output, StringComparison.Ordinal);
        var features = FeatureTable.ReadCsv(Path.Combine(tmp.Path, "features.csv"));
        Assert.Equal(["P01", "P02"], features.Select(r => r.Subject).Distinct().Order());
        Assert.Contains(features, r => r.Family == "morphology" && r.TimePoint == "t1");
        string report = File.ReadAllText(Path.Combine(tmp.Path, "report.html"));
        Assert.Contains("<h2>Changes against the planted truth</h2>", report, StringComparison.Ordinal);

        // Volume trajectories, response waterfall, feature waterfall, habitat Sankey, habitat slice viewer, Jacobian map.
        foreach (var heading in new[] { "Tumour volume over time", "Response waterfall", "Largest feature changes", "Habitat transitions", "Habitats of P01 at baseline", "Registration of P01 t1" })
        {
            Assert.Contains($"<h3>{heading}</h3>", report, StringComparison.Ordinal);
        }

        Assert.Equal(6, System.Text.RegularExpressions.Regex.Count(report, "class=\"radiomics-figure\""));
        Assert.True(File.Exists(Path.Combine(tmp.Path, "subjects", "P01", "maps", "t1_jacobian.nii.gz")));
    }
}
