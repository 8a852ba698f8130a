using Radiomics.Imaging;

namespace Radiomics.Processing;

/// <summary>
/// Resampling to a new voxel spacing as IBSI 1 defines it ("Interpolation", VTM2): the new grid has
/// <c>n_b = ⌈n_a s_a / s_b⌉</c> voxels along each axis (026Q) and its centre coincides with the original grid's
/// centre (align grid centres, 3WE3), so its first voxel lies at grid coordinate
/// <c>x_b = ½ (n_a − 1 − (s_b/s_a)(n_b − 1))</c> (QCY4). Outside the original grid the edge intensities are
/// repeated. Direction cosines are kept, so the resampled geometry places every voxel correctly in physical space.
/// </summary>
public static class Resample
{
    /// <summary>The IBSI-aligned grid with the requested spacing; with <paramref name="inPlaneOnly"/> the slice axis (z) is kept.</summary>
    public static ImageGeometry Grid(ImageGeometry source, Vec3 spacing, bool inPlaneOnly = false)
    {
        ArgumentNullException.ThrowIfNull(source);
        var size = new int[3];
        var start = new double[3];
        var newSpacing = new double[3];
        for (int a = 0; a < 3; a++)
        {
            if (a == 2 && inPlaneOnly)
            {
                size[a] = source.Size[a];
                newSpacing[a] = source.Spacing[a];
                continue;
            }

            double sb = spacing[a];
            if (!(sb > 0) || !double.IsFinite(sb))
            {
                throw new ArgumentOutOfRangeException(nameof(spacing), spacing, "Resampling spacing must be finite and positive.");
            }

            int na = source.Size[a];
            double sa = source.Spacing[a];
            // Guard the ceiling against binary noise: 3 mm × 60 / 2 mm must give 90, not 91.
            double nb = Math.Max(1, Math.Ceiling(na * sa / sb - 1e-9));
            if (!(nb <= int.MaxValue))
            {
                throw new InvalidInputException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"resampling {na} voxels of {sa} mm to {sb} mm along axis {a} would give {nb:G3} voxels, more than a grid axis can hold."));
            }

