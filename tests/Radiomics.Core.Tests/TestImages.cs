using System.Numerics;
using Radiomics.Imaging;

namespace Radiomics.Core.Tests;

/// <summary>Synthetic images for tests: seeded, so every run sees the same values.</summary>
internal static class TestImages
{
    /// <summary>An oblique, anisotropic grid: rotation about (1,2,3) by 25°, spacing (0.7, 1.3, 2.9) mm.</summary>
    public static ImageGeometry Oblique(int nx = 7, int ny = 6, int nz = 5) => new(
        new Size3(nx, ny, nz), new Vec3(0.7, 1.3, 2.9), new Vec3(-12.25, 40.5, 7.75), Matrix3.Rotation(new Vec3(1, 2, 3), 25 * Math.PI / 180));

    public static Image<T> Random<T>(ImageGeometry geometry, int seed, int components = 1) where T : unmanaged, INumber<T>, IMinMaxValue<T>
    {
        var rng = new Random(seed);
        var v = new T[geometry.VoxelCount * components];
        double lo = Math.Max(double.CreateTruncating(T.MinValue), -1e6), hi = Math.Min(double.CreateTruncating(T.MaxValue), 1e6);
        bool integer = typeof(T) != typeof(float) && typeof(T) != typeof(double);
        for (int i = 0; i < v.Length; i++)
        {
            double x = lo + rng.NextDouble() * (hi - lo);
            v[i] = T.CreateSaturating(integer ? Math.Floor(x) : x);
        }

        return new Image<T>(geometry, v, components);
    }

    public static Image RandomOfType(PixelType type, ImageGeometry geometry, int seed, int components = 1) => type switch
    {
        PixelType.UInt8 => Random<byte>(geometry, seed, components),
        PixelType.Int8 => Random<sbyte>(geometry, seed, components),
        PixelType.UInt16 => Random<ushort>(geometry, seed, components),
        PixelType.Int16 => Random<short>(geometry, seed, components),
        PixelType.UInt32 => Random<uint>(geometry, seed, components),
        PixelType.Int32 => Random<int>(geometry, seed, components),
        PixelType.UInt64 => Random<ulong>(geometry, seed, components),
        PixelType.Int64 => Random<long>(geometry, seed, components),
        PixelType.Float32 => Random<float>(geometry, seed, components),
        PixelType.Float64 => Random<double>(geometry, seed, components),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Asserts two images hold bit-identical voxels and geometries equal within <paramref name="tolerance"/>.</summary>
    public static void AssertSame(Image expected, Image actual, double tolerance = 1e-9)
    {
        Assert.Equal(expected.PixelType, actual.PixelType);
        Assert.Equal(expected.Components, actual.Components);
        AssertGeometry(expected.Geometry, actual.Geometry, tolerance);
        Assert.True(expected.AsBytes().SequenceEqual(actual.AsBytes()), "voxel values differ");
    }

    public static void AssertGeometry(ImageGeometry expected, ImageGeometry actual, double tolerance)
    {
        Assert.Equal(expected.Size, actual.Size);
        Assert.True((expected.Spacing - actual.Spacing).MaxAbs <= tolerance, $"spacing {actual.Spacing} != {expected.Spacing}");
        Assert.True((expected.Origin - actual.Origin).MaxAbs <= tolerance, $"origin {actual.Origin} != {expected.Origin}");
        Assert.True(expected.Direction.MaxAbsDifference(actual.Direction) <= tolerance, $"direction {actual.Direction} != {expected.Direction}");
    }
}
