using Radiomics.Imaging;

namespace Radiomics.Filters;

/// <summary>
/// Common base of the filter settings records. Each record is immutable, has documented defaults, serialises to
/// YAML/JSON through <c>ImageType</c>, and applies itself to an image.
/// </summary>
public abstract record FilterSettings : IImageFilter
{
    /// <summary>A short, file-name-safe name of the response map, e.g. <c>log-sigma-3mm</c> (PyRadiomics calls these image types).</summary>
    public abstract string ImageTypeName();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public abstract void Validate();

    public Image<double> Apply(Image<double> image)
    {
        var voxels = FilterInput.Voxels(image);
        Validate();
        return new Image<double>(image.Geometry, Filter(voxels, image.Geometry));
    }

    /// <summary>The response of a validated filter to voxels (a private copy the filter may overwrite) on <paramref name="geometry"/>.</summary>
    private protected abstract double[] Filter(double[] voxels, ImageGeometry geometry);
}

/// <summary>Boundary checks shared by every filter.</summary>
internal static class FilterInput
{
    /// <summary>A copy of the voxels of a valid single-component image.</summary>
    public static double[] Voxels(Image<double> image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Components != 1)
        {
            throw new ArgumentException($"Filters take single-component images; this one has {image.Components} components.", nameof(image));
        }

        return image.Voxels.ToArray();
    }

    public static void RequirePositive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number greater than zero.");
        }
    }

    public static void RequireDefined<T>(T value, string name) where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} has no value {value}.");
        }
    }
}
