namespace Radiomics.Display;

/// <summary>
/// A convention-based .NET Interactive formatter source (see <see cref="TypeFormatterSourceAttribute"/>) for a type
/// that renders itself: <c>text/html</c> from <see cref="IHtmlContent.ToHtmlFragment"/>, <c>text/plain</c> from
/// <see cref="object.ToString"/>.
/// </summary>
public sealed class HtmlFormatterSource<T>
    where T : IHtmlContent
{
    public IEnumerable<object> CreateTypeFormatters() =>
        [new ContentFormatter("text/html", v => v.ToHtmlFragment()), new ContentFormatter("text/plain", v => v.ToString() ?? "")];

    /// <summary>One formatter as .NET Interactive calls it by convention: <c>MimeType</c>, <c>Type</c>, <c>Format</c>.</summary>
    public sealed class ContentFormatter
    {
        private readonly Func<T, string> _format;

        internal ContentFormatter(string mimeType, Func<T, string> format)
        {
            MimeType = mimeType;
            _format = format;
        }

        public string MimeType { get; }

        public Type Type => typeof(T);

        public bool Format(object instance, TextWriter writer)
        {
            ArgumentNullException.ThrowIfNull(writer);
            if (instance is not T value)
            {
                return false;
            }

            writer.Write(_format(value));
            return true;
        }
    }
}
