namespace Radiomics.Imaging;

/// <summary>Two images that must share one voxel grid (an image and its mask, say) do not.</summary>
public sealed class GeometryMismatchException : RadiomicsException
{
    public GeometryMismatchException(string what, ImageGeometry expected, ImageGeometry actual)
        : base($"{what}: the grids differ. Expected {expected}; got {actual}. Resample one onto the other explicitly.")
    {
        Expected = expected;
        Actual = actual;
    }

    public ImageGeometry Expected { get; }

    public ImageGeometry Actual { get; }
}
