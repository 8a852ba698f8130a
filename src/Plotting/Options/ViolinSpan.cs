namespace Radiomics.Plotting;

/// <summary>How far a violin extends past its data (plotly.js <c>violin.spanmode</c>).</summary>
public enum ViolinSpan
{
    Soft,

    /// <summary>Only the range of the data.</summary>
    Hard,
    Manual,
}
