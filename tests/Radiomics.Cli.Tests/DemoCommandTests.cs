using Radiomics.Tables;
using Radiomics.TestSupport;

namespace Radiomics.Cli.Tests;

public class DemoCommandTests
{
    [Fact]
    public void Demo_runs_the_study_on_a_synthetic_cohort_and_matches_the_planted_truth()
    {
        using var tmp = new TempDirectory();
        var (code, output) = CliRunner.Run("demo", "-o", tmp.Path, "--subjects", "2", "--timepoints", "2");
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
