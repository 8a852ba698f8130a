namespace Radiomics.Plotting;

/// <summary>
/// How a script shows a result outside a notebook: a <see cref="Figure"/> becomes a self-contained HTML page in a
/// folder, anything else is written as text. The file-based app twins of the notebooks (<c>examples/NN-*.cs</c>) use it
/// as their <c>Show</c>, where the notebook displays the value in the kernel.
/// </summary>
public static class PageOutput
{
    /// <summary>Saves <paramref name="value"/> as <c>FOLDER/NAME.html</c> if it is a figure, else writes it to <paramref name="log"/>.</summary>
    /// <param name="value">A figure, or anything whose text is worth printing.</param>
    /// <param name="name">The page's file name without extension (figures only).</param>
    /// <param name="folder">Where pages go; created when missing.</param>
    /// <param name="log">Where text goes (standard output by default); also names each page written.</param>
    public static void Show(object? value, string name, string folder, TextWriter? log = null)
    {
        log ??= Console.Out;
        if (value is Figure figure)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
            ArgumentException.ThrowIfNullOrEmpty(folder);
            Directory.CreateDirectory(folder);
            string page = Path.Combine(folder, name + ".html");
            figure.SaveHtml(page);
            log.WriteLine($"written {page}");
        }
        else
        {
            log.WriteLine(value);
        }
    }
}
