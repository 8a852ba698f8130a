using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.Longitudinal.Delta;
using Radiomics.Longitudinal.Stability;
using Radiomics.Synthetic;
using Radiomics.Tables;

namespace Radiomics.Longitudinal.Tests.Stability;

public class StabilityTests
{
    private static FeatureRow Row(string subject, string repeat, string feature, double value) =>
        new(subject, repeat, "", "original", "f", feature, "", "", "", value);

    [Fact]
    public void Icc_of_repeats_matches_the_icc_of_the_matrix_and_filters_features()
    {
        // Shrout & Fleiss (1979) table 2, two "judges" taken as repeats: stable feature; a noisy one is not.
        double[,] ratings = { { 9, 2 }, { 6, 1 }, { 8, 4 }, { 7, 1 }, { 10, 5 }, { 6, 2 } };
        var rows = new List<FeatureRow>();
        for (int i = 0; i < 6; i++)
        {
            rows.Add(Row($"s{i}", "test", "stable", ratings[i, 0]));
            rows.Add(Row($"s{i}", "retest", "stable", ratings[i, 0] + 0.1 * ratings[i, 1]));
            rows.Add(Row($"s{i}", "test", "noisy", ratings[i, 0]));
            rows.Add(Row($"s{i}", "retest", "noisy", ratings[i, 1]));
        }

        var table = StabilityTable.FromRepeats(new FeatureTable(rows));
        var noisy = table.Rows.Single(r => r.Feature == "noisy");
        // Columns sorted by repeat name: retest, test.
        double[,] swapped = new double[6, 2];
        for (int i = 0; i < 6; i++)
        {
            swapped[i, 0] = ratings[i, 1];
            swapped[i, 1] = ratings[i, 0];
        }

        Assert.Equal(IntraclassCorrelation.Compute(swapped, IccForm.AbsoluteAgreement).Value, noisy.IccAbsoluteAgreement, 12);
        Assert.Equal(IntraclassCorrelation.Compute(swapped, IccForm.Consistency).Value, noisy.IccConsistency, 12);
        Assert.Equal(6, noisy.Subjects);
        var kept = table.KeepStable(new FeatureTable(rows), 0.75);
        Assert.All(kept, r => Assert.Equal("stable", r.Feature));
        Assert.Equal(12, kept.Count);
    }

    [Fact]
    public void Perturbations_change_the_mask_as_named()
    {
        var mask = new ImageBuilder<byte>(new ImageGeometry(new Size3(9, 9, 9), new Vec3(1, 1, 1), Vec3.Zero, Matrix3.Identity));
        for (int z = 3; z < 6; z++)
        {
            for (int y = 3; y < 6; y++)
            {
                for (int x = 3; x < 6; x++)
                {
                    mask[x, y, z] = 1;
                }
            }
        }

        var labels = new LabelMap(mask.ToImage());
        Assert.Equal(1, new Perturbation(PerturbationKind.Erosion).Apply(labels).Count(1));
        Assert.Equal(125, new Perturbation(PerturbationKind.Dilation).Apply(labels).Count(1));
        var shifted = new Perturbation(PerturbationKind.Shift, Offset: new Index3(2, 0, -1)).Apply(labels);
        Assert.Equal(27, shifted.Count(1));
        Assert.Equal(1, shifted[5, 3, 2]);
        Assert.Equal(0, shifted[3, 3, 5]);
    }

    [Fact]
    public void Volume_of_tumours_of_different_size_is_stable_under_mask_perturbations()
    {
        var subjects = Enumerable.Range(0, 3).Select(i =>
        {
            var scan = SyntheticScan.Create(new SyntheticScanSettings { Size = new Size3(64, 64, 24), Spacing = new Vec3(1.5, 1.5, 3), VolumeScale = 0.6 + (0.3 * i), AnatomySeed = i + 1 });
            return ($"s{i}", (Image)scan.Image, scan.Tumour);
        }).ToList();
        var settings = new FeatureSettings { Families = FeatureFamilies.Morphology | FeatureFamilies.IntensityStatistics };
        var (table, repeats) = FeatureStability.Assess(subjects, settings);
        Assert.Equal(3 * Perturbation.Default.Count, repeats.Select(r => (r.Subject, r.TimePoint)).Distinct().Count());
        // Tumours of very different size: volume is reproducible under one-voxel perturbations.
        Assert.True(table.Rows.Single(r => r.IbsiCode == "YEKZ").IccConsistency > 0.9);
        Assert.Throws<ArgumentException>(() => FeatureStability.Assess(subjects.Take(1).ToList(), settings));
    }

    [Fact]
    public void A_perturbation_that_empties_a_small_mask_is_skipped_and_reported_not_fatal()
    {
        var scan = SyntheticScan.Create(new SyntheticScanSettings { Size = new Size3(32, 32, 12) });
        // A thin 6 × 6 × 1 region: the one-voxel erosion leaves nothing.
        var thin = new ImageBuilder<byte>(scan.Image.Geometry);
        for (int y = 13; y < 19; y++)
        {
            for (int x = 13; x < 19; x++)
            {
                thin[x, y, 6] = 1;
            }
        }

        var settings = new FeatureSettings { Families = FeatureFamilies.IntensityStatistics };
        var (repeats, skipped) = PerturbedExtraction.Extract("small", scan.Image, new LabelMap(thin.ToImage()), settings, new StabilitySettings());
        var gone = Assert.Single(skipped);
        Assert.Equal(("small", "erosion-1"), (gone.Subject, gone.Perturbation));
        Assert.Contains("36 voxels", gone.Reason, StringComparison.Ordinal);
        Assert.Equal(Perturbation.Default.Count - 1, repeats.Select(r => r.TimePoint).Distinct().Count());

        // In a cohort, the subject leaves only the ICCs of the repeat it lacks.
        var subjects = new List<(string, Image, LabelMap)> { ("small", scan.Image, new LabelMap(thin.ToImage())), ("a", scan.Image, scan.Tumour), ("b", scan.Image, scan.Habitats) };
        var (table, _) = FeatureStability.Assess(subjects, settings);
        Assert.Equal(2, table.Rows.Single(r => r.IbsiCode == "Q4LE").Subjects);
    }
}
