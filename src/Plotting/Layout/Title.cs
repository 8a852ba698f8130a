namespace Radiomics.Plotting;

/// <summary>A title (plotly.js <c>title</c>: <c>{text, font}</c>); a string converts to one.</summary>
public sealed record Title(string Text)
{
    public Font? Font { get; init; }

    public static implicit operator Title(string text) => new(text);

    public static Title FromString(string text) => new(text);
}
