namespace Radiomics.Plotting;

/// <summary>Proportions of a 3D scene (plotly.js <c>scene.aspectmode</c>).</summary>
public enum AspectMode
{
    Auto,
    Cube,

    /// <summary>Physical proportions (mm in all three axes).</summary>
    Data,
    Manual,
}
