using System.Text.Json;
using Radiomics.Habitats.Model;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Processing.Normalisation;
using Radiomics.TestSupport;

namespace Radiomics.Cli.Tests;

/// <summary>
/// The command-line gaps of issue 15: per-habitat IBSI features from <c>habitats</c> and <c>study</c>, <c>study -k
/// 2..6 --criterion</c> and <c>study --normalise</c>, on phantoms with three planted, clearly separated habitats
/// (means 20, 65 and 110, noise sd 5).
/// </summary>
public class HabitatFeaturesCliTests
{
    private static readonly HabitatPhantomSettings Phantom = new()
    {
        Size = new Size3(32, 32, 16), Radius = 13, SubRegions = [(20, 5), (65, 5), (110, 5)],
    };

    private static (string Image, string Mask) Write(TempDirectory dir, string name, int seed)
    {
        var (image, mask, _) = HabitatPhantom.Create(Phantom with { Seed = seed });
        string imagePath = dir.File($"{name}.nii.gz"), maskPath = dir.File($"{name}_mask.nii.gz");
        ImageFile.Write(image, imagePath);
        ImageFile.Write(mask, maskPath);
        return (imagePath, maskPath);
    }

    /// <summary>Three subjects with a baseline and a follow-up each, every scan with its mask.</summary>
    private static string Manifest(TempDirectory dir)
    {
        var lines = new List<string> { "subject,timepoint,date,image,mask" };
        for (int s = 1; s <= 3; s++)
        {
            foreach (var (tp, day) in new[] { ("t0", "day0"), ("t1", "day42") })
            {
                var (image, mask) = Write(dir, $"P{s}_{tp}", (10 * s) + (tp == "t0" ? 0 : 1));
                lines.Add($"P{s},{tp},{day},{image},{mask}");
            }
        }

        string path = dir.File("manifest.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static double Mean(HabitatFeatureTable table, string subject, string timePoint, int habitat) =>
        table.Habitat(habitat).Where(r => r.Subject == subject && r.TimePoint == timePoint).Value("Q4LE");

    [Fact]
    public void Habitats_writes_per_habitat_features_whose_means_are_the_planted_ones()
    {
        using var dir = new TempDirectory();
        var a = Write(dir, "patient1", 1);
        var b = Write(dir, "patient2", 2);
        string output = dir.File("out");
        var (code, text) = CliRunner.Run("habitats", "-i", a.Image, b.Image, "-m", a.Mask, b.Mask, "-k", "3", "-o", output);
        Assert.True(code == 0, text);
        var features = HabitatFeatureTable.ReadCsv(Path.Combine(output, "habitat_features.csv"));
        Assert.StartsWith("subject,timepoint,region,habitat,", File.ReadLines(Path.Combine(output, "habitat_features.csv")).First(), StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], features.Habitats);
        double[] planted = [20, 65, 110];
        foreach (var scan in new[] { "patient1", "patient2" })
        {
            for (int h = 1; h <= 3; h++)
            {
                Assert.InRange(Mean(features, scan, "", h), planted[h - 1] - 2, planted[h - 1] + 2);
            }
        }

        // Every IBSI family by default: texture and morphology per habitat too.
        Assert.Contains(features, r => r.Feature.Family == "glcm" && r.Habitat == 2);
        Assert.Contains(features, r => r.Feature.Family == "morphology" && r.Habitat == 3);
        Assert.Single(File.ReadAllLines(Path.Combine(output, "habitat_features_skipped.csv")));
        Assert.Contains("Per-habitat features", text, StringComparison.Ordinal);

        // A preset restricts the families; the switch turns them off (and removes the earlier table).
        (code, text) = CliRunner.Run("habitats", "-i", a.Image, "-m", a.Mask, "-k", "3", "-o", output, "--preset", "ibsi-config-A");
        Assert.True(code == 0, text);
        (code, text) = CliRunner.Run("habitats", "-i", a.Image, "-m", a.Mask, "-k", "3", "-o", output, "--no-habitat-features");
        Assert.True(code == 0, text);
        Assert.False(File.Exists(Path.Combine(output, "habitat_features.csv")));
    }

    [Fact]
    public void Study_chooses_the_planted_k_on_the_baselines_and_writes_per_habitat_features_and_deltas()
    {
        using var dir = new TempDirectory();
        string manifest = Manifest(dir);
        string chosen = dir.File("chosen");
        var (code, text) = CliRunner.Run("study", manifest, "-o", chosen, "--no-registration", "-k", "2..5", "--criterion", "calinski-harabasz", "-p", Families(dir));
        Assert.True(code == 0, text);

        var selection = File.ReadAllLines(Path.Combine(chosen, "k_selection.csv"));
        Assert.Equal("k,inertia,silhouette,calinski_harabasz,davies_bouldin,stability,gap,gap_error,chosen,criterion", selection[0]);
        Assert.Equal(5, selection.Length);
        var chosenRow = selection.Skip(1).Select(l => l.Split(',')).Single(p => p[8] == "1");
        Assert.Equal(("3", "CalinskiHarabasz"), (chosenRow[0], chosenRow[9]));
        Assert.Equal(3, HabitatModel.Load(Path.Combine(chosen, "habitat_model.json")).HabitatCount);
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(chosen, "study.json"))))
        {
            var k = json.RootElement.GetProperty("kSelection");
            Assert.Equal(3, k.GetProperty("chosen").GetInt32());
            Assert.Equal("2..5", k.GetProperty("range").GetString());
            Assert.Equal(4, k.GetProperty("scores").GetArrayLength());
        }

        // Per subject and study: the planted means per habitat at both time points.
        var study = HabitatFeatureTable.ReadCsv(Path.Combine(chosen, "habitat_features.csv"));
        var subject = HabitatFeatureTable.ReadCsv(Path.Combine(chosen, "subjects", "P2", "habitat_features.csv"));
        Assert.Equal(subject.ToList(), study.Subject("P2").ToList());
        double[] planted = [20, 65, 110];
        foreach (var s in new[] { "P1", "P2", "P3" })
        {
            foreach (var tp in new[] { "t0", "t1" })
            {
                for (int h = 1; h <= 3; h++)
                {
                    Assert.InRange(Mean(study, s, tp, h), planted[h - 1] - 2, planted[h - 1] + 2);
                }
            }
        }

        // Habitat-wise delta-radiomics: follow-up minus baseline of each habitat's mean.
        string deltas = Path.Combine(chosen, "habitat_deltas.csv");
        Assert.StartsWith("subject,region,habitat,", File.ReadLines(deltas).First(), StringComparison.Ordinal);
        var change = Tables.RecordTable.Read(deltas, r => (r.Text("subject"), r.Integer("habitat"), r.Text("ibsi_code"), r.Text("delta"), r.Number("value")))
            .Single(d => d is ("P1", 2, "Q4LE", "absolute", _));
        double expected = Mean(study, "P1", "t1", 2) - Mean(study, "P1", "t0", 2);
        Assert.Equal(expected, change.Item5, 9);

        // The same k given as a number: byte-identical tables (the range only chooses k).
        string fixedK = dir.File("fixed");
        (code, text) = CliRunner.Run("study", manifest, "-o", fixedK, "--no-registration", "-k", "3", "-p", Families(dir));
        Assert.True(code == 0, text);
        foreach (var table in new[] { "features.csv", "deltas.csv", "habitat_features.csv", "habitat_deltas.csv", "habitat_transitions.csv" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(chosen, table)), File.ReadAllText(Path.Combine(fixedK, table)));
        }

        Assert.False(File.Exists(Path.Combine(fixedK, "k_selection.csv")));

        // Off by switch: no per-habitat tables, the others unchanged.
        string off = dir.File("off");
        (code, text) = CliRunner.Run("study", manifest, "-o", off, "--no-registration", "-k", "3", "-p", Families(dir), "--no-habitat-features");
        Assert.True(code == 0, text);
        Assert.False(File.Exists(Path.Combine(off, "habitat_features.csv")));
        Assert.False(File.Exists(Path.Combine(off, "subjects", "P1", "habitat_features.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(fixedK, "features.csv")), File.ReadAllText(Path.Combine(off, "features.csv")));
    }

    [Fact]
    public void Study_normalise_sets_the_habitat_models_normalisation()
    {
        using var dir = new TempDirectory();
        string manifest = Manifest(dir);
        string none = dir.File("none"), nyul = dir.File("nyul");
        var (code, text) = CliRunner.Run("study", manifest, "-o", none, "--no-registration", "-k", "3", "--normalise", "none", "--no-habitat-features", "-p", Families(dir));
        Assert.True(code == 0, text);
        Assert.Null(HabitatModel.Load(Path.Combine(none, "habitat_model.json")).Training.Settings.Normalisation);

        (code, text) = CliRunner.Run("study", manifest, "-o", nyul, "--no-registration", "-k", "3", "--normalise", "nyul", "--no-habitat-features", "-p", Families(dir));
        Assert.True(code == 0, text);
        var normalisation = HabitatModel.Load(Path.Combine(nyul, "habitat_model.json")).Training.Settings.Normalisation;
        Assert.Equal(NormalisationMethod.Nyul, normalisation!.Method);
        Assert.NotNull(normalisation.StandardLandmarks);
    }

    [Theory]
    [InlineData("-k", "1..3")]
    [InlineData("-k", "5..2")]
    [InlineData("-k", "2..300")]
    [InlineData("--criterion", "best")]
    [InlineData("--normalise", "minmax")]
    public void Study_rejects_a_bad_k_range_criterion_or_normalisation_with_one_error_line(string option, string value)
    {
        using var dir = new TempDirectory();
        var (image, mask) = Write(dir, "p", 1);
        string manifest = dir.File("m.csv");
        File.WriteAllLines(manifest, ["subject,timepoint,date,image,mask", $"P1,t0,day0,{image},{mask}", $"P1,t1,day10,{image},{mask}"]);
        var (code, _, error) = CliRunner.RunSplit("study", manifest, "-o", dir.File("out"), "--no-registration", option, value);
        Assert.Equal(2, code); // a usage error: the option's value
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains(value, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.File("out"), "features.csv")));
    }

    /// <summary>A settings file with the first-order statistics only, to keep the studies quick.</summary>
    private static string Families(TempDirectory dir)
    {
        string path = dir.File("settings.yaml");
        File.WriteAllText(path, "families: [intensity_statistics, morphology]\n");
        return path;
    }
}
