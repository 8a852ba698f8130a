using System.Globalization;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Study;
using Radiomics.TestSupport;
using Xunit.Abstractions;

namespace Radiomics.Cli.Tests;

/// <summary>
/// Issue 15's multi-parametric visit: T2 (1 × 1 × 2 mm) and ADC (2 × 2 × 4 mm) of every visit, four habitats that
/// only the combination of both channels separates, a per-subject T2 gain, shifted follow-ups with changed fractions.
/// </summary>
public class MultiParametricStudyTests(ITestOutputHelper output)
{
    /// <summary>A small cohort: three subjects, baseline and one follow-up, a smaller field of view than the default.</summary>
    private static readonly SyntheticMultiChannelCohortSettings Cohort = new()
    {
        Subjects = 3,
        FollowUps = 1,
        FieldOfView = new Vec3(72, 72, 48),
        TumourRadius = (13, 17),
        Seed = 5,
    };

    [Fact]
    public void Study_with_default_settings_recovers_the_planted_habitats_and_one_channel_alone_does_not()
    {
        using var dir = new TempDirectory();
        string data = dir.File("data");
        var (manifest, truth) = SyntheticMultiChannelCohort.Write(Cohort, data);
        string study = dir.File("out");
        var (code, text) = CliRunner.Run("study", manifest, "-o", study, "-k", "4");
        Assert.True(code == 0, text);

        var scores = Scores(truth, data, study);
        output.WriteLine($"both channels: {string.Join(", ", scores.Select(s => s.ToString("F3", CultureInfo.InvariantCulture)))}; mean {scores.Average():F3}");
        Assert.All(scores, s => Assert.True(s >= 0.75, $"ARI {s:F3} on a scan (need ≥ 0.75 on every scan)"));
        Assert.True(scores.Average() >= 0.85, $"mean ARI {scores.Average():F3} (need ≥ 0.85)");

        // The maps lie on the reference (T2) grid, whatever grid the follow-up masks were drawn on.
        var t2 = ImageFile.ReadHeader(Path.Combine(data, "P01_t1_T2.nii.gz")).Geometry;
        Assert.True(ImageFile.ReadHeader(Path.Combine(study, "subjects", "P01", "maps", "t1_habitats.nii.gz")).Geometry.Matches(t2));

        // Features and deltas per channel.
        var features = File.ReadAllLines(Path.Combine(study, "features.csv"));
        Assert.StartsWith("subject,timepoint,region,channel,", features[0], StringComparison.Ordinal);
        Assert.Contains(features, l => l.StartsWith("P01,t0,tumour,ADC,original,", StringComparison.Ordinal));
        Assert.Contains(features, l => l.StartsWith("P01,t1,tumour,T2,original,", StringComparison.Ordinal));
        var deltas = File.ReadAllLines(Path.Combine(study, "deltas.csv"));
        Assert.StartsWith("subject,region,channel,", deltas[0], StringComparison.Ordinal);
        Assert.Contains(deltas, l => l.StartsWith("P02,tumour,ADC,", StringComparison.Ordinal));

        // The same study with one channel: each separates only two of the four habitats.
        File.WriteAllText(Path.Combine(data, "quick.yaml"), "families: [intensity_statistics]\n");
        foreach (var channel in new[] { "T2", "ADC" })
        {
            string single = Path.Combine(data, $"manifest_{channel}.csv");
            File.WriteAllLines(single, ["subject,timepoint,date,channel,image,mask", .. truth.Select(t =>
                $"{t.Subject},{t.TimePoint},{(t.TimePoint == "t0" ? 0 : 56)},{channel},{t.Subject}_{t.TimePoint}_{channel}.nii.gz,{t.Subject}_{t.TimePoint}_tumour_{channel}.nii.gz")]);
            string singleOut = dir.File($"out_{channel}");
            (code, text) = CliRunner.Run("study", single, "-o", singleOut, "-k", "4", "--no-registration", "-p", Path.Combine(data, "quick.yaml"));
            Assert.True(code == 0, text);
            var alone = Scores(truth, data, singleOut);
            output.WriteLine($"{channel} alone: mean {alone.Average():F3}");
            Assert.True(alone.Average() <= 0.6, $"{channel} alone scores a mean ARI of {alone.Average():F3}; it should separate only two habitats");
        }
    }

