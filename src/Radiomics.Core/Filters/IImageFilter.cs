using Radiomics.Imaging;

namespace Radiomics.Filters;

/// <summary>Something that turns an image into a response map on the same grid (an IBSI 2 filter or a PyRadiomics image type).</summary>
public interface IImageFilter
{
    /// <summary>
    /// The response map of <paramref name="image"/>: a new image with the same geometry. The input is not changed.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="image"/> is null.</exception>
    /// <exception cref="ArgumentException">The image has more than one component.</exception>
    Image<double> Apply(Image<double> image);
}
