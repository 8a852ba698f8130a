using Radiomics.Imaging;

namespace Radiomics.Features.Morphology;

/// <summary>
/// The geometric objects and sums behind the morphological features of one ROI: mesh, convex hull, bounding volumes,
/// PCA, centres of mass and spatial autocorrelation. Computed on the bounding box of the masks.
/// </summary>
public sealed record MorphologyMeasurements
{
    public required double MeshVolume { get; init; }

    public required double MeshArea { get; init; }

    public required double VoxelVolume { get; init; }

    public required double HullVolume { get; init; }

    public required double HullArea { get; init; }

    public required double MaximumDiameter { get; init; }

    public required PrincipalAxes Axes { get; init; }

    public required OrientedBox AxisAlignedBox { get; init; }

    public required OrientedBox OrientedBox { get; init; }

    public required MinimumVolumeEnclosingEllipsoid EnclosingEllipsoid { get; init; }

    public required double CentreOfMassShift { get; init; }

    public required double MeanIntensity { get; init; }

    public required double MoransI { get; init; }

    public required double GearysC { get; init; }

    /// <exception cref="ArgumentException">The morphological mask is empty.</exception>
    public static MorphologyMeasurements Measure(RoiVolume roi)
    {
        ArgumentNullException.ThrowIfNull(roi);
        var crop = CroppedRoi.Of(roi);
        var spacing = roi.Geometry.Spacing;
        // The transforms behind Moran's I and Geary's C dominate; overlap them with the geometry.
        var autocorrelation = Task.Run(() => SpatialAutocorrelation.Compute(crop.Intensities, crop.Intensity, crop.Size, spacing));
        var surface = MarchingCubes.Extract(crop.Morphological, crop.Size, spacing);
        var mesh = surface.ToMesh();
        var hull = ConvexHull3D.Compute(surface.LatticeVertices);
        var hullMesh = hull.ToMesh(surface.LatticeStep);
        var (min, max) = mesh.Bounds();
        var (shift, mean) = CentresOfMass(crop, spacing);
        var axes = PrincipalAxes.Of(crop.Morphological, crop.Size, spacing);
        var orientedBox = OrientedMinimumBoundingBox.Compute(hull, surface.LatticeStep);
        var ellipsoid = MinimumVolumeEnclosingEllipsoid.Fit(hullMesh.Vertices);
        var (moran, geary) = autocorrelation.GetAwaiter().GetResult();
        return new MorphologyMeasurements
        {
            MeshVolume = mesh.Volume,
            MeshArea = mesh.SurfaceArea,
            VoxelVolume = crop.MorphologicalCount * roi.Geometry.VoxelVolume,
            HullVolume = hullMesh.Volume,
            HullArea = hullMesh.SurfaceArea,
            MaximumDiameter = MaximumDistance(hullMesh.Vertices),
            Axes = axes,
            AxisAlignedBox = new OrientedBox((min + max) / 2, Matrix3.Identity, max - min),
            OrientedBox = orientedBox,
            EnclosingEllipsoid = ellipsoid,
            CentreOfMassShift = shift,
            MeanIntensity = mean,
            MoransI = moran,
            GearysC = geary,
        };
    }

    /// <summary>
    /// The largest distance between two points (IBSI maximum 3D diameter, L0JK, over the hull vertices, which contain
    /// the two most distant mesh vertices).
    /// </summary>
    public static double MaximumDistance(ReadOnlySpan<Vec3> points)
    {
        int n = points.Length;
        var x = new double[n];
        var y = new double[n];
        var z = new double[n];
        for (int i = 0; i < n; i++)
        {
            (x[i], y[i], z[i]) = (points[i].X, points[i].Y, points[i].Z);
        }

        double best = 0;
        for (int i = 0; i < n; i++)
        {
            double xi = x[i], yi = y[i], zi = z[i];
            for (int j = i + 1; j < n; j++)
            {
                double dx = x[j] - xi, dy = y[j] - yi, dz = z[j] - zi;
                double d2 = (dx * dx) + (dy * dy) + (dz * dz);
                if (d2 > best)
                {
                    best = d2;
                }
            }
        }

        return Math.Sqrt(best);
    }

    /// <summary>
    /// Distance between the geometric centre of the morphological mask and the intensity-weighted centre of the
    /// intensity mask (IBSI KLMA), and the mean intensity of the intensity mask; NaN for an empty intensity mask.
    /// </summary>
    private static (double Shift, double Mean) CentresOfMass(CroppedRoi crop, Vec3 spacing)
    {
        double gx = 0, gy = 0, gz = 0, wx = 0, wy = 0, wz = 0, sum = 0;
        long intensityCount = 0;
        var size = crop.Size;
        var morphological = crop.Morphological;
        var intensity = crop.Intensity;
        var values = crop.Intensities;
        int i = 0;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++, i++)
                {
                    if (morphological[i])
                    {
                        gx += x;
                        gy += y;
                        gz += z;
                    }

                    if (intensity[i])
                    {
                        double v = values[i];
                        wx += v * x;
                        wy += v * y;
                        wz += v * z;
                        sum += v;
                        intensityCount++;
                    }
                }
            }
        }

        if (intensityCount == 0)
        {
            return (double.NaN, double.NaN);
        }

        long n = crop.MorphologicalCount;
        var geometric = new Vec3(gx / n * spacing.X, gy / n * spacing.Y, gz / n * spacing.Z);
        var weighted = new Vec3(wx / sum * spacing.X, wy / sum * spacing.Y, wz / sum * spacing.Z);
        return ((geometric - weighted).Norm, sum / intensityCount);
    }
}
