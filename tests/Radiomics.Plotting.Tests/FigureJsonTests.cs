using System.Text.Json;

namespace Radiomics.Plotting.Tests;

public class FigureJsonTests
{
    [Fact]
    public void A_heatmap_is_written_as_plotly_figure_json_without_unset_attributes()
    {
        var figure = Chart.Heatmap(new double[,] { { 1, 2 }, { 3, double.NaN } }, colorscale: "Greys").WithTitle("t");
        Assert.Equal(
            "{\"data\":[{\"type\":\"heatmap\",\"z\":[[1,2],[3,null]],\"colorscale\":\"Greys\"}],"
            + "\"layout\":{\"title\":{\"text\":\"t\"}},\"config\":{\"responsive\":true,\"displaylogo\":false}}",
            figure.ToJson());
    }

    [Fact]
    public void Float_image_values_are_written_in_their_short_form_and_doubles_exactly()
    {
        string json = Chart.Scatter(new[] { (double)40.1f, 0.1, 1e-300 }, new[] { 1.0, 2, 3 }).ToJson();
        Assert.Contains("\"x\":[40.1,0.1,1E-300]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_finite_values_become_gaps()
    {
        var json = JsonDocument.Parse(Chart.Line(new[] { 0.0, 1, 2 }, new[] { double.PositiveInfinity, double.NaN, 1 }).ToJson());
        var y = json.RootElement.GetProperty("data")[0].GetProperty("y");
        Assert.Equal(JsonValueKind.Null, y[0].ValueKind);
        Assert.Equal(JsonValueKind.Null, y[1].ValueKind);
        Assert.Equal(1, y[2].GetDouble());
    }

    [Fact]
    public void With_methods_return_a_new_figure_and_leave_the_original_unchanged()
    {
        var original = Chart.Bar(new[] { "a" }, new[] { 1.0 });
        string before = original.ToJson();
        var changed = original.WithTitle("new").WithSize(300, 200).WithXAxis("feature").AddTrace(new ScatterTrace());
        Assert.Equal(before, original.ToJson());
        Assert.Equal("new", changed.Layout.Title!.Text);
        Assert.Equal(300, changed.Layout.Width);
        Assert.Equal("feature", changed.Layout.XAxis!.Title!.Text);
        Assert.Equal(2, changed.Data.Count);
    }

    [Fact]
    public void Grid_puts_each_figure_on_its_own_axes_or_scene_inside_its_cell()
    {
        var grid = Chart.Grid(
            2,
            2,
            Chart.Heatmap(new double[][] { [1] }).WithYAxis(new Axis { ScaleAnchor = "x" }).WithTitle("a"),
            Chart.Line(new[] { 0.0, 1 }, new[] { 0.0, 1 }),
            Chart.Surface([[1.0, 2], [3, 4]]),
            Chart.Sankey(["a", "b"], [0], [1], [1]));
        var layout = JsonDocument.Parse(grid.ToJson()).RootElement.GetProperty("layout");
        var data = JsonDocument.Parse(grid.ToJson()).RootElement.GetProperty("data");
        Assert.Equal("x2", data[1].GetProperty("xaxis").GetString());
        Assert.Equal("y2", data[1].GetProperty("yaxis").GetString());
        Assert.Equal("scene3", data[2].GetProperty("scene").GetString());
        Assert.Equal("x", layout.GetProperty("yaxis").GetProperty("scaleanchor").GetString());
        Assert.Equal("y2", layout.GetProperty("xaxis2").GetProperty("anchor").GetString());
        // Row 0 is at the top: its y domain lies above row 1's.
        Assert.True(layout.GetProperty("yaxis").GetProperty("domain")[0].GetDouble() > layout.GetProperty("scene3").GetProperty("domain").GetProperty("y")[1].GetDouble());
        Assert.Equal(0.5 + 0.03, data[3].GetProperty("domain").GetProperty("x")[0].GetDouble(), 9);
        Assert.Equal("a", layout.GetProperty("annotations")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void Grid_rejects_more_figures_than_cells()
    {
        var f = Chart.Line(new[] { 0.0 }, new[] { 0.0 });
        var e = Assert.Throws<ArgumentException>(() => Chart.Grid(1, 1, f, f));
        Assert.Contains("1 x 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sankey_rejects_links_to_missing_nodes()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Chart.Sankey(["a", "b"], [0], [2], [1]));
        Assert.Contains("link 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Layout_rejects_axis_ids_plotly_does_not_know()
    {
        Assert.Throws<ArgumentException>(() => new Layout().WithAxis("x1", new Axis()));
        Assert.Throws<ArgumentException>(() => new Layout().WithAxis("z2", new Axis()));
        Assert.NotNull(new Layout().WithAxis("y12", new Axis()).GetYAxis("y12"));
    }

    [Fact]
    public void Frames_hold_their_traces_with_types()
    {
        var figure = Chart.Heatmap(new double[][] { [1] }).WithFrames([new Frame("f0", [new HeatmapTrace { Z = [[2]] }])]);
        var frame = JsonDocument.Parse(figure.ToJson()).RootElement.GetProperty("frames")[0];
        Assert.Equal("f0", frame.GetProperty("name").GetString());
        Assert.Equal("heatmap", frame.GetProperty("data")[0].GetProperty("type").GetString());
    }
}
