using Radiomics.Imaging;
using Radiomics.Numerics;

namespace Radiomics.Processing;

/// <summary>
/// Binary erosion, dilation, opening and closing of a region with a <see cref="StructuringElement"/> (ball or box,
/// radius in mm or voxels). The result is a binary label map (label 1) on the same grid. As ITK's binary filters,
/// dilation treats voxels beyond the image as background and erosion treats them as foreground, so a region touching
/// the image border is not eroded from the border.
/// </summary>
/// <remarks>
/// The element is taken as runs along x (<see cref="StructuringElement.Rows"/>); with prefix counts of each image row
/// a run is tested in O(1), so the cost is O(voxels × runs) rather than O(voxels × element size), and only the
/// bounding box of the region (grown by the element for dilation) is processed.
/// </remarks>
public static class BinaryMorphology
{
    /// <summary>Voxels whose neighbourhood (the element centred on them) contains any region voxel.</summary>
    public static LabelMap Dilate(LabelMap mask, StructuringElement element, byte? label = null) => Apply(mask, element, label, erode: false);

    /// <summary>Voxels whose whole neighbourhood lies in the region.</summary>
    public static LabelMap Erode(LabelMap mask, StructuringElement element, byte? label = null) => Apply(mask, element, label, erode: true);

    /// <summary>Erosion then dilation: removes parts narrower than the element.</summary>
    public static LabelMap Open(LabelMap mask, StructuringElement element, byte? label = null) =>
        Dilate(Erode(mask, element, label), element);

    /// <summary>Dilation then erosion: fills gaps and holes narrower than the element.</summary>
    public static LabelMap Close(LabelMap mask, StructuringElement element, byte? label = null) =>
        Erode(Dilate(mask, element, label), element);

    private static LabelMap Apply(LabelMap mask, StructuringElement element, byte? label, bool erode)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(element);
        var geometry = mask.Geometry;
        var size = geometry.Size;
        var output = new byte[geometry.VoxelCount];
        var found = label is { } l ? mask.BoundingBox(l) : mask.BoundingBox();
        if (found is not { } box)
        {
            return new LabelMap(new Image<byte>(geometry, output));
        }

        var half = element.HalfExtent(geometry.Spacing);
        var rows = element.Rows(geometry.Spacing);
        // Outputs can only be set inside the region's box (erosion) or the box grown by the element (dilation).
        var work = erode ? box : box.Pad(half, size);
        var prefix = PrefixCounts(mask, label, work);
        int wx = work.Size.X, wy = work.Size.Y;
        ParallelRows.For(work.Min.Z, work.Max.Z + 1, Parallelism.AllCores, z =>
        {
            for (int y = work.Min.Y; y <= work.Max.Y; y++)
            {
                for (int x = work.Min.X; x <= work.Max.X; x++)
                {
                    bool on = erode;
                    foreach (var (dy, dz, w) in rows)
                    {
                        bool run = RunTest(prefix, work, wx, wy, size, x, y + dy, z + dz, w, erode);
                        if (run != erode)
                        {
                            on = !erode;
                            break;
                        }
                    }

                    if (on)
                    {
                        output[x + (size.X * (y + (size.Y * z)))] = 1;
                    }
                }
            }
        });
        return new LabelMap(new Image<byte>(geometry, output));
    }

    /// <summary>
    /// For erosion: whether the run [x−w, x+w] on row (y, z) is all foreground (voxels outside the image count as
    /// foreground). For dilation: whether it holds any foreground.
    /// </summary>
    private static bool RunTest(int[] prefix, BoundingBox work, int wx, int wy, Size3 size, int x, int y, int z, int w, bool erode)
    {
        if ((uint)y >= (uint)size.Y || (uint)z >= (uint)size.Z)
        {
            return erode;
        }

        // Clip the run to the image; for erosion the clipped-off part is foreground by convention.
        int x0 = Math.Max(0, x - w), x1 = Math.Min(size.X - 1, x + w);
        if (!work.Contains(work.Min.X, y, z) || x0 < work.Min.X || x1 > work.Max.X)
        {
            // Inside the image but outside the work box means background there.
            if (erode)
            {
                return false;
            }

            if (y < work.Min.Y || y > work.Max.Y || z < work.Min.Z || z > work.Max.Z)
            {
                return false;
            }

            x0 = Math.Max(x0, work.Min.X);
            x1 = Math.Min(x1, work.Max.X);
            if (x0 > x1)
            {
                return false;
            }
        }

        int row = ((z - work.Min.Z) * wy) + (y - work.Min.Y);
        int baseIndex = row * (wx + 1);
        int count = prefix[baseIndex + (x1 - work.Min.X) + 1] - prefix[baseIndex + (x0 - work.Min.X)];
        return erode ? count == x1 - x0 + 1 : count > 0;
    }

    /// <summary>Per row of the work box, prefix[i] = number of region voxels among its first i voxels.</summary>
    private static int[] PrefixCounts(LabelMap mask, byte? label, BoundingBox work)
    {
        var s = work.Size;
        var size = mask.Geometry.Size;
        var voxels = mask.Voxels;
        var prefix = new int[(s.X + 1) * s.Y * s.Z];
        int at = 0;
        for (int z = work.Min.Z; z <= work.Max.Z; z++)
        {
            for (int y = work.Min.Y; y <= work.Max.Y; y++)
            {
                int src = work.Min.X + (size.X * (y + (size.Y * z)));
                prefix[at] = 0;
                for (int i = 0; i < s.X; i++)
                {
                    byte v = voxels[src + i];
                    bool inside = label is { } l ? v == l : v != 0;
                    prefix[at + i + 1] = prefix[at + i] + (inside ? 1 : 0);
                }

                at += s.X + 1;
            }
        }

        return prefix;
    }
}
