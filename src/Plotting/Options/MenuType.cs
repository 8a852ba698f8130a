namespace Radiomics.Plotting;

/// <summary>Form of an update menu (plotly.js <c>updatemenu.type</c>).</summary>
public enum MenuType
{
    Dropdown,
    Buttons,
}
