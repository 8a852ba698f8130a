namespace Radiomics.Plotting;

/// <summary>How an animation call is queued (plotly.js <c>Plotly.animate</c> option <c>mode</c>).</summary>
public enum AnimationMode
{
    /// <summary>At once, interrupting any running animation.</summary>
    Immediate,
    Next,
    AfterAll,
}
