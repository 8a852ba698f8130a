namespace Radiomics.Plotting.Tests.Schema;

public class FigureSchemaTests
{
    public static TheoryData<string> TraceTypes => [.. TraceExamples.ByTraceType.Keys];

    [Theory]
    [MemberData(nameof(TraceTypes))]
    public void Every_attribute_of_each_trace_type_exists_in_the_plotly_schema(string traceType)
    {
        // Each example holds the trace the Chart factory makes and one with most attributes set.
        var figure = TraceExamples.ByTraceType[traceType];
        Assert.True(figure.Data.Count >= 2);
        Assert.All(figure.Data, t => Assert.Equal(traceType, t.TraceType));
        Assert.Empty(PlotlySchema.Load.Validate(figure.ToJson()));
    }

    [Fact]
    public void Layout_frames_and_config_attributes_exist_in_the_plotly_schema()
    {
        string json = TraceExamples.FullLayout.ToJson();
        Assert.Contains("\"xaxis2\"", json, StringComparison.Ordinal);
        Assert.Empty(PlotlySchema.Load.Validate(json));
    }

    [Fact]
    public void Every_trace_type_of_the_model_has_an_example()
    {
        var modelTypes = typeof(Trace).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Trace)) && !t.IsAbstract)
            .Select(t => ((Trace)Activator.CreateInstance(t)!).TraceType);
        Assert.Equal(modelTypes.Order(), TraceExamples.ByTraceType.Keys.Order());
    }

    [Theory]
    [InlineData("{\"data\":[{\"type\":\"scatter\",\"colour\":\"red\"}]}", "data[0].colour: no such plotly.js attribute")]
    [InlineData("{\"data\":[{\"type\":\"scatter\",\"mode\":\"lines+marker\"}]}", "data[0].mode: unknown flags marker")]
    [InlineData("{\"data\":[{\"type\":\"heatmap\",\"zsmooth\":\"smooth\"}]}", "data[0].zsmooth: not one of the allowed values")]
    [InlineData("{\"data\":[{\"type\":\"bar\",\"marker\":{\"colour\":\"red\"}}]}", "data[0].marker.colour: no such plotly.js attribute")]
    [InlineData("{\"layout\":{\"xaxis3\":{\"scaleanchr\":\"x\"}}}", "layout.xaxis3.scaleanchr: no such plotly.js attribute")]
    [InlineData("{\"layout\":{\"sliders\":[{\"steps\":[{\"methd\":\"animate\"}]}]}}", "layout.sliders[0].steps[0].methd: no such plotly.js attribute")]
    [InlineData("{\"data\":[{\"type\":\"isosurface\",\"isomin\":\"low\"}]}", "data[0].isomin: expected a number")]
    [InlineData("{\"data\":[{\"type\":\"pie3d\"}]}", "data[0]: missing or unknown trace type")]
    [InlineData("{\"config\":{\"displaylogo\":1}}", "config.displaylogo: expected true or false")]
    public void The_validator_reports_attributes_plotly_would_ignore(string json, string expected)
    {
        var problems = PlotlySchema.Load.Validate(json);
        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_subset_matches_the_plotly_version_of_the_html_export() =>
        Assert.Equal(PlotlySource.Version, PlotlySchema.Load.PlotlyVersion);
}
