namespace Radiomics.Display;

/// <summary>
/// Tells .NET Interactive (Polyglot notebooks) how to display a type without referencing its packages. Its formatter
/// looks, on the displayed object's type, for any attribute whose class is named <c>TypeFormatterSourceAttribute</c>,
/// reads <see cref="FormatterSourceType"/> and <see cref="PreferredMimeTypes"/> by reflection, creates the source with
/// its parameterless constructor and calls its public <c>CreateTypeFormatters()</c>; each formatter it returns is used
/// through its public <c>MimeType</c>, <c>Type</c> and <c>bool Format(object, TextWriter)</c> members
/// (dotnet/interactive, <c>Formatter.TryRegisterFromConventionBasedFormatterSources</c>). The toolkit's notebook
/// runner uses the same convention, so what it writes is what Polyglot shows.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
public sealed class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute(Type formatterSourceType)
    {
        ArgumentNullException.ThrowIfNull(formatterSourceType);
        FormatterSourceType = formatterSourceType;
    }

    public Type FormatterSourceType { get; }

    /// <summary>MIME types in order of preference, e.g. <c>text/html</c> before <c>text/plain</c>.</summary>
    // An array because attribute arguments can only be arrays, and .NET Interactive reads it as string[].
#pragma warning disable CA1819
    public string[]? PreferredMimeTypes { get; set; }
#pragma warning restore CA1819
}
