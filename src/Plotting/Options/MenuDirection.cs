namespace Radiomics.Plotting;

/// <summary>Direction in which an update menu opens or its buttons are laid out (plotly.js <c>updatemenu.direction</c>).</summary>
public enum MenuDirection
{
    Left,
    Right,
    Up,
    Down,
}
