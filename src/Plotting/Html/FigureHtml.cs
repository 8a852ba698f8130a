using System.Globalization;
using System.Net;
using System.Text;

namespace Radiomics.Plotting;

/// <summary>HTML pages and notebook fragments that draw a figure with plotly.js.</summary>
internal static class FigureHtml
{
    private static int _counter;

    public static string Page(Figure figure, PlotlySource plotly) =>
        Document([figure], figure.Layout.Title?.Text ?? "Figure", plotly);

    /// <summary>One page drawing several figures one below the other, loading plotly.js once.</summary>
    public static string Document(IReadOnlyList<Figure> figures, string title, PlotlySource plotly)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n")
            .Append(plotly.ScriptElement()).Append('\n')
            .Append("<style>html, body { margin: 0; }</style>\n</head>\n<body>\n");
        foreach (var figure in figures)
        {
            html.Append(Element(figure));
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>A div and the script that draws into it with the page's plotly.js (loaded once in the page's head).</summary>
    public static string Element(Figure figure)
    {
        var html = new StringBuilder();
        AppendDiv(html, figure, out string id);
        // The attributes set after drawing let tests and scripts see whether plotly.js drew the figure or failed.
        html.Append("<script>\n(function () {\n  var fig = ").Append(figure.ToJson()).Append(";\n")
            .Append("  var div = document.getElementById('").Append(id).Append("');\n")
            .Append("  Plotly.newPlot(div, fig)\n")
            .Append("    .then(function () { div.setAttribute('data-plotly-rendered', 'true'); })\n")
            .Append("    .catch(function (e) { div.setAttribute('data-plotly-error', String(e)); });\n")
            .Append("})();\n</script>\n");
        return html.ToString();
    }

    public static string Fragment(Figure figure, PlotlySource plotly)
    {
        var html = new StringBuilder();
        AppendDiv(html, figure, out string id);
        string url = plotly is PlotlySource.Url u ? u.Address : PlotlySource.Cdn is PlotlySource.Url c ? c.Address : "";
        string inline = plotly is PlotlySource.Script ? plotly.ScriptElement() + "\n" : "";
        // Jupyter front ends ship require.js, which makes plotly.js register as an AMD module instead of window.Plotly;
        // VS Code's Polyglot output has no loader, so a script element is added once and shared by all figures.
        html.Append(inline)
            .Append("<script type=\"text/javascript\">\n(function () {\n  var fig = ").Append(figure.ToJson()).Append(";\n")
            .Append("  var draw = function (P) { (P || window.Plotly).newPlot('").Append(id).Append("', fig); };\n")
            .Append("  if (typeof window.Plotly !== 'undefined') { draw(); return; }\n")
            .Append("  var url = '").Append(url).Append("';\n")
            .Append("  if (typeof window.requirejs === 'function') {\n")
            .Append("    window.requirejs.config({ paths: { plotly: url.replace(/\\.js$/, '') } });\n")
            .Append("    window.requirejs(['plotly'], function (P) { window.Plotly = P; draw(P); });\n    return;\n  }\n")
            .Append("  var s = document.querySelector('script[data-radiomics-plotly]');\n")
            .Append("  if (!s) { s = document.createElement('script'); s.src = url; s.setAttribute('data-radiomics-plotly', '');")
            .Append(" document.head.appendChild(s); }\n")
            .Append("  s.addEventListener('load', function () { draw(); });\n")
            .Append("})();\n</script>\n");
        return html.ToString();
    }

    private static void AppendDiv(StringBuilder html, Figure figure, out string id)
    {
        id = string.Create(CultureInfo.InvariantCulture, $"radiomics-figure-{Environment.ProcessId:x}-{Interlocked.Increment(ref _counter)}");
        string width = figure.Layout.Width is double w ? string.Create(CultureInfo.InvariantCulture, $"{w}px") : "100%";
        string height = figure.Layout.Height is double h ? string.Create(CultureInfo.InvariantCulture, $"{h}px") : "480px";
        html.Append("<div id=\"").Append(id).Append("\" class=\"radiomics-figure\" style=\"width: ").Append(width)
            .Append("; height: ").Append(height).Append(";\"></div>\n");
    }
}
