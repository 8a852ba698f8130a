using System.Collections;
using System.Reflection;

namespace Radiomics.Notebooks;

/// <summary>
/// Renders values as .NET Interactive would for types that declare a convention-based formatter source: an attribute
/// class named <c>TypeFormatterSourceAttribute</c> with <c>FormatterSourceType</c> (and optionally
/// <c>PreferredMimeTypes</c>), whose source's <c>CreateTypeFormatters()</c> returns formatters with <c>MimeType</c>
/// and <c>bool Format(object, TextWriter)</c>. Other values are shown as text (<see cref="object.ToString"/>).
/// </summary>
public static class DisplayFormatter
{
    private const string AttributeName = "TypeFormatterSourceAttribute";

    public static CellOutput? Format(object? value, bool isResult)
    {
        if (value is null)
        {
            return isResult ? null : new CellOutput.Data(new Dictionary<string, string> { ["text/plain"] = "<null>" }, isResult);
        }

        var byMime = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var formatter in ConventionFormatters(value.GetType()))
        {
            if (byMime.ContainsKey(formatter.MimeType))
            {
                continue;
            }

            using var writer = new StringWriter();
            if (formatter.Format(value, writer))
            {
                byMime[formatter.MimeType] = writer.ToString();
            }
        }

        if (!byMime.ContainsKey("text/plain"))
        {
            byMime["text/plain"] = value.ToString() ?? "";
        }

        return new CellOutput.Data(byMime, isResult);
    }

    private static IEnumerable<(string MimeType, Func<object, TextWriter, bool> Format)> ConventionFormatters(Type type)
    {
        foreach (var attribute in type.GetCustomAttributes(true).Where(a => a.GetType().Name == AttributeName))
        {
            if (attribute.GetType().GetProperty("FormatterSourceType")?.GetValue(attribute) is not Type sourceType)
            {
                continue;
            }

            object source = Activator.CreateInstance(sourceType)
                ?? throw new InvalidOperationException($"Cannot create formatter source {sourceType} of {type}.");
            if (sourceType.GetMethod("CreateTypeFormatters")?.Invoke(source, null) is not IEnumerable formatters)
            {
                continue;
            }

            foreach (var formatter in formatters)
            {
                var t = formatter.GetType();
                if (t.GetProperty("MimeType")?.GetValue(formatter) is string mime &&
                    t.GetMethod("Format", [typeof(object), typeof(TextWriter)]) is MethodInfo format)
                {
                    yield return (mime, (v, w) => format.Invoke(formatter, [v, w]) is true);
                }
            }
        }
    }
}
