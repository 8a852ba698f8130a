using Radiomics.Habitats.Model;
using Radiomics.Imaging;
using Radiomics.Plotting.Charts;
using Radiomics.Plotting.Tests.Schema;
using Radiomics.Synthetic;
using Radiomics.Tables;

namespace Radiomics.Plotting.Tests.Charts;

public class DomainChartTests
{
    public static TheoryData<string> Charts => [.. DomainChartExamples.All.Keys];

    [Theory]
    [MemberData(nameof(Charts))]
    public void Domain_charts_emit_only_plotly_attributes(string chart)
    {
        var figure = DomainChartExamples.All[chart]();
        Assert.NotEmpty(figure.Data);
        Assert.Empty(PlotlySchema.Load.Validate(figure.ToJson()));
    }

    [Fact]
    public void Slice_viewer_has_a_frame_per_slice_mm_axes_with_equal_scale_and_starts_on_the_largest_mask_slice()
    {
        var geometry = ImageGeometry.Create(20, 10, 6, spacing: new Vec3(0.5, 0.8, 3), origin: new Vec3(-10, 5, 100));
        var image = new Image<float>(geometry);
        var labels = new ImageBuilder<byte>(geometry);
        for (int y = 2; y < 6; y++)
        {
            for (int x = 3; x < 9; x++)
            {
                labels[x, y, 4] = 1;
            }
        }

        labels[5, 5, 1] = 2;
        var figure = SliceViewer.Create(image, new LabelMap(labels.ToImage()), new SliceViewerSettings { CropToOverlay = false });
        Assert.Equal(6, figure.Frames!.Count);
        var heat = (HeatmapTrace)figure.Data[0];
        Assert.Equal((-10.0, 0.5, 5.0, 0.8), (heat.X0!.Value, heat.DX!.Value, heat.Y0!.Value, heat.DY!.Value));
        Assert.Equal(10, heat.Z.Length);
        Assert.Equal(20, heat.Z[0].Length);
        Assert.Equal(("x", 1.0), (figure.Layout.YAxis!.ScaleAnchor, figure.Layout.YAxis.ScaleRatio!.Value));
        var slider = figure.Layout.Sliders![0];
        Assert.Equal(4, slider.Active);
        Assert.Equal("112", slider.Steps[4].Label);
        var overlay = (HeatmapTrace)figure.Data[1];
        Assert.True(double.IsNaN(overlay.Z[0][0]));
        Assert.Equal(1, overlay.Z[2][3]);
        Assert.Equal((0.5, 2.5), (overlay.ZMin!.Value, overlay.ZMax!.Value));
    }

    [Fact]
    public void Slice_viewer_crops_to_the_mask_with_a_margin_and_subsamples_large_slices()
    {
        var (image, mask) = SyntheticTumour.Create();
        var box = mask.BoundingBox()!.Value;
        var cropped = SliceViewer.Create(image, mask, new SliceViewerSettings { CropMargin = 2 });
        var heat = (HeatmapTrace)cropped.Data[0];
        Assert.Equal(box.Size.Y + 4, heat.Z.Length);
        Assert.Equal(box.Size.Z + 4 > image.Geometry.Size.Z ? image.Geometry.Size.Z : box.Size.Z + 4, cropped.Frames!.Count);
        var small = SliceViewer.Create(image, settings: new SliceViewerSettings { MaxInPlaneSize = 16 });
        var subsampled = (HeatmapTrace)small.Data[0];
        Assert.Equal(16, subsampled.Z[0].Length);
        Assert.Equal(4 * image.Geometry.Spacing.X, subsampled.DX);
    }

    [Fact]
    public void Slice_viewer_rejects_an_overlay_on_another_grid()
    {
        var (image, _) = SyntheticTumour.Create();
        var other = new LabelMap(new Image<byte>(ImageGeometry.Create(8, 8, 8)));
        Assert.Throws<GeometryMismatchException>(() => SliceViewer.Create(image, other));
    }

