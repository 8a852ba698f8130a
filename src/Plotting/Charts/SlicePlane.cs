namespace Radiomics.Plotting.Charts;

/// <summary>Which image plane a 2D view shows, by the image axis it cuts across.</summary>
public enum SlicePlane
{
    /// <summary>Slices across image axis k (z): columns along i (x), rows along j (y).</summary>
    Axial,

    /// <summary>Slices across image axis j (y): columns along i (x), rows along k (z).</summary>
    Coronal,

    /// <summary>Slices across image axis i (x): columns along j (y), rows along k (z).</summary>
    Sagittal,
}
