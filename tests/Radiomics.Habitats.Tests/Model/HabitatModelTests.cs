using Radiomics.Habitats.Clustering;
using Radiomics.Habitats.Model;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Imaging;
using Radiomics.Processing;

namespace Radiomics.Habitats.Tests.Model;

public class HabitatModelTests
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

    private static (VoxelFeatureMap Map, LabelMap Truth) Phantom(int seed)
    {
        var (image, mask, truth) = HabitatPhantom.Create(new HabitatPhantomSettings { Seed = seed });
        return (VoxelFeatureMaps.Compute(image, mask, Features), truth);
    }

    /// <summary>The labels (on the scan grid) of the map's region voxels, in the map's row order.</summary>
    private static int[] InRegion(LabelMap labels, VoxelFeatureMap map) => map.RegionVoxels().Select(v => (int)labels.Voxels[map.ScanVoxel(v)]).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Habitats_recover_three_planted_sub_regions(int seed)
    {
        // A dark smooth, a mid-grey heterogeneous (sd 25) and a bright smooth slab of a 20 mm sphere on 1 × 1 × 2 mm voxels.
        var (map, truth) = Phantom(seed);
        var model = HabitatModel.Fit([map], new HabitatSettings { KMeans = new KMeansSettings { NClusters = 3, Seed = 0 } });
        var habitats = model.Predict(map);
        double ari = ClusteringMetrics.AdjustedRandScore(InRegion(truth, map), InRegion(habitats, map));
        Assert.True(ari > 0.9, $"adjusted Rand index {ari}");
        Assert.Equal(map.ScanGeometry, habitats.Geometry);
        var region = map.OnScanGrid().Region.Voxels.ToArray();
        Assert.DoesNotContain(habitats.Voxels.ToArray().Where((v, i) => region[i] == 0), v => v != 0);
    }

    [Fact]
    public void More_than_255_habitats_is_refused_before_fitting()
    {
        var (map, _) = Phantom(1);
        var e = Assert.Throws<ClusteringException>(() =>
            HabitatModel.Fit([map], new HabitatSettings { KMeans = new KMeansSettings { NClusters = 256 } }));
        Assert.Equal(ClusteringProblem.InvalidSetting, e.Problem);
        Assert.Contains("256", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Habitat_numbers_mean_the_same_phenotype_on_every_scan()
    {
        // Fit on two scans pooled, apply to a third: habitats are ordered by mean intensity, so habitat 1 is the dark
        // sub-region (truth 1, mean 20), habitat 2 the heterogeneous one (truth 2, mean 65), habitat 3 the bright one.
        var a = Phantom(seed: 2);
        var b = Phantom(seed: 3);
        var model = HabitatModel.Fit([a.Map, b.Map], new HabitatSettings { KMeans = new KMeansSettings { NClusters = 3 }, MaxVoxelsPerScan = 4000 });
        Assert.Equal("intensity", model.OrderBy);
        Assert.Equal(8000, model.Training.Voxels);
        var c = Phantom(seed: 4);
        var habitats = model.Predict(c.Map);
        int[] expected = [0, 1, 2, 3];
        var truth = InRegion(c.Truth, c.Map);
        var predicted = InRegion(habitats, c.Map);
        for (int t = 1; t <= 3; t++)
        {
            var votes = predicted.Where((_, i) => truth[i] == t).GroupBy(h => h).OrderByDescending(g => g.Count()).First().Key;
            Assert.Equal(expected[t], votes);
        }

        var centres = model.CentresInFeatureUnits;
        Assert.True(centres[0, 0] < centres[1, 0] && centres[1, 0] < centres[2, 0]);
    }

    [Fact]
    public void Fitting_on_per_scan_samples_equals_fitting_on_the_maps()
    {
        // A cohort streamed one scan at a time keeps only each scan's sample; the model must be the pooled one.
        var settings = new HabitatSettings { KMeans = new KMeansSettings { NClusters = 3 }, MaxVoxelsPerScan = 3000 };
        var maps = new[] { Phantom(seed: 2).Map, Phantom(seed: 3).Map, Phantom(seed: 5).Map };
        var pooled = HabitatModel.Fit(maps, settings);

        var channels = maps[0].ChannelNames;
        var samples = maps.Select((m, i) => HabitatModel.SampleVoxels(m, channels, settings.MaxVoxelsPerScan, settings.KMeans.Seed, i)).ToList();
        Assert.All(samples, sample => Assert.Equal(3000, sample.Rows));
        var data = samples.SelectMany(sample => sample.Values.ToArray()).ToArray();
        var streamed = HabitatModel.FitPooled(new FeatureMatrix(data, channels.Count), maps.Length, channels, settings);

        Assert.Equal(pooled.Centres.Values.ToArray(), streamed.Centres.Values.ToArray());
        Assert.Equal(pooled.Training, streamed.Training);
        Assert.Equal(9000, streamed.Training.Voxels);
        Assert.Equal(pooled.Predict(maps[1]).Voxels.ToArray(), streamed.Predict(maps[1]).Voxels.ToArray());
    }

    [Fact]
    public void A_saved_model_loads_and_predicts_identically()
    {
        var (map, _) = Phantom(seed: 5);
        var model = HabitatModel.Fit([map], new HabitatSettings { KMeans = new KMeansSettings { NClusters = 3, NInit = 2 } });
        using var dir = new Radiomics.TestSupport.TempDirectory();
        string path = dir.File("model.json");
        model.Save(path);
        var loaded = HabitatModel.Load(path);
        Assert.Equal(model.Channels, loaded.Channels);
        Assert.Equal(model.HabitatCount, loaded.HabitatCount);
        Assert.Equal(model.Scaler!.Mean, loaded.Scaler!.Mean);
        Assert.Equal(model.Training.Settings.KMeans, loaded.Training.Settings.KMeans);
        Assert.Equal(model.Predict(map).Voxels.ToArray(), loaded.Predict(map).Voxels.ToArray());
        Assert.Contains("\"format\": \"radiomics-habitat-model\"", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_models_and_maps_are_clear_errors()
    {
        var (map, _) = Phantom(seed: 6);
        Assert.Throws<InvalidDataException>(() => HabitatModel.FromJson("{\"format\": \"something else\"}"));
        using var dir = new Radiomics.TestSupport.TempDirectory();
        File.WriteAllText(dir.File("bad.json"), "not json");
        Assert.Contains("bad.json", Assert.Throws<HabitatModelFileException>(() => HabitatModel.Load(dir.File("bad.json"))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => HabitatModel.Fit([map], new HabitatSettings { OrderBy = "nope" }));
        var model = HabitatModel.Fit([map], new HabitatSettings { Channels = ["intensity", "sd_ball1vox"], KMeans = new KMeansSettings { NClusters = 2, NInit = 1 } });
        var phantom = HabitatPhantom.Create();
        var intensityOnly = VoxelFeatureMaps.Compute(phantom.Image, phantom.Mask, [new IntensityFeature()]);
        Assert.Contains("sd_ball1vox", Assert.Throws<ArgumentException>(() => model.Predict(intensityOnly)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pooling_subsamples_each_scan_reproducibly()
    {
        var a = Phantom(seed: 7).Map;
        var b = Phantom(seed: 8).Map;
        var pooled = HabitatModel.Pool([a, b], ["intensity"], 100, seed: 3);
        Assert.Equal(200, pooled.Rows);
        Assert.Equal(pooled.Values.ToArray(), HabitatModel.Pool([a, b], ["intensity"], 100, seed: 3).Values.ToArray());
        Assert.NotEqual(pooled.Values.ToArray(), HabitatModel.Pool([a, b], ["intensity"], 100, seed: 4).Values.ToArray());
        Assert.Equal(a.RegionVoxels().Length + b.RegionVoxels().Length, HabitatModel.Pool([a, b], ["intensity"], null, 0).Rows);
        Assert.Contains("lacks channel(s) nope", Assert.Throws<ArgumentException>(() => HabitatModel.Pool([a, b], ["intensity", "nope"], null, 0)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mini_batch_fitting_also_recovers_the_sub_regions()
    {
        var (map, truth) = Phantom(seed: 9);
        var model = HabitatModel.Fit([map], new HabitatSettings { KMeans = new KMeansSettings { NClusters = 3 }, MiniBatch = true });
        var habitats = model.Predict(map);
        Assert.True(ClusteringMetrics.AdjustedRandScore(InRegion(truth, map), InRegion(habitats, map)) > 0.85);
    }
}
