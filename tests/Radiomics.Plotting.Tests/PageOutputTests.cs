using Radiomics.TestSupport;

namespace Radiomics.Plotting.Tests;

public class PageOutputTests
{
    [Fact]
    public void A_figure_becomes_a_page_in_the_folder_and_anything_else_is_printed()
    {
        using var tmp = new TempDirectory();
        string folder = Path.Combine(tmp.Path, "pages");
        var log = new StringWriter();
        PageOutput.Show(Chart.Scatter(new[] { 1.0, 2 }, new[] { 3.0, 4 }), "scatter", folder, log);
        PageOutput.Show(42, "ignored", folder, log);

        string page = Path.Combine(folder, "scatter.html");
        Assert.Contains("Plotly.newPlot(div, fig)", File.ReadAllText(page), StringComparison.Ordinal);
        Assert.Equal(["scatter.html"], Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.Equal($"written {page}\n42\n", log.ToString().ReplaceLineEndings("\n"));
        Assert.Throws<ArgumentException>(() => PageOutput.Show(Chart.Scatter(new[] { 1.0 }, new[] { 1.0 }), "", folder, log));
    }
}
