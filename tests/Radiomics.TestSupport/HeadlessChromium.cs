using System.Diagnostics;
namespace Radiomics.TestSupport;

/// <summary>
/// Debian's chromium run headless on a local page, and the local plotly.js (tools/plotly, installed by .ci/run via
/// tools/plotly/install.sh). The machine may have no network: pages must load plotly.js from a file.
/// </summary>
public static class HeadlessChromium
{
    public const string ChromiumVariable = "CHROMIUM";
    public const string PlotlyVariable = "PLOTLY_JS";

    private static readonly Lazy<string?> ExecutableLazy = new(FindExecutable);

    public static string? Executable => ExecutableLazy.Value;

    /// <summary>plotly.min.js from <c>PLOTLY_JS</c> or tools/plotly/node_modules, or null.</summary>
    public static string? PlotlyJs
    {
        get
        {
            string? path = Environment.GetEnvironmentVariable(PlotlyVariable);
            if (string.IsNullOrEmpty(path) && SharedData.RepositoryRoot is { } root)
            {
                path = Path.Combine(root, "tools", "plotly", "node_modules", "plotly.js-dist-min", "plotly.min.js");
            }

            return path is not null && File.Exists(path) ? path : null;
        }
    }

    public static string? SkipReason =>
        Executable is null ? $"Chromium not found (set {ChromiumVariable} or run tools/plotly/install.sh, which .ci/run calls)."
        : PlotlyJs is null ? $"plotly.js not found (set {PlotlyVariable} or run tools/plotly/install.sh to npm-install plotly.js-dist-min)."
        : null;

    /// <summary>Why Chromium alone (without the local plotly.js) is not available, or null.</summary>
    public static string? ChromiumSkipReason =>
        Executable is null ? $"Chromium not found (set {ChromiumVariable} or run tools/plotly/install.sh, which .ci/run calls)." : null;

    /// <summary>
    /// Loads the page and returns the DOM after scripts ran (virtual time lets timers and promises finish). With
    /// <paramref name="offline"/>, every network request fails (no host resolves and the proxy is a closed port), as on a
    /// machine without internet; local files still load.
    /// </summary>
    public static string DumpDom(string htmlPath, TimeSpan timeout, bool offline = false)
    {
        using var profile = new TempDirectory();
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException(SkipReason))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--user-data-dir={profile.Path}",
            "--allow-file-access-from-files", "--virtual-time-budget=30000", "--window-size=1200,900", "--dump-dom",
            new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }

        if (offline)
        {
            start.ArgumentList.Insert(0, "--host-resolver-rules=MAP * ~NOTFOUND");
            start.ArgumentList.Insert(0, "--proxy-server=127.0.0.1:9");
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Chromium did not finish {htmlPath} within {timeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Chromium exited with {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result;
    }

    private static string? FindExecutable()
    {
        string? configured = Environment.GetEnvironmentVariable(ChromiumVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" })
            {
                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

/// <summary>A theory that needs headless Chromium and the local plotly.js; skipped with a message saying how to get them.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (HeadlessChromium.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A fact that needs headless Chromium and the local plotly.js; skipped with a message saying how to get them.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (HeadlessChromium.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
