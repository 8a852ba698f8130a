namespace Radiomics.Plotting;

/// <summary>Where a figure's HTML page gets plotly.js from.</summary>
public abstract record PlotlySource
{
    /// <summary>The plotly.js version this figure model is written and tested against.</summary>
    public const string Version = "4.1.2";

    private PlotlySource()
    {
    }

    /// <summary>The official CDN (<c>https://cdn.plot.ly/plotly-4.1.2.min.js</c>): small files, needs a network.</summary>
    public static PlotlySource Cdn { get; } = new Url($"https://cdn.plot.ly/plotly-{Version}.min.js");

    private const string ResourceName = "Radiomics.Plotting.plotly.min.js";

    private static readonly Lazy<Script?> EmbeddedLazy = new(LoadEmbedded);

    /// <summary>
    /// plotly.js as built into this assembly (the npm package <c>plotly.js-dist-min</c> taken at build time), inlined in
    /// the page: works offline, about 4.5 MB per page. Null when the build could not embed it (no npm at build time).
    /// </summary>
    public static PlotlySource? Embedded => EmbeddedLazy.Value;

    /// <summary>What pages use when no source is given: <see cref="Embedded"/>, or the <see cref="Cdn"/> when the build has none.</summary>
    public static PlotlySource Default => Embedded ?? Cdn;

    /// <summary>A <c>&lt;script src&gt;</c> to the given URL or relative path.</summary>
    public static PlotlySource FromUrl(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return new Url(url);
    }

    /// <summary>A <c>&lt;script src="file:///..."&gt;</c> to a local plotly.js file (must exist).</summary>
    public static PlotlySource FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"plotly.js not found at '{full}'.", full);
        }

        return new Url(new Uri(full).AbsoluteUri);
    }

    /// <summary>The content of a local plotly.js file inlined in the page: self-contained, about 4.5 MB per page.</summary>
    public static PlotlySource Inline(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"plotly.js not found at '{full}'.", full);
        }

        return new Script(File.ReadAllText(full));
    }

    private static Script? LoadEmbedded()
    {
        using var stream = typeof(PlotlySource).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return new Script(reader.ReadToEnd());
    }

    /// <summary>The <c>&lt;script&gt;</c> element that loads plotly.js.</summary>
    public abstract string ScriptElement();

    /// <summary>A script URL.</summary>
    public sealed record Url : PlotlySource
    {
        public Url(string address) => Address = address;

        public string Address { get; }

        public override string ScriptElement() => $"<script src=\"{System.Net.WebUtility.HtmlEncode(Address)}\" charset=\"utf-8\"></script>";
    }

    /// <summary>Inlined script text.</summary>
    public sealed record Script : PlotlySource
    {
        public Script(string text) => Text = text;

        public string Text { get; }

        // "</script" inside the library would end the element early; splitting it keeps the JavaScript identical.
        public override string ScriptElement() =>
            $"<script charset=\"utf-8\">{Text.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)}</script>";
    }
}
