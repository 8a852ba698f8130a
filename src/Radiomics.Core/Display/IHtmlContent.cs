namespace Radiomics.Display;

/// <summary>An object that renders itself as an HTML fragment in notebooks and reports.</summary>
public interface IHtmlContent
{
    /// <summary>An HTML fragment (no <c>&lt;html&gt;</c>/<c>&lt;body&gt;</c>) showing the object.</summary>
    string ToHtmlFragment();
}