    [Fact]
    public void Coronal_slices_show_z_upwards_in_rows()
    {
        var geometry = ImageGeometry.Create(4, 5, 6, spacing: new Vec3(1, 1, 2));
        var figure = SliceViewer.Create(new Image<short>(geometry), settings: new SliceViewerSettings { Plane = SlicePlane.Coronal });
        var heat = (HeatmapTrace)figure.Data[0];
        Assert.Equal(6, heat.Z.Length);
        Assert.Equal(2, heat.DY);
        Assert.Equal(5, figure.Frames!.Count);
        Assert.Equal(true, figure.Layout.YAxis!.AutoRange!.Value.Value);
    }

    [Fact]
    public void Habitat_map_places_every_labelled_voxel_at_its_physical_position()
    {
        var geometry = ImageGeometry.Create(5, 5, 5, spacing: new Vec3(2, 2, 3), origin: new Vec3(10, 20, 30));
        var labels = new ImageBuilder<byte>(geometry);
        labels[1, 2, 3] = 1;
        labels[4, 4, 4] = 2;
        labels[0, 0, 0] = 2;
        var figure = HabitatMap3D.Create(new LabelMap(labels.ToImage()));
        var first = (Scatter3DTrace)figure.Data[0];
        Assert.Equal([12.0], (double[])first.X!.Value.Value);
        Assert.Equal([24.0], (double[])first.Y!.Value.Value);
        Assert.Equal([39.0], (double[])first.Z!.Value.Value);
        Assert.Equal(2, ((double[])((Scatter3DTrace)figure.Data[1]).X!.Value.Value).Length);
        Assert.Equal(AspectMode.Data, figure.Layout.Scene!.AspectMode);
    }

    [Fact]
    public void Habitat_sankey_flows_carry_the_volume_of_each_transition()
    {
        var before = SyntheticScan.Create(new SyntheticScanSettings { Size = new(48, 48, 16) });
        var after = SyntheticScan.Create(new SyntheticScanSettings { Size = new(48, 48, 16), VolumeScale = 0.6 });
        var transitions = HabitatTransitions.Compute(before.Habitats, after.Habitats, 3);
        var sankey = (SankeyTrace)HabitatSankey.Create([transitions], ["t0", "t1"]).Data[0];
        double total = sankey.Link.Value!.Sum();
        long union = 0;
        for (int a = 0; a <= 3; a++)
        {
            for (int b = 0; b <= 3; b++)
            {
                union += a == 0 && b == 0 ? 0 : transitions.Count(a, b);
            }
        }

        Assert.Equal(union * transitions.VoxelVolume, total, 6);
        Assert.Equal(8, sankey.Node.Label!.Length);
        Assert.All(sankey.Link.Source!, s => Assert.InRange(s, 0, 3));
        Assert.All(sankey.Link.Target!, t => Assert.InRange(t, 4, 7));
        var inside = (SankeyTrace)HabitatSankey.Create([transitions], ["t0", "t1"], showOutside: false).Data[0];
        Assert.Equal(6, inside.Node.Label!.Length);
        Assert.Throws<ArgumentException>(() => HabitatSankey.Create([transitions], ["only one"]));
    }

    [Fact]
    public void Correlations_match_hand_computed_values()
    {
        double[] x = [1, 2, 3, 4, 5];
        double[] cubed = [.. x.Select(v => v * v * v)];
        double[] noisy = [2, 1, 4, 3, 5];
        var figure = CorrelationHeatmap.Create(["x", "x³", "noisy"], [x, cubed, noisy], CorrelationMethod.Spearman);
        var z = ((HeatmapTrace)figure.Data[0]).Z;
        Assert.Equal(1, z[0][1], 12);
        Assert.Equal(0.8, z[0][2], 12); // Spearman: 1 − 6·Σd²/(n(n²−1)) = 1 − 6·4/120
        var pearson = ((HeatmapTrace)CorrelationHeatmap.Create(["x", "x³"], [x, cubed], CorrelationMethod.Pearson).Data[0]).Z;
        Assert.Equal(0.943118, pearson[0][1], 6);
        Assert.Equal(z[1][0], z[0][1]);
    }

