using System.Globalization;
using Radiomics.Habitats.Clustering;
using Radiomics.Habitats.Model;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Habitats.Workflows;
using Radiomics.IO;
using Radiomics.TestSupport;
using Radiomics.Workflows;

namespace Radiomics.Habitats.Tests.Workflows;

/// <summary>The habitats workflow called directly, as a notebook or example calls it.</summary>
public class HabitatsWorkflowTests
{
    private static HabitatScan WritePhantom(TempDirectory dir, string name, int seed)
    {
        var (image, mask, _) = HabitatPhantom.Create(new HabitatPhantomSettings { Seed = seed });
        var scan = new HabitatScan(dir.File($"{name}.nii.gz"), dir.File($"{name}_mask.nii.gz"));
        ImageFile.Write(image, scan.Image);
        ImageFile.Write(mask, scan.Mask);
        return scan;
    }

    [Fact]
    public void Run_chooses_k_on_the_voxels_it_fits_and_describes_every_scan()
    {
        using var dir = new TempDirectory();
        HabitatScan[] scans = [WritePhantom(dir, "patient1", 1), WritePhantom(dir, "patient2", 2)];
        var steps = new List<WorkflowProgress>();
        var result = HabitatsWorkflow.Run(
            scans,
            new HabitatsWorkflowSettings { MinClusters = 2, MaxClusters = 4, Model = HabitatsWorkflowSettings.DefaultModel with { MaxVoxelsPerScan = 3000 } },
            progress: new Recorder(steps));

        // Three planted sub-regions: silhouette picks k = 3, fitted on 2 × 3000 pooled voxels.
        Assert.Equal(3, result.K);
        Assert.True(result.ModelFitted);
        Assert.Equal(6000, result.Model.Training.Voxels);
        Assert.Equal(["intensity", "mean_ball1vox", "sd_ball1vox", "median_ball1vox"], result.Channels);

        // k selection and the fit see the same standardised voxels with the same k-means settings, so the chosen k's
        // inertia in the selection table is the model's training inertia, to the last bit.
        var chosen = result.Selection!.Scores.Single(s => s.K == 3);
        Assert.Equal(chosen.Inertia, result.Model.Training.Inertia);

        Assert.Equal(["patient1", "patient2"], result.Scans.Select(s => s.Name));
        foreach (var scan in result.Scans)
        {
            Assert.Equal(1.0, scan.Summary.Habitats.Sum(h => h.Fraction), 12);
            var mask = ImageFile.ReadLabelMap(scans[result.Scans.ToList().IndexOf(scan)].Mask);
            Assert.Equal(mask.Voxels.ToArray().Count(v => v != 0), scan.Summary.RegionVoxels);
        }

        var selection = result.SelectionTable()!;
        Assert.Equal(HabitatsWorkflowResult.SelectionColumns, selection.Columns);
        Assert.Equal([0, 1, 0], selection.Column("chosen").Cast<int>());
        var measures = result.MeasuresTable();
        Assert.Equal(2 * 3, measures.Count);
        Assert.Equal(["patient1", "patient1", "patient1", "patient2", "patient2", "patient2"], measures.Column("scan").Cast<string>());
        Assert.Equal(2, result.HeterogeneityTable().Count);

        Assert.Contains(steps, p => p.Step == "Voxel feature maps" && p.Done == 2 && p.Total == 2);
        Assert.Contains(steps, p => p.Step == "Choosing k in 2..4" && p.Done == 3);
        Assert.Contains(steps, p => p.Step == "Fitting 3 habitats" && p.Done == 1);
    }

