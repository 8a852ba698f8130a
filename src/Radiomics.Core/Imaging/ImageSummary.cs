namespace Radiomics.Imaging;

/// <summary>What <c>radiomics info</c> prints about an image: its grid, voxel type and intensity range.</summary>
public sealed record ImageSummary(
    Size3 Size,
    Vec3 Spacing,
    Vec3 Origin,
    Matrix3 Direction,
    string OrientationCode,
    PixelType PixelType,
    int Components,
    double Minimum,
    double Maximum,
    double Mean,
    long NonFiniteValues,
    Vec3 PhysicalExtent)
{
    public static ImageSummary Of(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var g = image.Geometry;
        var (min, max) = image.Range();
        long nonFinite = image.CountNonFinite();
        double sum = 0;
        long n = 0;
        if (nonFinite == 0)
        {
            sum = image.Sum();
            n = (long)image.VoxelCount * image.Components;
        }
        else
        {
            foreach (var v in image.ConvertTo<double>().Voxels)
            {
                if (double.IsFinite(v))
                {
                    sum += v;
                    n++;
                }
            }
        }

        return new ImageSummary(
            g.Size, g.Spacing, g.Origin, g.Direction, Orientation.Code(g.Direction), image.PixelType, image.Components,
            min, max, n > 0 ? sum / n : double.NaN, nonFinite, g.Spacing.Scale(new Vec3(g.Size.X, g.Size.Y, g.Size.Z)));
    }

    /// <summary>The summary of a header and the intensities streamed past <paramref name="intensities"/>.</summary>
    public static ImageSummary Of(IO.ImageHeader header, IntensityAccumulator intensities)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(intensities);
        var g = header.Geometry;
        return new ImageSummary(
            g.Size, g.Spacing, g.Origin, g.Direction, Orientation.Code(g.Direction), header.PixelType, header.Components,
            intensities.Minimum, intensities.Maximum, intensities.Mean, intensities.NonFinite, g.Spacing.Scale(new Vec3(g.Size.X, g.Size.Y, g.Size.Z)));
    }
}
