using System.Globalization;
using System.Text.RegularExpressions;
using Radiomics.TestSupport;

namespace Radiomics.Plotting.Tests.Browser;

/// <summary>What Chromium made of one figure: plotly's status attributes, a pixel count and the figure's DOM.</summary>
internal sealed record RenderedFigure(bool Rendered, string? Error, double InkFraction, string? ProbeError, string Dom);

/// <summary>
/// Renders figures on one page (<see cref="Chart.ToHtmlPage"/>, one Chromium start for all) with a probe script that,
/// once plotly.js has drawn a figure, exports it with <c>Plotly.toImage</c>, paints it on a canvas and records the
/// fraction of pixels that are not white: a WebGL or SVG drawing that silently failed leaves only axes or nothing.
/// </summary>
internal static partial class RenderedPage
{
    private const string Probe = """
        <script>
        (function () {
          var divs = Array.prototype.slice.call(document.querySelectorAll('.radiomics-figure'));
          function ink(div) {
            return Plotly.toImage(div, { format: 'png', width: 500, height: 400 }).then(function (url) {
              return new Promise(function (resolve, reject) {
                var img = new Image();
                img.onload = function () {
                  var c = document.createElement('canvas');
                  c.width = img.width; c.height = img.height;
                  var g = c.getContext('2d');
                  g.drawImage(img, 0, 0);
                  var d = g.getImageData(0, 0, c.width, c.height).data, n = 0;
                  for (var i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235)) n++; }
                  div.setAttribute('data-ink', String(n / (c.width * c.height)));
                  resolve();
                };
                img.onerror = function () { reject(new Error('image did not load')); };
                img.src = url;
              });
            }).catch(function (e) { div.setAttribute('data-probe-error', String(e)); });
          }
          function next(i) {
            if (i >= divs.length) { document.body.setAttribute('data-probe-done', 'true'); return; }
            var div = divs[i];
            if (div.getAttribute('data-plotly-error')) { next(i + 1); return; }
            if (!div.getAttribute('data-plotly-rendered')) { setTimeout(function () { next(i); }, 50); return; }
            ink(div).then(function () { next(i + 1); });
          }
          next(0);
        })();
        </script>
        """;

    public static IReadOnlyList<RenderedFigure> Render(IReadOnlyList<Figure> figures, string? keepAs = null)
    {
        using var dir = new TempDirectory();
        string html = Chart.ToHtmlPage("browser test", figures, PlotlySource.FromFile(HeadlessChromium.PlotlyJs!));
        html = html.Replace("</body>", Probe + "\n</body>", StringComparison.Ordinal);
        string page = Path.Combine(dir.Path, "figures.html");
        File.WriteAllText(page, html);
        if (keepAs is not null)
        {
            File.Copy(page, keepAs, overwrite: true);
        }

        string dom = HeadlessChromium.DumpDom(page, TimeSpan.FromMinutes(3));
        if (!dom.Contains("data-probe-done=\"true\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The probe did not finish within Chromium's virtual time budget.");
        }

        // Each figure's div up to the next figure's div (or the end of the body).
        var starts = FigureDiv().Matches(dom).Select(m => m.Index).ToList();
        var rendered = new List<RenderedFigure>(starts.Count);
        for (int i = 0; i < starts.Count; i++)
        {
            int end = i + 1 < starts.Count ? starts[i + 1] : dom.Length;
            string part = dom[starts[i]..end];
            string tag = part[..part.IndexOf('>', StringComparison.Ordinal)];
            rendered.Add(new RenderedFigure(
                Attribute(tag, "data-plotly-rendered") == "true",
                Attribute(tag, "data-plotly-error"),
                double.Parse(Attribute(tag, "data-ink") ?? "0", CultureInfo.InvariantCulture),
                Attribute(tag, "data-probe-error"),
                part));
        }

        return rendered;
    }

    private static string? Attribute(string tag, string name)
    {
        var m = Regex.Match(tag, $"{name}=\"([^\"]*)\"", RegexOptions.CultureInvariant);
        return m.Success ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    [GeneratedRegex("<div id=\"radiomics-figure-[^\"]*\" class=\"radiomics-figure", RegexOptions.CultureInvariant)]
    private static partial Regex FigureDiv();
}
