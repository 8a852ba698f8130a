using FsCheck;
using FsCheck.Fluent;
using Radiomics.Imaging;
using Radiomics.Longitudinal.Transforms;

namespace Radiomics.Longitudinal.Tests.Transforms.IO;

/// <summary>Random transforms and points for the file round-trip properties.</summary>
internal static class TransformGenerators
{
    private static readonly Gen<double> Unit = Gen.Choose(-100000, 100000).Select(i => i / 100000.0);

    private static readonly Gen<Vec3> UnitVectors = Gen.ArrayOf(Unit, 3).Select(v => new Vec3(v[0], v[1], v[2]));

    public static readonly Gen<Vec3> Points = UnitVectors.Select(v => 150 * v);

    public static readonly Gen<AffineTransform> Affines =
        from a in Gen.ArrayOf(Unit, 9)
        from t in UnitVectors
        from c in UnitVectors
        let m = new Matrix3(1 + (0.4 * a[0]), 0.4 * a[1], 0.4 * a[2], 0.4 * a[3], 1 + (0.4 * a[4]), 0.4 * a[5], 0.4 * a[6], 0.4 * a[7], 1 + (0.4 * a[8]))
        select new AffineTransform(m, 30 * t, 80 * c);

    public static readonly Gen<Euler3DTransform> Eulers =
        from a in UnitVectors
        from t in UnitVectors
        from c in UnitVectors
        select new Euler3DTransform(Math.PI * a.X, Math.PI * a.Y, Math.PI * a.Z, 30 * t, 80 * c);

    public static readonly Gen<TranslationTransform> Translations = UnitVectors.Select(t => new TranslationTransform(40 * t));

    public static readonly Gen<ITransform> Linear = Gen.OneOf(Affines.Select(a => (ITransform)a), Eulers.Select(e => (ITransform)e), Translations.Select(t => (ITransform)t));

    public static readonly Gen<CompositeTransform> Composites =
        from n in Gen.Choose(2, 4)
        from members in Gen.ArrayOf(Linear, n)
        select new CompositeTransform(members);

    /// <summary>Largest distance between the images of <paramref name="points"/> under two transforms.</summary>
    public static double MaxDistance(ITransform a, ITransform b, IEnumerable<Vec3> points) =>
        points.Max(p => (a.TransformPoint(p) - b.TransformPoint(p)).Norm);
}
