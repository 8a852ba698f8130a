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
    /// <summary>The summary of an image in memory, by the same accumulation as a streamed file (so both agree exactly).</summary>
    public static ImageSummary Of(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var accumulator = new IntensityAccumulator();
        ReadOnlySpan<byte> bytes = image.AsBytes();
        int size = image.PixelType.SizeInBytes();
        var chunk = new double[1 << 16];
        for (int offset = 0; offset < bytes.Length; offset += chunk.Length * size)
        {
            int count = Math.Min(chunk.Length, (bytes.Length - offset) / size);
            IO.VoxelBuffer.ToDouble(image.PixelType, bytes.Slice(offset, count * size), chunk.AsSpan(0, count));
            accumulator.Add(chunk.AsSpan(0, count));
        }

        return Of(new IO.ImageHeader(image.Geometry, image.PixelType, image.Components), accumulator);
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
