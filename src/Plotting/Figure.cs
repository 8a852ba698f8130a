using System.Globalization;
using System.Text.Json;
using Radiomics.Display;
using Radiomics.IO;
using Radiomics.Plotting.Json;

namespace Radiomics.Plotting;

/// <summary>
/// An immutable plotly.js figure: traces (<see cref="Data"/>), <see cref="Layout"/>, animation <see cref="Frames"/> and
/// <see cref="Config"/>. The <c>With*</c> methods return a new figure. <see cref="ToJson"/> writes the figure JSON
/// plotly.js takes in <c>Plotly.newPlot(div, figure)</c>; <see cref="ToHtml"/> a page that draws it. In Polyglot
/// notebooks a figure displays itself as HTML (see <see cref="TypeFormatterSourceAttribute"/>).
/// </summary>
[TypeFormatterSource(typeof(HtmlFormatterSource<Figure>), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed record Figure : IHtmlContent
{
    public Figure()
    {
    }

    public Figure(IEnumerable<Trace> data, Layout? layout = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        Data = [.. data];
        Layout = layout ?? new Layout();
    }

    public IReadOnlyList<Trace> Data { get; init; } = [];

    public Layout Layout { get; init; } = new();

    public IReadOnlyList<Frame>? Frames { get; init; }

    public Config Config { get; init; } = new();

    public Figure WithTitle(string title) => this with { Layout = Layout with { Title = title } };

    /// <summary>Figure size in pixels (plotly.js <c>layout.width</c>/<c>height</c>).</summary>
    public Figure WithSize(double width, double height)
    {
        if (!(width > 0) || !(height > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Figure size must be positive, got {width} x {height}.");
        }

        return this with { Layout = Layout with { Width = width, Height = height } };
    }

    public Figure WithXAxis(Axis axis) => this with { Layout = Layout with { XAxis = axis } };

    public Figure WithYAxis(Axis axis) => this with { Layout = Layout with { YAxis = axis } };

    /// <summary>Sets the x axis title, keeping its other settings.</summary>
    public Figure WithXAxis(string title) => WithXAxis((Layout.XAxis ?? new Axis()) with { Title = title });

    /// <summary>Sets the y axis title, keeping its other settings.</summary>
    public Figure WithYAxis(string title) => WithYAxis((Layout.YAxis ?? new Axis()) with { Title = title });

    public Figure WithScene(Scene scene) => this with { Layout = Layout with { Scene = scene } };

    public Figure WithLegend(bool show) => this with { Layout = Layout with { ShowLegend = show } };

    public Figure WithLayout(Layout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return this with { Layout = layout };
    }

    public Figure WithLayout(Func<Layout, Layout> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return this with { Layout = change(Layout) };
    }

    public Figure WithConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return this with { Config = config };
    }

    public Figure WithFrames(IEnumerable<Frame> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        return this with { Frames = [.. frames] };
    }

    public Figure WithTraces(IEnumerable<Trace> traces)
    {
        ArgumentNullException.ThrowIfNull(traces);
        return this with { Data = [.. traces] };
    }

    public Figure AddTraces(IEnumerable<Trace> traces)
    {
        ArgumentNullException.ThrowIfNull(traces);
        return this with { Data = [.. Data, .. traces] };
    }

    public Figure AddTrace(Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return this with { Data = [.. Data, trace] };
    }

    /// <summary>The plotly.js figure JSON: <c>{"data": [...], "layout": {...}, "frames": [...], "config": {...}}</c>.</summary>
    public string ToJson(bool indented = false) =>
        JsonSerializer.Serialize(new FigureJson(Data, Layout, Frames, Config), indented ? PlotlyJson.Indented : PlotlyJson.Options);

    /// <summary>
    /// A complete HTML page drawing the figure; plotly.js from <paramref name="plotly"/>, by default
    /// <see cref="PlotlySource.Default"/>: embedded in the page, so it works offline.
    /// </summary>
    public string ToHtml(PlotlySource? plotly = null) => FigureHtml.Page(this, plotly ?? PlotlySource.Default);

    /// <summary>
    /// An HTML fragment for notebook output: a div and a script that draws into it, loading plotly.js from the CDN
    /// (or <paramref name="plotly"/>) unless the page already has it.
    /// </summary>
    public string ToHtmlFragment(PlotlySource? plotly = null) => FigureHtml.Fragment(this, plotly ?? PlotlySource.Cdn);

    /// <summary>Writes <see cref="ToHtml"/> to <paramref name="path"/> atomically.</summary>
    public void SaveHtml(string path, PlotlySource? plotly = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllText(path, ToHtml(plotly));
    }

    /// <summary>
    /// A div and the script that draws into it, for pages that load plotly.js once in their head (for example with
    /// <c>PlotlySource.Default.ScriptElement()</c>). After drawing, the div carries <c>data-plotly-rendered="true"</c>
    /// (or <c>data-plotly-error</c>).
    /// </summary>
    public string ToHtmlElement() => FigureHtml.Element(this);

    /// <summary>Writes <see cref="ToJson"/> to <paramref name="path"/> atomically.</summary>
    public void SaveJson(string path, bool indented = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.WriteAllText(path, ToJson(indented));
    }

    string IHtmlContent.ToHtmlFragment() => ToHtmlFragment();

    public override string ToString()
    {
        string title = Layout.Title?.Text is { Length: > 0 } t ? $" \"{t}\"" : "";
        string types = string.Join(", ", Data.Select(d => d.TraceType).Distinct());
        string frames = Frames is { Count: > 0 } f ? string.Create(CultureInfo.InvariantCulture, $", {f.Count} frames") : "";
        return string.Create(CultureInfo.InvariantCulture, $"Figure{title}: {Data.Count} traces ({types}){frames}");
    }

    private sealed record FigureJson(IReadOnlyList<Trace> Data, Layout Layout, IReadOnlyList<Frame>? Frames, Config Config);
}
