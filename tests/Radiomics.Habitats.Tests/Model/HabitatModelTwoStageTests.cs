using Radiomics.Habitats.Clustering;
using Radiomics.Habitats.Model;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Imaging;
using Radiomics.Processing;

namespace Radiomics.Habitats.Tests.Model;

/// <summary>Two-stage habitats: per-scan supervoxels, then population k-means on their means.</summary>
public class HabitatModelTwoStageTests
{
    private static readonly IVoxelFeature[] Features =
    [
        new IntensityFeature(),
        new LocalFirstOrderFeatures(new LocalFirstOrderSettings
        {
            Kernel = StructuringElement.Ball(1, RadiusUnit.Voxels),
            Statistics = [LocalStatistic.Mean, LocalStatistic.StandardDeviation, LocalStatistic.Median],
        }),
    ];

    private static HabitatSettings TwoStage(int k, int supervoxels = 50) => new()
    {
        KMeans = new KMeansSettings { NClusters = k, Seed = 0 },
        Strategy = HabitatStrategy.TwoStage,
        Supervoxels = new SupervoxelSettings { Count = supervoxels },
    };

    private static (VoxelFeatureMap Map, LabelMap Truth) Phantom(int seed, HabitatPhantomLayout layout = HabitatPhantomLayout.Slabs)
    {
        var (image, mask, truth) = HabitatPhantom.Create(new HabitatPhantomSettings { Seed = seed, Layout = layout });
        return (VoxelFeatureMaps.Compute(image, mask, Features), truth);
    }

    private static int[] InRegion(LabelMap labels, VoxelFeatureMap map) => map.RegionVoxels().Select(v => (int)labels.Voxels[map.ScanVoxel(v)]).ToArray();

    [Theory]
    [InlineData(HabitatPhantomLayout.Slabs)]
    [InlineData(HabitatPhantomLayout.Sectors)]
    public void Two_stage_recovers_the_planted_k_and_habitats_on_a_new_scan(HabitatPhantomLayout layout)
    {
        // Three planted sub-regions; k chosen by silhouette on the supervoxel means of two training scans, the model
        // then applied to a third scan it never saw.
        var training = new[] { Phantom(1, layout), Phantom(2, layout) };
        var maps = training.Select(t => t.Map).ToArray();
        var pooled = PooledVoxels.Supervoxels(maps, TwoStage(6), ["train1", "train2"]);
        Assert.Equal(HabitatStrategy.TwoStage, pooled.Strategy);
        Assert.Equal(100, pooled.Voxels.Rows);
        var selection = ClusterCountSelection.Evaluate(
            pooled.ClusteringSpace, new ClusterCountSelectionSettings { MinClusters = 2, MaxClusters = 6, Stability = new() });
        int k = selection.Best(ClusterCountCriterion.Silhouette);
        Assert.Equal(3, k);
        Assert.Equal(3, selection.Best(ClusterCountCriterion.Stability));
        // Stability 1 at k = 3 (measured), below 0.5 at k = 2.
        Assert.Equal(1.0, selection.Scores.Single(s => s.K == 3).Stability, 9);

        var model = HabitatModel.FitPooled(pooled, TwoStage(k));
        Assert.Equal(100, model.Training.Voxels);
        var (map, truth) = Phantom(3, layout);
        var habitats = model.Predict(map);
        double ari = ClusteringMetrics.AdjustedRandScore(InRegion(truth, map), InRegion(habitats, map));
        // Measured 0.955 (slabs) and 0.956 (sectors) with the default 50 supervoxels of compactness 5.
        Assert.True(ari >= 0.9, $"adjusted Rand index {ari} on the new scan");
        foreach (var (m, t) in training)
        {
            double a = ClusteringMetrics.AdjustedRandScore(InRegion(t, m), InRegion(model.Predict(m), m));
            Assert.True(a >= 0.85, $"adjusted Rand index {a} on a training scan");
        }
    }

    [Fact]
    public void A_habitat_is_a_union_of_supervoxels_and_the_model_round_trips_through_json()
    {
        var (map, _) = Phantom(1);
        var settings = TwoStage(3, supervoxels: 40);
        var model = HabitatModel.Fit([map], settings);
        var habitats = model.Predict(map);
        var labels = InRegion(habitats, map);
        Assert.Equal(3, labels.Distinct().Count());

        // Each of the 40 supervoxels (recomputed with the model's scaler and seed) lies in one habitat.
        var (_, partition) = ScanSupervoxels.Compute(map, model.Channels, model.Scaler, settings);
        Assert.Equal(40, partition.Count);
        for (int s = 0; s < partition.Count; s++)
        {
            Assert.Single(labels.Where((_, i) => partition.Labels[i] == s).Distinct());
        }

        var loaded = HabitatModel.FromJson(model.ToJson());
        Assert.Equal(HabitatStrategy.TwoStage, loaded.Training.Settings.Strategy);
        Assert.Equal(40, loaded.Training.Settings.Supervoxels.Count);
        Assert.Equal(habitats.Voxels.ToArray(), loaded.Predict(map).Voxels.ToArray());
    }

    [Fact]
    public void More_habitats_than_supervoxels_is_refused_naming_the_scan()
    {
        var (map, _) = Phantom(1);
        var e = Assert.Throws<ClusteringException>(() => HabitatModel.Fit([map], TwoStage(5, supervoxels: 4), scanNames: ["patient7_baseline"]));
        Assert.Equal(ClusteringProblem.FewerPointsThanClusters, e.Problem);
        Assert.Contains("patient7_baseline", e.Message, StringComparison.Ordinal);
        Assert.Contains("4 supervoxel", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pooled_voxels_without_maps_cannot_fit_two_stage()
    {
        var (map, _) = Phantom(1);
        var x = map.ToMatrix();
        Assert.Throws<ArgumentException>(() => HabitatModel.FitPooled(x, 1, map.ChannelNames, TwoStage(3)));
    }
}
