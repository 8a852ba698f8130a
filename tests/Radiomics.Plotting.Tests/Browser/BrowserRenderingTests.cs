using Radiomics.Plotting.Tests.Charts;
using Radiomics.Plotting.Tests.Schema;
using Radiomics.TestSupport;

namespace Radiomics.Plotting.Tests.Browser;

/// <summary>
/// Every domain chart and every trace type drawn by plotly.js in headless Chromium: plotly reports success, the
/// figure's own elements are in the DOM (SVG layers, WebGL canvas, Sankey nodes), and its image is not blank.
/// </summary>
public class BrowserRenderingTests
{
    private static readonly Lazy<Dictionary<string, RenderedFigure>> Rendered = new(() =>
    {
        var figures = DomainChartExamples.All.Select(p => (Key: p.Key, Figure: p.Value()))
            .Concat(TraceExamples.ByTraceType.Select(p => (Key: $"trace-{p.Key}", Figure: p.Value)))
            .Append((Key: EmptyControl, Figure: new Figure().WithTitle("Empty axes").WithXAxis("x axis").WithYAxis("y axis")))
            .ToList();
        var keep = Path.Combine(Path.GetTempPath(), "radiomics-browser-test.html");
        var rendered = RenderedPage.Render([.. figures.Select(f => f.Figure)], keep);
        Assert.Equal(figures.Count, rendered.Count);
        return figures.Select((f, i) => (f.Key, rendered[i])).ToDictionary(p => p.Key, p => p.Item2);
    });

    private const string EmptyControl = "control-empty-axes";

    // An empty figure's axes, ticks and title cover about 1 % of the exported image; a drawn trace adds clearly more.
    private const double BlankInk = 0.015;

    public static TheoryData<string, string> Expectations => new()
    {
        // chart, a DOM fragment plotly.js draws only for that kind of trace
        { "slice-heatmap", "class=\"hm\"" },
        { "slice-viewer-mask", "class=\"hm\"" },
        { "slice-viewer-habitats-coronal", "class=\"hm\"" },
        { "habitat-map-3d", "<canvas" },
        { "registration-checkerboard", "class=\"hm\"" },
        { "registration-difference", "class=\"hm\"" },
        { "jacobian-determinant", "class=\"hm\"" },
        { "feature-trajectories", "class=\"js-line\"" },
        { "delta-waterfall", "class=\"point\"" },
        { "k-selection", "class=\"js-line\"" },
        { "habitat-sankey", "class=\"sankey-node\"" },
        { "correlation-heatmap", "class=\"hm\"" },
        { "trace-heatmap", "class=\"hm\"" },
        { "trace-scatter", "class=\"js-line\"" },
        { "trace-scatter3d", "<canvas" },
        { "trace-bar", "class=\"point\"" },
        { "trace-box", "class=\"box\"" },
        { "trace-violin", "class=\"violin\"" },
        { "trace-sankey", "class=\"sankey-node\"" },
        { "trace-isosurface", "<canvas" },
        { "trace-volume", "<canvas" },
        { "trace-surface", "<canvas" },
    };

    [BrowserTheory]
    [MemberData(nameof(Expectations))]
    public void Figure_is_drawn_by_plotly_in_headless_chromium(string chart, string drawnElement)
    {
        var figure = Rendered.Value[chart];
        Assert.Null(figure.Error);
        Assert.True(figure.Rendered, $"{chart}: plotly.js did not finish drawing.");
        Assert.Contains("class=\"main-svg\"", figure.Dom, StringComparison.Ordinal);
        Assert.Contains(drawnElement, figure.Dom, StringComparison.Ordinal);
        Assert.Null(figure.ProbeError);
        Assert.True(figure.InkFraction > BlankInk, $"{chart}: only {figure.InkFraction:P1} of the exported image is not white.");
    }

    [BrowserFact]
    public void Empty_axes_stay_below_the_blank_threshold()
    {
        // The control that keeps the ink threshold meaningful: a figure with nothing drawn must fail it.
        var control = Rendered.Value[EmptyControl];
        Assert.True(control.Rendered);
        Assert.InRange(control.InkFraction, 0.001, BlankInk);
    }

    [Fact]
    public void Every_domain_chart_and_trace_type_has_a_browser_expectation()
    {
        var expected = Expectations.Select(row => (string)row[0]).Order();
        var charts = DomainChartExamples.All.Keys.Concat(TraceExamples.ByTraceType.Keys.Select(k => $"trace-{k}")).Order();
        Assert.Equal(charts, expected);
    }
}