            size[a] = (int)nb;
            newSpacing[a] = sb;
            start[a] = 0.5 * (na - 1 - sb / sa * (size[a] - 1));
        }

        var origin = source.IndexToPhysical(new Vec3(start[0], start[1], start[2]));
        return new ImageGeometry(new Size3(size[0], size[1], size[2]), new Vec3(newSpacing[0], newSpacing[1], newSpacing[2]), origin, source.Direction);
    }

    /// <summary>
    /// The image resampled onto the IBSI grid for <paramref name="settings"/>, or onto the part of that grid inside
    /// <paramref name="region"/> (a box of the new grid); intensities rounded when the settings ask for it.
    /// </summary>
    public static Image<double> Image(Image image, ResamplingSettings settings, BoundingBox? region = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(settings);
        if (image.Components != 1)
        {
            throw new ArgumentException($"Resampling needs a scalar image; this one has {image.Components} components.", nameof(image));
        }

        settings.Validate();
        var target = Grid(image.Geometry, settings.Spacing, settings.InPlaneOnly);
        var box = CheckRegion(target, region);
        CheckBudget(box, sizeof(double));
        return new Image<double>(target.Crop(box), ImageValues(image, target, box, settings, roundInput: false));
    }

    /// <summary>Refuses an output block beyond <see cref="IO.MemoryBudget"/> before it is allocated.</summary>
    private static void CheckBudget(BoundingBox box, int bytesPerVoxel) =>
        IO.MemoryBudget.Check(
            IO.MemoryBudget.Product(box.Size.X, box.Size.Y, box.Size.Z, bytesPerVoxel),
            $"the resampled grid of {box.Size} voxels");

    /// <summary>
    /// Intensities on <paramref name="box"/> of the target grid; input optionally rounded before interpolation.
    /// Non-finite source voxels are missing (<see cref="MissingVoxels"/>): the resampled voxels they reach are NaN,
    /// unless <paramref name="refuseNonFinite"/> asks to refuse them (a filter would spread them over the image).
    /// </summary>
    /// <exception cref="InvalidInputException">Non-finite intensities read while <paramref name="refuseNonFinite"/> is set.</exception>
    internal static double[] ImageValues(Image image, ImageGeometry target, BoundingBox box, ResamplingSettings settings, bool roundInput, bool refuseNonFinite = false)
    {
        bool anyMissing = false;
        var values = Block(image.Geometry, target, box, settings.Interpolator, settings.InPlaneOnly, (b, v) =>
        {
            VoxelBlock.ToDouble(image, b, v);
            if (MissingVoxels.ReplaceNonFinite(v))
            {
                if (refuseNonFinite)
                {
                    throw new InvalidInputException(
                        $"The image has non-finite intensities (NaN or infinity) among the voxels {b} that a filter would read after resampling; they would spread over the whole response map. Replace them, or extract without a filter.");
                }

                anyMissing = true;
            }

            if (roundInput)
            {
                for (int i = 0; i < v.Length; i++)
                {
                    v[i] = Math.Round(v[i], MidpointRounding.ToEven);
                }
            }
        });
        if (anyMissing)
        {
            var footprint = Block(image.Geometry, target, box, MissingVoxels.FootprintInterpolator(settings.Interpolator), settings.InPlaneOnly,
                (b, v) => MissingVoxels.Footprint(image, b, settings.Interpolator, v));
            for (int i = 0; i < values.Length; i++)
            {
                if (footprint[i] > 0)
                {
                    values[i] = double.NaN;
                }
            }
        }

        if (settings.RoundIntensities)
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = Math.Round(values[i], MidpointRounding.ToEven);
            }
        }

        return values;
    }

    /// <summary>
    /// The ROI (every non-zero voxel of <paramref name="mask"/>) resampled onto the IBSI grid with the mask
    /// interpolator and binarised with the partial volume threshold (IBSI E8H9); label 1 inside, 0 outside.
    /// </summary>
    public static LabelMap Mask(LabelMap mask, ResamplingSettings settings, BoundingBox? region = null)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var target = Grid(mask.Geometry, settings.Spacing, settings.InPlaneOnly);
        var box = CheckRegion(target, region);
        CheckBudget(box, sizeof(double));
        var inside = MaskBlock(mask, target, box, settings);
        var labels = new byte[inside.Length];
        for (int i = 0; i < inside.Length; i++)
        {
            labels[i] = inside[i] ? (byte)1 : (byte)0;
        }

        return new LabelMap(new Image<byte>(target.Crop(box), labels));
    }

    /// <summary>The ROI on <paramref name="box"/> of the target grid, as booleans.</summary>
    internal static bool[] MaskBlock(LabelMap mask, ImageGeometry target, BoundingBox box, ResamplingSettings settings)
    {
        var values = Block(mask.Geometry, target, box, settings.MaskInterpolator, settings.InPlaneOnly, (b, v) => VoxelBlock.Mask(mask, b, v));
        // Exact partial volumes of 0.5 come out as 0.4999… after floating point arithmetic; the manual warns
        // against losing those voxels, so the comparison allows a rounding error.
        double threshold = settings.PartialVolumeThreshold - 1e-9;
        var inside = new bool[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            inside[i] = values[i] >= threshold;
        }

        return inside;
    }

    /// <summary>
    /// The box of the target grid that can hold ROI voxels after resampling a source box (e.g. the mask's bounding
    /// box): the box's extent in physical space plus the interpolator's reach, clipped to the grid.
    /// </summary>
    internal static BoundingBox? TargetBoxCovering(ImageGeometry source, ImageGeometry target, BoundingBox sourceBox, int reach)
    {
        var min = new int[3];
        var max = new int[3];
        for (int a = 0; a < 3; a++)
        {
            double s = target.Spacing[a] / source.Spacing[a];
            double start = TargetStart(source, target, a);
            // Position of target voxel j in source grid coordinates: start + j·s.
            min[a] = Math.Max(0, (int)Math.Floor((sourceBox.Min[a] - reach - start) / s));
            max[a] = Math.Min(target.Size[a] - 1, (int)Math.Ceiling((sourceBox.Max[a] + reach - start) / s));
            if (min[a] > max[a])
            {
                return null;
            }
        }

        return new BoundingBox(new Index3(min[0], min[1], min[2]), new Index3(max[0], max[1], max[2]));
    }

    private static BoundingBox CheckRegion(ImageGeometry target, BoundingBox? region)
    {
        var box = region ?? BoundingBox.Whole(target.Size);
        if (!box.IsInside(target.Size))
        {
            throw new ArgumentOutOfRangeException(nameof(region), box, $"The region must lie inside the resampled grid of size {target.Size}.");
        }

        return box;
    }

    /// <summary>Grid coordinate (in the source grid) of the target grid's first voxel along an axis.</summary>
    private static double TargetStart(ImageGeometry source, ImageGeometry target, int axis) =>
        0.5 * (source.Size[axis] - 1 - target.Spacing[axis] / source.Spacing[axis] * (target.Size[axis] - 1));

    /// <summary>
    /// Source grid coordinate of target voxel <paramref name="j"/>, snapped to multiples of 2⁻³² so that positions
    /// which are exact halves in exact arithmetic (3 mm slices resampled to 2 mm) give exact partial volumes of 0.5.
    /// </summary>
    private static double Position(ImageGeometry source, ImageGeometry target, int axis, int j)
    {
        double c = 0.5 * (source.Size[axis] - 1) + (j - 0.5 * (target.Size[axis] - 1)) * (target.Spacing[axis] / source.Spacing[axis]);
        const double grid = 4294967296.0;
        return Math.Round(c * grid) / grid;
    }

    /// <summary>Fills <paramref name="values"/> with the voxels of a box of the source image.</summary>
    private delegate void BlockReader(BoundingBox sourceBox, Span<double> values);

    /// <summary>
    /// Values of <paramref name="box"/> of the target grid: <paramref name="read"/> fills a block of source voxels,
    /// which is interpolated axis by axis. Intermediate blocks come from the array pool; only the result is allocated.
    /// </summary>
    private static double[] Block(ImageGeometry source, ImageGeometry target, BoundingBox box, Interpolator interpolator, bool inPlaneOnly, BlockReader read)
    {
        int reach = AxisInterpolation.Support(interpolator);
        var lo = new int[3];
        var hi = new int[3];
        var positions = new double[3][];
        for (int a = 0; a < 3; a++)
        {
            if (a == 2 && inPlaneOnly)
            {
                lo[a] = box.Min[a];
                hi[a] = box.Max[a];
                continue;
            }

            int count = box.Size[a];
            var p = new double[count];
            for (int j = 0; j < count; j++)
            {
                p[j] = Position(source, target, a, box.Min[a] + j);
            }

            lo[a] = Math.Clamp((int)Math.Floor(p[0]) - reach, 0, source.Size[a] - 1);
            hi[a] = Math.Clamp((int)Math.Floor(p[^1]) + 1 + reach, 0, source.Size[a] - 1);
            for (int j = 0; j < count; j++)
            {
                p[j] -= lo[a];
            }

            positions[a] = p;
        }

        var sourceBox = new BoundingBox(new Index3(lo[0], lo[1], lo[2]), new Index3(hi[0], hi[1], hi[2]));
        var size = sourceBox.Size;
        var pool = System.Buffers.ArrayPool<double>.Shared;
        int lastAxis = positions[2] is null ? 1 : 2;
        var current = pool.Rent((int)size.Count);
        bool rented = true;
        try
        {
            read(sourceBox, current.AsSpan(0, (int)size.Count));
            for (int a = 0; a <= lastAxis; a++)
            {
                var p = positions[a]!;
                var nextSize = AxisInterpolation.ResultSize(size, a, p.Length);
                bool last = a == lastAxis;
                var next = last ? new double[nextSize.Count] : pool.Rent((int)nextSize.Count);
                AxisInterpolation.Apply(current, size, a, p, interpolator, next);
                pool.Return(current);
                (current, rented, size) = (next, !last, nextSize);
            }

            return current;
        }
        catch
        {
            if (rented)
            {
                pool.Return(current);
            }

            throw;
        }
    }
}