    [Fact]
    public void Two_stage_run_chooses_k_on_supervoxel_means_and_maps_every_scan()
    {
        using var dir = new TempDirectory();
        HabitatScan[] scans = [WritePhantom(dir, "patient1", 1), WritePhantom(dir, "patient2", 2)];
        var result = HabitatsWorkflow.Run(
            scans,
            new HabitatsWorkflowSettings { MinClusters = 2, MaxClusters = 4, Model = HabitatsWorkflowSettings.DefaultModel with { Strategy = HabitatStrategy.TwoStage, Supervoxels = new SupervoxelSettings { Count = 30 } } });
        Assert.Equal(3, result.K);
        Assert.Equal(HabitatStrategy.TwoStage, result.Model.Training.Settings.Strategy);
        Assert.Equal(60, result.Model.Training.Voxels);
        var chosen = result.Selection!.Scores.Single(s => s.K == 3);
        Assert.Equal(chosen.Inertia, result.Model.Training.Inertia);
        foreach (var scan in result.Scans)
        {
            Assert.Equal(3, scan.Summary.Habitats.Count(h => h.Voxels > 0));
        }

        var e = Assert.Throws<ClusteringException>(() => HabitatsWorkflow.Run(
            scans, new HabitatsWorkflowSettings { MinClusters = 2, MaxClusters = 6, Model = HabitatsWorkflowSettings.DefaultModel with { Strategy = HabitatStrategy.TwoStage, Supervoxels = new SupervoxelSettings { Count = 5 } } }));
        Assert.Contains("patient1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_saves_maps_tables_and_model_that_read_back()
    {
        using var dir = new TempDirectory();
        HabitatScan[] scans = [WritePhantom(dir, "scan", 1)];
        var result = HabitatsWorkflow.Run(scans, new HabitatsWorkflowSettings { MinClusters = 3, MaxClusters = 3, Model = HabitatsWorkflowSettings.DefaultModel with { MaxVoxelsPerScan = 2000 } });
        Assert.Null(result.Selection);
        string output = dir.File("out");
        result.Write(output);

        Assert.False(File.Exists(Path.Combine(output, "k_selection.csv")));
        var lines = File.ReadAllLines(Path.Combine(output, "habitat_measures.csv"));
        Assert.Equal("scan,image,habitat,voxels,volume_mm3,fraction,components", lines[0]);
        var first = lines[1].Split(',');
        var h1 = result.Scans[0].Summary.Habitats[0];
        Assert.Equal(["scan", scans[0].Image, "1", h1.Voxels.ToString(CultureInfo.InvariantCulture)], first[..4]);
        Assert.Equal(h1.VolumeMm3, double.Parse(first[4], CultureInfo.InvariantCulture));
        Assert.Equal(result.Scans[0].Habitats.Voxels.ToArray(), ImageFile.ReadLabelMap(Path.Combine(output, "scan_habitats.nii.gz")).Voxels.ToArray());

        // Applying the saved model reproduces the map and writes no model of its own.
        var again = HabitatsWorkflow.Run(scans, model: HabitatModel.Load(Path.Combine(output, "habitat_model.json")));
        Assert.False(again.ModelFitted);
        Assert.Equal(result.Scans[0].Habitats.Voxels.ToArray(), again.Scans[0].Habitats.Voxels.ToArray());

        // The model records its voxel features and is applied with them, whatever the settings say.
        Assert.Equal(["mean", "sd", "median"], again.Model.Training.Settings.VoxelFeatures!.LocalStatistics);
        var own = HabitatsWorkflow.Run(scans, new HabitatsWorkflowSettings { Model = HabitatsWorkflowSettings.DefaultModel with { VoxelFeatures = new() { LocalStatistics = ["maximum"] } } }, again.Model);
        Assert.Equal(result.Scans[0].Habitats.Voxels.ToArray(), own.Scans[0].Habitats.Voxels.ToArray());

        // A model that does not record them (an older one) and clusters channels the settings do not compute is refused, naming them.
        var older = HabitatModel.FromJson(again.Model.ToJson().Replace("\"voxel_features\"", "\"unused\"", StringComparison.Ordinal));
        Assert.Null(older.Training.Settings.VoxelFeatures);
        var e = Assert.Throws<InvalidInputException>(() =>
            HabitatsWorkflow.Run(scans, new HabitatsWorkflowSettings { Model = HabitatsWorkflowSettings.DefaultModel with { VoxelFeatures = new() { LocalStatistics = ["maximum"] } } }, older));
        Assert.Contains("mean_ball1vox, sd_ball1vox, median_ball1vox", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scans_with_the_same_file_name_get_numbered_names()
    {
        using var dir = new TempDirectory();
        var a = WritePhantom(dir, "scan", 1);
        Directory.CreateDirectory(dir.File("other"));
        var b = new HabitatScan(Path.Combine(dir.File("other"), "scan.nii.gz"), a.Mask);
        File.Copy(a.Image, b.Image);
        var result = HabitatsWorkflow.Run([a, b], new HabitatsWorkflowSettings { MinClusters = 2, MaxClusters = 2, Model = HabitatsWorkflowSettings.DefaultModel with { MaxVoxelsPerScan = 1000 } });
        Assert.Equal(["scan_1", "scan"], result.Scans.Select(s => s.Name));
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(4, 3)]
    [InlineData(2, 256)]
    public void A_k_range_outside_2_to_255_is_refused(int min, int max)
    {
        var e = Assert.Throws<InvalidInputException>(() =>
            HabitatsWorkflow.Run([new HabitatScan("a.nii.gz", "b.nii.gz")], new HabitatsWorkflowSettings { MinClusters = min, MaxClusters = max }));
        Assert.Contains($"{min}..{max}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_mask_names_the_mask()
    {
        using var dir = new TempDirectory();
        var a = WritePhantom(dir, "scan", 1);
        var mask = ImageFile.ReadLabelMap(a.Mask);
        string empty = dir.File("empty_mask.nii.gz");
        ImageFile.Write(new Imaging.LabelMap(new Imaging.Image<byte>(mask.Geometry)), empty);
        var e = Assert.Throws<Features.EmptyRoiException>(() => HabitatsWorkflow.Run([a with { Mask = empty }]));
        Assert.Contains("empty_mask.nii.gz", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Statistic_names_round_trip_and_unknown_names_are_listed()
    {
        foreach (var statistic in Enum.GetValues<LocalStatistic>())
        {
            Assert.True(LocalStatisticNames.TryParse(LocalStatisticNames.ShortName(statistic).ToUpperInvariant(), out var parsed));
            Assert.Equal(statistic, parsed);
            Assert.StartsWith(LocalStatisticNames.ShortName(statistic) + "_", LocalFirstOrderFeatures.ChannelName(statistic, Processing.StructuringElement.Box(1)), StringComparison.Ordinal);
        }

        Assert.Equal([LocalStatistic.Mean, LocalStatistic.StandardDeviation, LocalStatistic.Percentile90], LocalStatisticNames.ParseList("mean, sd,p90"));
        var e = Assert.Throws<InvalidInputException>(() => LocalStatisticNames.ParseList("mean,bogus", "--statistics"));
        Assert.Contains("--statistics: unknown statistic 'bogus'; choose from mean, variance, sd", e.Message, StringComparison.Ordinal);
    }

    private sealed class Recorder(List<WorkflowProgress> steps) : IProgress<WorkflowProgress>
    {
        public void Report(WorkflowProgress value) => steps.Add(value);
    }
}
