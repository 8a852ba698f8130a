namespace Radiomics.Plotting;

/// <summary>Buttons or a drop-down (plotly.js <c>layout.updatemenus[i]</c>), e.g. play/pause or overlay on/off.</summary>
public sealed record UpdateMenu
{
    public MenuType? Type { get; init; }

    public IReadOnlyList<MenuButton> Buttons { get; init; } = [];

    public MenuDirection? Direction { get; init; }

    public bool? ShowActive { get; init; }

    public int? Active { get; init; }

    public double? X { get; init; }

    public double? Y { get; init; }

    public HorizontalAnchor? XAnchor { get; init; }

    public VerticalAnchor? YAnchor { get; init; }

    public Padding? Pad { get; init; }
}

/// <summary>A button of an <see cref="UpdateMenu"/>: calls a plotly.js method with arguments.</summary>
public sealed record MenuButton(string Label, string Method, IReadOnlyList<object?> Args);
