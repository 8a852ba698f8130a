using System.Globalization;
using Radiomics.IO;

namespace Radiomics.Longitudinal.Transforms.IO;

/// <summary>Shared plumbing of the text transform formats: guarded reads, atomic writes, invariant round-trip numbers.</summary>
internal static class TransformText
{
    /// <summary>The whole file as text; a missing or unreadable file is a <see cref="TransformFileException"/>.</summary>
    public static string ReadAll(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TransformFileException(path, TransformFileProblem.NotFound, e.Message, e);
        }
    }

    /// <summary>Writes through <see cref="AtomicFile"/>, so readers see the old file or the whole new one.</summary>
    public static void WriteAll(string path, string text)
    {
        try
        {
            AtomicFile.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TransformFileException(path, TransformFileProblem.WriteFailed, e.Message, e);
        }
    }

    /// <summary>Shortest text that parses back to the same double (as ITK's <c>NumberToString</c> writes).</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Numbers(IEnumerable<double> values) => string.Join(' ', values.Select(Number));

    /// <summary>Parses whitespace-separated numbers; anything else is a malformed file.</summary>
    public static double[] ParseNumbers(string path, string text, string what)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var values = new double[words.Length];
        for (int i = 0; i < words.Length; i++)
        {
            if (!double.TryParse(words[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw new TransformFileException(path, TransformFileProblem.Malformed, $"{what}: '{words[i]}' is not a finite number.");
            }
        }

        return values;
    }

    /// <summary>Checks a parameter count and throws naming the transform type otherwise.</summary>
    public static void ExpectCount(string path, double[] values, int count, string what)
    {
        if (values.Length != count)
        {
            throw new TransformFileException(path, TransformFileProblem.Malformed, $"{what} needs {count} values; the file has {values.Length}.");
        }
    }
}
