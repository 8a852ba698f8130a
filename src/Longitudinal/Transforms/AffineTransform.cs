using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Transforms;

/// <summary>
/// Affine transform in ITK's convention: <c>T(x) = A·(x − c) + c + t</c> with matrix <c>A</c>, centre of rotation
/// <c>c</c> and translation <c>t</c> (all in physical LPS mm). The centre does not change the mapping, only how it is
/// split between matrix and translation (ITK's "fixed parameters").
/// </summary>
public sealed record AffineTransform : ILinearTransform
{
    public AffineTransform(Matrix3 matrix, Vec3 translation, Vec3 center = default)
    {
        if (!matrix.IsFinite || !translation.IsFinite || !center.IsFinite)
        {
            throw new ArgumentException("An affine transform needs finite matrix, translation and centre.", nameof(matrix));
        }

        Matrix = matrix;
        Translation = translation;
        Centre = center;
    }

    public static AffineTransform Identity { get; } = new(Matrix3.Identity, Vec3.Zero);

    public Matrix3 Matrix { get; }

    public Vec3 Translation { get; }

    public Vec3 Centre { get; }

    /// <summary>The offset <c>b</c> of <c>T(x) = A·x + b</c>, i.e. <c>t + c − A·c</c> (ITK's "offset").</summary>
    public Vec3 Offset => Translation + Centre - Matrix * Centre;

    public Vec3 TransformPoint(Vec3 point) => Matrix * (point - Centre) + Centre + Translation;

    /// <summary>Maps a vector (a difference of points): only the matrix acts.</summary>
    public Vec3 TransformVector(Vec3 vector) => Matrix * vector;

    public AffineTransform ToAffine() => this;

    /// <summary>The exact inverse, keeping the same centre; throws <see cref="InvalidOperationException"/> when the matrix is singular.</summary>
    public AffineTransform Inverse()
    {
        var inv = Matrix.Inverse();
        // T⁻¹(y) = A⁻¹(y − c − t) + c, so with centre c the translation is −A⁻¹·t.
        return new AffineTransform(inv, -(inv * Translation), Centre);
    }

    /// <summary>The transform applying this one first and then <paramref name="then"/>: <c>x ↦ then(this(x))</c>.</summary>
    public AffineTransform Then(AffineTransform then)
    {
        ArgumentNullException.ThrowIfNull(then);
        var m = then.Matrix * Matrix;
        var offset = then.Matrix * Offset + then.Offset;
        return FromOffset(m, offset, Centre);
    }

    /// <summary>The same mapping expressed about another centre.</summary>
    public AffineTransform WithCentre(Vec3 center) => FromOffset(Matrix, Offset, center);

    /// <summary>Builds <c>x ↦ A·x + offset</c> expressed with the given centre.</summary>
    public static AffineTransform FromOffset(Matrix3 matrix, Vec3 offset, Vec3 center = default) =>
        new(matrix, offset - center + matrix * center, center);

    /// <summary>Largest distance between the images of the corners of a box under two transforms, mm.</summary>
    public static double MaxCornerDistance(ITransform a, ITransform b, ImageGeometry domain)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(domain);
        double max = 0;
        var s = domain.Size;
        for (int corner = 0; corner < 8; corner++)
        {
            var p = domain.IndexToPhysical((corner & 1) * (s.X - 1), ((corner >> 1) & 1) * (s.Y - 1), ((corner >> 2) & 1) * (s.Z - 1));
            max = Math.Max(max, (a.TransformPoint(p) - b.TransformPoint(p)).Norm);
        }

        return max;
    }
}
