using Radiomics.Features;
using Radiomics.Habitats.Model;
using Radiomics.Imaging;
using Radiomics.Processing;
using Radiomics.Processing.Normalisation;

namespace Radiomics.Habitats.Tests.Model;

/// <summary><see cref="HabitatFeatures.Extract"/>: the IBSI extractor inside each habitat, per channel, small habitats skipped and reported.</summary>
public class HabitatFeaturesExtractTests
{
    private static readonly FeatureSettings Statistics = new() { Families = FeatureFamilies.IntensityStatistics };

    [Fact]
    public void Each_planted_habitat_has_its_planted_mean_and_the_exact_mean_of_its_voxels()
    {
        var (image, _, truth) = HabitatPhantom.Create();
        var (table, skipped) = HabitatFeatures.Extract([("", image)], truth, 3, Statistics, "P1", "t0", "tumour");
        Assert.Empty(skipped);
        Assert.Equal([1, 2, 3], table.Habitats);
        double[] planted = [20, 65, 110];
        double[] sd = [6, 25, 6];
        for (int h = 1; h <= 3; h++)
        {
            var rows = table.Habitat(h);
            Assert.All(rows, r => Assert.Equal(("P1", "t0", "tumour", ""), (r.Subject, r.TimePoint, r.Region, r.Channel)));
            double mean = rows.Value("Q4LE");
            var voxels = Enumerable.Range(0, image.Voxels.Length).Where(i => truth.Voxels[i] == h).Select(i => (double)image.Voxels[i]).ToList();
            Assert.Equal(voxels.Average(), mean, 6);
            // Within four standard errors of the planted mean.
            Assert.InRange(mean, planted[h - 1] - (4 * sd[h - 1] / Math.Sqrt(voxels.Count)), planted[h - 1] + (4 * sd[h - 1] / Math.Sqrt(voxels.Count)));
        }
    }

    [Fact]
    public void Every_channel_gets_its_rows_and_the_normalisation_runs_over_the_whole_tumour()
    {
        var (image, _, truth) = HabitatPhantom.Create();
        var doubled = new Image<float>(image.Geometry, [.. image.Voxels.ToArray().Select(v => 2 * v)]);
        var zScore = Statistics with { Normalisation = NormalisationSettings.ZScore(NormalisationRegion.Roi) };
        var (table, _) = HabitatFeatures.Extract([("T2", image), ("ADC", doubled)], truth, 3, zScore, "P1", "t0", "tumour");
        Assert.Equal(["ADC", "T2"], table.Select(r => r.Feature.Channel).Distinct().Order(StringComparer.Ordinal));
        // Over the whole tumour, the dark habitat lies below the tumour mean and the bright one above it (per-habitat
        // z-scores would make every mean 0); a channel scaled by 2 has the same z-scores.
        double Mean(string channel, int h) => table.Habitat(h).Where(r => r.Channel == channel).Value("Q4LE");
        Assert.True(Mean("T2", 1) < -0.8, $"{Mean("T2", 1)}");
        Assert.True(Mean("T2", 3) > 0.8, $"{Mean("T2", 3)}");
        Assert.Equal(Mean("T2", 1), Mean("ADC", 1), 4);
    }

    [Fact]
    public void An_empty_habitat_and_a_one_voxel_habitat_are_skipped_and_reported_not_an_error()
    {
        var (image, _, truth) = HabitatPhantom.Create();
        var labels = truth.Voxels.ToArray();
        int single = Array.IndexOf(labels, (byte)3);
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = labels[i] == 3 ? (byte)2 : labels[i];
        }

        labels[single] = 3;
        var habitats = new LabelMap(new Image<byte>(truth.Geometry, labels));
        // Resampled to 3 mm, a one-voxel habitat leaves no voxel: every family of it is skipped.
        var coarse = new FeatureSettings { Families = FeatureFamilies.IntensityStatistics | FeatureFamilies.Morphology, Resampling = new ResamplingSettings { Spacing = new Vec3(3, 3, 3) } };
        var (table, skipped) = HabitatFeatures.Extract([("", image)], habitats, 4, coarse, "P1", "t1", "tumour");
        Assert.Equal([1, 2], table.Habitats);
        Assert.Contains(skipped, s => s is { Habitat: 4, Voxels: 0, Family: "all" });
        var small = skipped.Where(s => s.Habitat == 3).ToList();
        Assert.Equal(["intensity_statistics", "morphology"], small.Select(s => s.Family).Order(StringComparer.Ordinal));
        Assert.All(small, s => Assert.Equal((1L, "P1", "t1"), (s.Voxels, s.Subject, s.TimePoint)));
        Assert.All(small, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
    }

    [Fact]
    public void The_table_round_trips_through_its_csv_with_a_habitat_column()
    {
        var (image, _, truth) = HabitatPhantom.Create(new HabitatPhantomSettings { Size = new Size3(24, 24, 12), Radius = 10 });
        var (table, _) = HabitatFeatures.Extract([("T2", image)], truth, 3, Statistics, "P1", "t0", "tumour");
        string path = Path.Combine(Path.GetTempPath(), $"habitat_features_{Guid.NewGuid():N}.csv");
        try
        {
            table.WriteCsv(path);
            Assert.StartsWith("subject,timepoint,region,channel,habitat,image_type,family,feature", File.ReadLines(path).First(), StringComparison.Ordinal);
            var back = HabitatFeatureTable.ReadCsv(path);
            Assert.Equal(table.ToList(), back.ToList());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
