using Radiomics.Features.Morphology;
using Radiomics.Imaging;

namespace Radiomics.Features;

/// <summary>Entry point of the IBSI morphological family.</summary>
/// <remarks>
/// Positions are in millimetres along the grid axes (voxel index times spacing): every feature except the two AABB
/// densities is invariant to rotation, and the AABB is taken along the grid axes, as in the IBSI reference
/// implementations. The mesh, hull, PCA and bounding volumes use the morphological mask; centre of mass shift uses both
/// masks; integrated intensity, Moran's I and Geary's C use the intensities of the intensity mask.
/// </remarks>
public static class MorphologyFeatures
{
    public const string Family = "morphology";

    /// <summary>
    /// All morphological features of the ROI, named and coded as in the IBSI 1 manual: mesh volume and area, voxel
    /// counting volume, the sphericity family, centre of mass shift, maximum 3D diameter, PCA axes, volume and area
    /// densities (AABB, OMBB, AEE, MVEE, convex hull), integrated intensity, Moran's I and Geary's C.
    /// </summary>
    /// <remarks>
    /// Degenerate ROIs give documented values rather than errors: features that divide by a zero PCA eigenvalue
    /// (elongation, flatness and the AEE densities of a single voxel, or the AEE densities of a flat ROI) are NaN; with an empty intensity mask, centre of mass shift, integrated
    /// intensity, Moran's I and Geary's C are NaN; Moran's I and Geary's C are NaN for fewer than two intensity voxels
    /// or constant intensities. NaN intensities inside the intensity mask propagate to those four features.
    /// </remarks>
    /// <exception cref="ArgumentException">The morphological mask is empty.</exception>
    public static IReadOnlyList<FeatureValue> Compute(RoiVolume roi)
    {
        ArgumentNullException.ThrowIfNull(roi);
        var m = MorphologyMeasurements.Measure(roi);
        double v = m.MeshVolume, a = m.MeshArea;
        var pca = m.Axes;
        double semiMajor = 2 * Math.Sqrt(Math.Max(pca.Major, 0));
        double semiMinor = 2 * Math.Sqrt(Math.Max(pca.Minor, 0));
        double semiLeast = 2 * Math.Sqrt(Math.Max(pca.Least, 0));
        double aeeVolume = 4 * Math.PI * semiMajor * semiMinor * semiLeast / 3;
        double aeeArea = EllipsoidSurface.IbsiArea(semiMajor, semiMinor, semiLeast);
        var aabb = m.AxisAlignedBox;

        return
        [
            F("Volume (mesh)", "RNU0", v),
            F("Volume (voxel counting)", "YEKZ", m.VoxelVolume),
            F("Surface area (mesh)", "C0JK", a),
            F("Surface to volume ratio", "2PR5", a / v),
            F("Compactness 1", "SKGS", v / (Math.Sqrt(Math.PI) * Math.Pow(a, 1.5))),
            F("Compactness 2", "BQWJ", 36 * Math.PI * v * v / (a * a * a)),
            F("Spherical disproportion", "KRCK", a / Math.Cbrt(36 * Math.PI * v * v)),
            F("Sphericity", "QCFX", Math.Cbrt(36 * Math.PI * v * v) / a),
            F("Asphericity", "25C7", Math.Cbrt(a * a * a / (36 * Math.PI * v * v)) - 1),
            F("Centre of mass shift", "KLMA", m.CentreOfMassShift),
            F("Maximum 3D diameter", "L0JK", m.MaximumDiameter),
            F("Major axis length", "TDIC", pca.MajorAxisLength),
            F("Minor axis length", "P9VJ", pca.MinorAxisLength),
            F("Least axis length", "7J51", pca.LeastAxisLength),
            F("Elongation", "Q3CK", Math.Sqrt(Ratio(pca.Minor, pca.Major))),
            F("Flatness", "N17B", Math.Sqrt(Ratio(pca.Least, pca.Major))),
            F("Volume density (axis-aligned bounding box)", "PBX1", v / aabb.Volume, "volume density (AABB)"),
            F("Area density (axis-aligned bounding box)", "R59B", a / aabb.SurfaceArea, "area density (AABB)"),
            F("Volume density (oriented minimum bounding box)", "ZH1A", v / m.OrientedBox.Volume, "volume density (OMBB)"),
            F("Area density (oriented minimum bounding box)", "IQYR", a / m.OrientedBox.SurfaceArea, "area density (OMBB)"),
            F("Volume density (approximate enclosing ellipsoid)", "6BDE", Ratio(v, aeeVolume), "volume density (AEE)"),
            F("Area density (approximate enclosing ellipsoid)", "RDD2", Ratio(a, aeeArea), "area density (AEE)"),
            F("Volume density (minimum volume enclosing ellipsoid)", "SWZ1", v / m.EnclosingEllipsoid.Volume, "volume density (MVEE)"),
            F("Area density (minimum volume enclosing ellipsoid)", "BRI8", a / m.EnclosingEllipsoid.IbsiSurfaceArea, "area density (MVEE)"),
            F("Volume density (convex hull)", "R3ER", v / m.HullVolume),
            F("Area density (convex hull)", "7T7F", a / m.HullArea),
            F("Integrated intensity", "99N0", v * m.MeanIntensity),
            F("Moran’s I index", "N365", m.MoransI),
            F("Geary’s C measure", "NPT7", m.GearysC),
        ];
    }

    /// <summary>x / y, NaN when y is not positive (a degenerate PCA ellipsoid).</summary>
    private static double Ratio(double x, double y) => y > 0 ? x / y : double.NaN;

    private static FeatureValue F(string name, string code, double value, string variant = "") =>
        new(Family, name, code, value, "", variant);
}
