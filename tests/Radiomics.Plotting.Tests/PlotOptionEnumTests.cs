using System.Text.Json;
using Radiomics.Plotting.Json;

namespace Radiomics.Plotting.Tests;

/// <summary>Option enums serialise to the exact strings plotly.js accepts (the schema tests check the attribute names).</summary>
public sealed class PlotOptionEnumTests
{
    [Theory]
    [InlineData(ScatterMode.Markers, "\"markers\"")]
    [InlineData(ScatterMode.Lines | ScatterMode.Markers, "\"lines+markers\"")]
    [InlineData(ScatterMode.Lines | ScatterMode.Markers | ScatterMode.Text, "\"lines+markers+text\"")]
    [InlineData(ScatterMode.None, "\"none\"")]
    public void ScatterModeIsWrittenAsPlotlyFlagList(ScatterMode mode, string json)
    {
        // The serializer escapes '+' as \u002B; plotly.js reads the same string.
        Assert.Equal(JsonDocument.Parse(json).RootElement.GetString(), JsonDocument.Parse(JsonSerializer.Serialize(mode, PlotlyJson.Options)).RootElement.GetString());
        Assert.Equal(mode, JsonSerializer.Deserialize<ScatterMode>(json, PlotlyJson.Options));
    }

    [Fact]
    public void EnumsUsePlotlyValueNames()
    {
        var layout = new Layout
        {
            Legend = new Legend { Orientation = Orientation.Horizontal },
            Grid = new LayoutGrid { Pattern = GridPattern.Independent, RowOrder = GridRowOrder.TopToBottom },
            BarMode = BarMode.Group,
            XAxis = new Axis { Type = AxisType.Category, Constrain = AxisConstrain.Domain, Ticks = TickPlacement.Outside },
        };
        string json = JsonSerializer.Serialize(layout, PlotlyJson.Options);
        Assert.Contains("\"orientation\":\"h\"", json, StringComparison.Ordinal);
        Assert.Contains("\"pattern\":\"independent\"", json, StringComparison.Ordinal);
        Assert.Contains("\"roworder\":\"top to bottom\"", json, StringComparison.Ordinal);
        Assert.Contains("\"barmode\":\"group\"", json, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"category\"", json, StringComparison.Ordinal);
        Assert.Contains("\"constrain\":\"domain\"", json, StringComparison.Ordinal);
        Assert.Contains("\"ticks\":\"outside\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void TraceOptionsUsePlotlyValueNames()
    {
        var scatter = new ScatterTrace { Fill = FillMode.ToZeroY, TextPosition = TextPosition.TopCentre, Line = new Line { Dash = LineDash.DashDot, Shape = LineShape.Spline } };
        string json = JsonSerializer.Serialize<Trace>(scatter, PlotlyJson.Options);
        Assert.Contains("\"fill\":\"tozeroy\"", json, StringComparison.Ordinal);
        Assert.Contains("\"textposition\":\"top center\"", json, StringComparison.Ordinal);
        Assert.Contains("\"dash\":\"dashdot\"", json, StringComparison.Ordinal);
        Assert.Contains("\"shape\":\"spline\"", json, StringComparison.Ordinal);
        Assert.Contains("\"xanchor\":\"center\"", JsonSerializer.Serialize(new Annotation("a") { XAnchor = HorizontalAnchor.Centre }, PlotlyJson.Options), StringComparison.Ordinal);
    }
}