    [Fact]
    public void Habitats_command_clusters_co_registered_channels_given_with_channel()
    {
        using var dir = new TempDirectory();
        string data = dir.File("data");
        // Both channels on the T2 grid: `habitats` takes co-registered channels on the mask's grid.
        var (_, truth) = SyntheticMultiChannelCohort.Write(Cohort with { Subjects = 2, FollowUps = 0, AdcSpacing = Cohort.T2Spacing }, data);
        string[] Files(string suffix) => [.. truth.Select(t => Path.Combine(data, $"{t.Subject}_{t.TimePoint}_{suffix}.nii.gz"))];
        string folder = dir.File("out");
        var (code, text) = CliRunner.Run(["habitats", "--channel", $"T2={Files("T2")[0]}", Files("T2")[1], "--channel", $"ADC={Files("ADC")[0]}", Files("ADC")[1],
            "-m", .. Files("tumour_T2"), "-k", "4", "-o", folder]);
        Assert.True(code == 0, text);
        var model = Radiomics.Habitats.Model.HabitatModel.Load(Path.Combine(folder, "habitat_model.json"));
        Assert.Contains("T2.intensity", model.Channels);
        Assert.Contains("ADC.intensity", model.Channels);
        foreach (var t in truth)
        {
            var (ari, _) = PlantedHabitatScore.Compute(Path.Combine(data, t.HabitatMapPath), Path.Combine(folder, $"{t.Subject}_{t.TimePoint}_T2_habitats.nii.gz"));
            output.WriteLine($"habitats --channel, {t.Subject}: ARI {ari:F3}");
            Assert.True(ari >= 0.8, $"{t.Subject}: ARI {ari:F3}");
        }

        (code, text) = CliRunner.Run(["habitats", "--channel", $"T2={Files("T2")[0]}", "--channel", $"ADC={Files("ADC")[0]}", Files("ADC")[1], "-m", .. Files("tumour_T2"), "-o", dir.File("bad")]);
        Assert.NotEqual(0, code);
        Assert.Contains("--channel T2: 1 image(s) but 2 mask(s)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Habitats_command_registers_and_resamples_channels_on_other_grids_and_refuses_channels_that_do_not_overlap()
    {
        using var dir = new TempDirectory();
        string data = dir.File("data");
        // ADC on its own coarser grid (2 × 2 × 4 mm), masks on the T2 grid.
        var (_, truth) = SyntheticMultiChannelCohort.Write(Cohort with { Subjects = 2, FollowUps = 0 }, data);
        string[] Files(string suffix) => [.. truth.Select(t => Path.Combine(data, $"{t.Subject}_{t.TimePoint}_{suffix}.nii.gz"))];
        string folder = dir.File("out");
        var (code, text) = CliRunner.Run(["habitats", "--channel", $"T2={Files("T2")[0]}", Files("T2")[1], "--channel", $"ADC={Files("ADC")[0]}", Files("ADC")[1],
            "-m", .. Files("tumour_T2"), "-k", "4", "-o", folder]);
        Assert.True(code == 0, text);
        foreach (var t in truth)
        {
            var (ari, _) = PlantedHabitatScore.Compute(Path.Combine(data, t.HabitatMapPath), Path.Combine(folder, $"{t.Subject}_{t.TimePoint}_T2_habitats.nii.gz"));
            output.WriteLine($"habitats --channel, ADC on its own grid, {t.Subject}: ARI {ari:F3}");
            Assert.True(ari >= 0.8, $"{t.Subject}: ARI {ari:F3}");
        }

        // An ADC image whose header puts it a metre away from the T2 image.
        var adc = ImageFile.Read<float>(Files("ADC")[1]);
        string far = dir.File("far_adc.nii.gz");
        ImageFile.Write(new Image<float>(adc.Geometry.WithOrigin(adc.Geometry.Origin + new Vec3(1000, 0, 0)), adc.Voxels.ToArray()), far);
        (code, text) = CliRunner.Run(["habitats", "--channel", $"T2={Files("T2")[0]}", Files("T2")[1], "--channel", $"ADC={Files("ADC")[0]}", far,
            "-m", .. Files("tumour_T2"), "-k", "4", "-o", dir.File("bad"), "--no-channel-registration"]);
        Assert.NotEqual(0, code);
        Assert.Contains("far_adc.nii.gz", text, StringComparison.Ordinal);
        Assert.Contains("does not overlap", text, StringComparison.Ordinal);
    }

    /// <summary>The adjusted Rand index of every scan's written habitat map against the planted one (the map covering at least 90 % of the tumour).</summary>
    private static List<double> Scores(IReadOnlyList<SyntheticMultiChannelTruth> truth, string data, string study)
    {
        var scores = new List<double>();
        foreach (var t in truth)
        {
            var (ari, coverage) = PlantedHabitatScore.Compute(Path.Combine(data, t.HabitatMapPath), Path.Combine(study, "subjects", t.Subject, "maps", $"{t.TimePoint}_habitats.nii.gz"));
            Assert.True(coverage > 0.9, $"{t.Subject} {t.TimePoint}: the map covers {coverage:P0} of the tumour");
            scores.Add(ari);
        }

        return scores;
    }
}