    [Fact]
    public void Spearman_gives_ties_their_average_rank_and_constant_features_no_correlation()
    {
        var z = ((HeatmapTrace)CorrelationHeatmap.Create(["a", "b", "c"], [[1, 2, 2, 3], [1, 2, 2, 3], [5, 5, 5, 5]]).Data[0]).Z;
        Assert.Equal(1, z[0][1], 12);
        Assert.True(double.IsNaN(z[0][2]));
    }

    [Fact]
    public void Waterfall_bars_are_sorted_from_largest_increase_to_largest_decrease()
    {
        var bar = (BarTrace)DeltaWaterfall.Create([("a", -5), ("b", 10), ("c", double.NaN), ("d", 0)]).Data[0];
        Assert.Equal(["b", "d", "a"], (string[])bar.X!.Value.Value);
        Assert.Equal([10.0, 0, -5], (double[])bar.Y!.Value.Value);
    }

    [Fact]
    public void Jacobian_title_counts_folding_voxels_inside_the_mask()
    {
        var geometry = ImageGeometry.Create(4, 4, 2);
        var j = new ImageBuilder<float>(geometry);
        j.Voxels.Fill(1);
        j[0, 0, 0] = -1;
        j[3, 3, 1] = 0;
        var mask = new ImageBuilder<byte>(geometry);
        mask.Voxels.Fill(1);
        mask[3, 3, 1] = 0;
        var figure = RegistrationCheck.JacobianDeterminant(j.ToImage(), new LabelMap(mask.ToImage()), slice: 0);
        Assert.Contains("1 of 31 voxels fold", figure.Layout.Title!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Checkerboard_alternates_fixed_and_moving_tiles()
    {
        var geometry = ImageGeometry.Create(4, 4, 1);
        var a = new Image<float>(geometry);
        var b = new ImageBuilder<float>(geometry);
        b.Voxels.Fill(1);
        var z = ((HeatmapTrace)RegistrationCheck.Checkerboard(a, b.ToImage(), slice: 0, tiles: 2).Data[0]).Z;
        Assert.Equal([0.0, 0, 1, 1], z[0]);
        Assert.Equal([1.0, 1, 0, 0], z[3]);
    }

    [Fact]
    public void Trajectories_from_a_feature_table_follow_time_point_order_and_reject_ambiguous_features()
    {
        var rows = new List<FeatureRow>();
        foreach (var (subject, tp, v) in new[] { ("P1", "base", 10.0), ("P1", "w6", 8.0), ("P2", "base", 20.0), ("P2", "w6", 25.0) })
        {
            rows.Add(new FeatureRow(subject, tp, "gtv", "original", "morph", "Volume", "RNU0", "", "", v));
        }

        var figure = FeatureTrajectories.Create(new FeatureTable(rows), "RNU0", new Dictionary<string, double> { ["base"] = 0, ["w6"] = 42 }, percentChange: true);
        var p2 = (ScatterTrace)figure.Data[1];
        Assert.Equal([0.0, 42], (double[])p2.X!.Value.Value);
        Assert.Equal([0.0, 25], (double[])p2.Y!.Value.Value);
        rows.Add(new FeatureRow("P1", "base", "gtv", "original", "glcm", "Joint entropy", "TU9B", "2D, averaged", "", 1));
        rows.Add(new FeatureRow("P1", "base", "gtv", "original", "glcm", "Joint entropy", "TU9B", "3D, merged", "", 1));
        var e = Assert.Throws<ArgumentException>(() => FeatureTrajectories.Create(new FeatureTable(rows), "TU9B"));
        Assert.Contains("several values", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Feature_table_renders_as_an_html_table_with_encoded_text()
    {
        var table = new FeatureTable([new FeatureRow("<P1>", "base", "", "original", "morph", "Volume", "RNU0", "", "", 1234.5678)]);
        string html = table.ToHtmlFragment();
        Assert.Contains("<th>ibsi_code</th>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;P1&gt;", html, StringComparison.Ordinal);
        Assert.Contains("1234.57", html, StringComparison.Ordinal);
    }
}
