using Radiomics.TestSupport;

namespace Radiomics.Plotting.Tests;

public class FigureHtmlTests
{
    private static readonly Figure Figure = Chart.Scatter(new[] { 1.0, 2 }, new[] { 3.0, 4 }).WithTitle("A <b>bold</b> title");

    [Fact]
    public void Html_embeds_the_plotly_js_of_the_build_by_default_and_draws_the_figure_json()
    {
        // The build embeds plotly.min.js from the npm package (src/Plotting/PlotlyJs.targets); without npm it falls back to the CDN.
        string html = Figure.ToHtml();
        Assert.NotNull(PlotlySource.Embedded);
        Assert.DoesNotContain("<script src=", html, StringComparison.Ordinal);
        Assert.Contains($"plotly.js v{PlotlySource.Version}", html, StringComparison.Ordinal);
        Assert.True(html.Length > 3_000_000, $"{html.Length} characters");
        Assert.Contains($"<script src=\"https://cdn.plot.ly/plotly-{PlotlySource.Version}.min.js\"", Figure.ToHtml(PlotlySource.Cdn), StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot(div, fig)", html, StringComparison.Ordinal);
        Assert.Contains("<title>A &lt;b&gt;bold&lt;/b&gt; title</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Figure_json_inside_the_page_cannot_close_the_script_element()
    {
        string html = Chart.Bar(new[] { "</script><script>alert(1)</script>" }, new[] { 1.0 }).ToHtml();
        Assert.DoesNotContain("</script><script>alert", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Local_and_inlined_plotly_sources_are_used()
    {
        using var dir = new TempDirectory();
        string js = Path.Combine(dir.Path, "plotly.min.js");
        File.WriteAllText(js, "window.Plotly = {}; // </script> inside");
        Assert.Contains("src=\"file:///", Figure.ToHtml(PlotlySource.FromFile(js)), StringComparison.Ordinal);
        string inlined = Figure.ToHtml(PlotlySource.Inline(js));
        Assert.Contains("window.Plotly = {}; // <\\/script> inside", inlined, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.plot.ly", inlined, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => PlotlySource.FromFile(Path.Combine(dir.Path, "missing.js")));
    }

    [Fact]
    public void SaveHtml_writes_the_page_atomically()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "sub", "figure.html");
        Figure.SaveHtml(path);
        // Each page gets a fresh element id (process id and a counter other tests advance too), so compare without it.
        static string WithoutIds(string html) => System.Text.RegularExpressions.Regex.Replace(html, "radiomics-figure-[0-9a-f]+-[0-9]+", "ID");
        Assert.Equal(WithoutIds(Figure.ToHtml()), WithoutIds(File.ReadAllText(path)));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Notebook_fragment_has_no_page_elements_and_loads_plotly_once()
    {
        string fragment = Figure.ToHtmlFragment();
        Assert.DoesNotContain("<html", fragment, StringComparison.Ordinal);
        Assert.Contains("data-radiomics-plotly", fragment, StringComparison.Ordinal);
        Assert.Contains("requirejs", fragment, StringComparison.Ordinal);
    }

    [Fact]
    public void Figures_follow_the_dotnet_interactive_formatter_convention()
    {
        // What .NET Interactive does by convention: find the attribute by name, create the source, format text/html.
        var attribute = typeof(Figure).GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        Assert.Equal(["text/html", "text/plain"], (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!);
        var source = Activator.CreateInstance(sourceType)!;
        var formatters = ((System.Collections.IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!).Cast<object>().ToList();
        var html = formatters.Single(f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)! == "text/html");
        Assert.Equal(typeof(Figure), html.GetType().GetProperty("Type")!.GetValue(html));
        using var writer = new StringWriter();
        Assert.True((bool)html.GetType().GetMethod("Format")!.Invoke(html, [Figure, writer])!);
        Assert.Contains("radiomics-figure", writer.ToString(), StringComparison.Ordinal);
    }
}
