using System.Globalization;

namespace Radiomics.IO;

/// <summary>
/// The most memory one image (or one resampled grid, or one transform's coefficient grid) may take. Readers and
/// resamplers check it before allocating, so a header that merely claims a huge image is refused at once.
/// </summary>
/// <remarks>
/// The default is one eighth of the memory available to the process (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>,
/// which honours container limits), and at least 256 MiB: extraction holds a few copies of an image (stored type,
/// floating point, mask, resampled grid), so one eighth keeps a run well inside physical memory. The environment
/// variable <c>RADIOMICS_MEMORY_BUDGET</c> overrides it (bytes, or a number with K, M, G or T, e.g. <c>4G</c>);
/// <see cref="Override"/> sets it for the current call context (tests, notebooks).
/// </remarks>
public static class MemoryBudget
{
    public const string EnvironmentVariable = "RADIOMICS_MEMORY_BUDGET";

    private const long MinimumDefault = 256L << 20;

    private static readonly AsyncLocal<long?> Scoped = new();

    /// <summary>The budget in bytes now in force.</summary>
    public static long Bytes => Scoped.Value ?? FromEnvironment() ?? DefaultBytes;

    /// <summary>One eighth of the memory available to the process, at least 256 MiB.</summary>
    public static long DefaultBytes
    {
        get
        {
            long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
            return Math.Max(MinimumDefault, available / 8);
        }
    }

    /// <summary>Sets the budget for the current call context until the returned object is disposed.</summary>
    public static IDisposable Override(long bytes)
    {
        if (bytes <= 0)
        {
            throw new InvalidInputException($"the memory budget must be positive; {bytes} bytes was given.");
        }

        var previous = Scoped.Value;
        Scoped.Value = bytes;
        return new Restore(previous);
    }

    /// <summary>
    /// Refuses <paramref name="bytes"/> beyond the budget with an <see cref="ImageFileException"/> naming
    /// <paramref name="path"/> and the size.
    /// </summary>
    public static void Check(string path, long bytes, string what)
    {
        long budget = Bytes;
        if (bytes > budget)
        {
            throw new ImageFileException(path, ImageFileProblem.TooLarge,
                $"{what} would take {Describe(bytes)}, more than the memory budget of {Describe(budget)} (set {EnvironmentVariable} to change it).");
        }
    }

    /// <summary>Refuses an allocation beyond the budget with an <see cref="InvalidInputException"/> (work that has no file).</summary>
    public static void Check(long bytes, string what)
    {
        long budget = Bytes;
        if (bytes > budget)
        {
            throw new InvalidInputException(
                $"{what} would take {Describe(bytes)}, more than the memory budget of {Describe(budget)} (set {EnvironmentVariable} to change it).");
        }
    }

    /// <summary>The product of sizes (counts, bytes per value) as bytes, saturating at <see cref="long.MaxValue"/>; for checks before any arithmetic can overflow.</summary>
    public static long Product(params ReadOnlySpan<double> factors)
    {
        double p = 1;
        foreach (var f in factors)
        {
            p *= f;
        }

        return !double.IsFinite(p) || p >= long.MaxValue ? long.MaxValue : (long)Math.Ceiling(p);
    }

    public static string Describe(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.##} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.##} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };

    /// <summary>Parses "1073741824", "512M", "4G", "1.5GiB"; null when the text is not a size.</summary>
    public static long? ParseSize(string text)
    {
        var t = text.Trim();
        if (t.EndsWith("iB", StringComparison.OrdinalIgnoreCase))
        {
            t = t[..^2];
        }
        else if (t.EndsWith('B') || t.EndsWith('b'))
        {
            t = t[..^1];
        }

        long unit = 1;
        if (t.Length > 0 && char.IsLetter(t[^1]))
        {
            unit = char.ToUpperInvariant(t[^1]) switch
            {
                'K' => 1L << 10,
                'M' => 1L << 20,
                'G' => 1L << 30,
                'T' => 1L << 40,
                _ => 0,
            };
            t = t[..^1];
        }

        if (unit == 0 || !double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !(v > 0))
        {
            return null;
        }

        double bytes = v * unit;
        return bytes >= long.MaxValue ? long.MaxValue : (long)bytes;
    }

    private static long? FromEnvironment()
    {
        string? text = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return ParseSize(text) ?? throw new InvalidInputException(
            $"{EnvironmentVariable}='{text}' is not a size; give bytes or a number with K, M, G or T (e.g. 4G).");
    }

    private sealed class Restore(long? previous) : IDisposable
    {
        public void Dispose() => Scoped.Value = previous;
    }
}
