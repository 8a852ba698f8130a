namespace Radiomics.Plotting.Charts;

/// <summary>Settings of <see cref="SliceViewer"/>; the defaults suit a CT/MR tumour scan with its mask.</summary>
public sealed record SliceViewerSettings
{
    /// <summary>The plane shown. Default: axial.</summary>
    public SlicePlane Plane { get; init; } = SlicePlane.Axial;

    /// <summary>The slice shown first (index across the plane, after cropping). Default: the slice with the largest overlay area, else the middle one.</summary>
    public int? InitialSlice { get; init; }

    /// <summary>Crop the view to the overlay's bounding box plus <see cref="CropMargin"/> voxels. Default: true.</summary>
    public bool CropToOverlay { get; init; } = true;

    /// <summary>Voxels kept around the overlay when cropping. Default: 8.</summary>
    public int CropMargin { get; init; } = 8;

    /// <summary>Largest number of samples per slice side; larger slices are subsampled. Default: 256.</summary>
    public int MaxInPlaneSize { get; init; } = 256;

    /// <summary>Largest number of slices on the slider; more are subsampled evenly. Default: 160.</summary>
    public int MaxSlices { get; init; } = 160;

    /// <summary>Grey-level window. Default: the 0.5th–99.5th percentile of the shown volume.</summary>
    public IntensityWindow? Window { get; init; }

    /// <summary>Colour scale of the image. Default: <c>"Greys"</c> (black to white).</summary>
    public Colorscale Colorscale { get; init; } = "Greys";

    /// <summary>Opacity of the overlay's label colours. Default: 0.45.</summary>
    public double OverlayOpacity { get; init; } = 0.45;

    /// <summary>Names of overlay labels 1, 2, ... for hover text and the colour bar. Default: "label 1", "label 2", ....</summary>
    public IReadOnlyList<string>? LabelNames { get; init; }

    /// <summary>Legend name of the overlay. Default: "mask".</summary>
    public string OverlayName { get; init; } = "mask";

    public string? Title { get; init; }
}
