using FsCheck;
using FsCheck.Fluent;
using Radiomics.Features.Morphology;
using Radiomics.Imaging;

namespace Radiomics.Core.Tests.Features.Morphology;

/// <summary>A random binary mask on a small grid, for property tests.</summary>
public sealed record MaskCase(Size3 Size, bool[] Mask, Vec3 Spacing)
{
    public bool At(int x, int y, int z) => Mask[x + (Size.X * (y + (Size.Y * z)))];

    public int Count => Mask.Count(b => b);

    public override string ToString() => $"{Size} spacing {Spacing}, {Count} voxels";
}

/// <summary>Generators shared by the morphology property tests (deterministic: the seed is part of the case).</summary>
public static class MorphologyGen
{
    public static readonly Gen<Vec3> Spacing =
        from sx in Gen.Choose(5, 40)
        from sy in Gen.Choose(5, 40)
        from sz in Gen.Choose(5, 40)
        select new Vec3(sx / 10.0, sy / 10.0, sz / 10.0);

    /// <summary>Masks of 1–6 voxels per axis with at least one voxel set, densities from sparse to full.</summary>
    public static readonly Gen<MaskCase> Masks =
        from nx in Gen.Choose(1, 6)
        from ny in Gen.Choose(1, 6)
        from nz in Gen.Choose(1, 6)
        from percent in Gen.Choose(10, 100)
        from seed in Gen.Choose(0, int.MaxValue)
        from spacing in Spacing
        select Build(new Size3(nx, ny, nz), percent, seed, spacing);

    /// <summary>Random integer points in a cube, at least four and not coplanar (checked by the caller's hull).</summary>
    public static readonly Gen<LatticePoint[]> LatticeClouds =
        from count in Gen.Choose(4, 200)
        from range in Gen.Choose(1, 1000)
        from seed in Gen.Choose(0, int.MaxValue)
        select Cloud(count, range, seed);

    public static MaskCase Build(Size3 size, int percent, int seed, Vec3 spacing)
    {
        var random = new Random(seed);
        var mask = new bool[size.Count];
        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = random.Next(100) < percent;
        }

        mask[random.Next(mask.Length)] = true;
        return new MaskCase(size, mask, spacing);
    }

    public static LatticePoint[] Cloud(int count, int range, int seed)
    {
        var random = new Random(seed);
        var points = new LatticePoint[count];
        for (int i = 0; i < count; i++)
        {
            points[i] = new LatticePoint(random.Next(-range, range + 1), random.Next(-range, range + 1), random.Next(-range, range + 1));
        }

        // Four affinely independent points guarantee a 3D hull.
        points[0] = new LatticePoint(-range - 1, 0, 0);
        points[1] = new LatticePoint(range + 1, 0, 0);
        points[2] = new LatticePoint(0, range + 1, 0);
        points[3] = new LatticePoint(0, 0, range + 1);
        return points;
    }

    /// <summary>A ball of radius <paramref name="radius"/> voxels, centred in its grid.</summary>
    public static MaskCase Ball(double radius, Vec3 spacing)
    {
        int n = (int)(2 * radius) + 3;
        var size = new Size3(n, n, n);
        var mask = new bool[size.Count];
        double c = (n - 1) / 2.0;
        int i = 0;
        for (int z = 0; z < n; z++)
        {
            for (int y = 0; y < n; y++)
            {
                for (int x = 0; x < n; x++, i++)
                {
                    mask[i] = ((x - c) * (x - c)) + ((y - c) * (y - c)) + ((z - c) * (z - c)) <= radius * radius;
                }
            }
        }

        return new MaskCase(size, mask, spacing);
    }

    /// <summary>A full a×b×c box of voxels.</summary>
    public static MaskCase Box(int a, int b, int c, Vec3 spacing)
    {
        var size = new Size3(a, b, c);
        var mask = new bool[size.Count];
        Array.Fill(mask, true);
        return new MaskCase(size, mask, spacing);
    }
}
