using System.Globalization;

namespace Radiomics.Imaging;

/// <summary>A 3×3 matrix stored by rows; used for direction cosines (columns are the image axes in physical space).</summary>
public readonly record struct Matrix3(
    double M00, double M01, double M02,
    double M10, double M11, double M12,
    double M20, double M21, double M22)
{
    public static Matrix3 Identity => new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    public static Matrix3 Diagonal(Vec3 d) => new(d.X, 0, 0, 0, d.Y, 0, 0, 0, d.Z);

    public static Matrix3 FromColumns(Vec3 c0, Vec3 c1, Vec3 c2) =>
        new(c0.X, c1.X, c2.X, c0.Y, c1.Y, c2.Y, c0.Z, c1.Z, c2.Z);

    public static Matrix3 FromRows(Vec3 r0, Vec3 r1, Vec3 r2) =>
        new(r0.X, r0.Y, r0.Z, r1.X, r1.Y, r1.Z, r2.X, r2.Y, r2.Z);

    /// <summary>Builds a matrix from nine values in row-major order.</summary>
    public static Matrix3 FromRowMajor(ReadOnlySpan<double> v)
    {
        if (v.Length != 9)
        {
            throw new ArgumentException($"A 3×3 matrix needs 9 values, got {v.Length}.", nameof(v));
        }

        return new(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
    }

    /// <summary>Rotation about an axis through the origin by <paramref name="radians"/> (right-hand rule).</summary>
    public static Matrix3 Rotation(Vec3 axis, double radians)
    {
        var a = axis.Normalised();
        double c = Math.Cos(radians), s = Math.Sin(radians), t = 1 - c;
        return new(
            t * a.X * a.X + c, t * a.X * a.Y - s * a.Z, t * a.X * a.Z + s * a.Y,
            t * a.X * a.Y + s * a.Z, t * a.Y * a.Y + c, t * a.Y * a.Z - s * a.X,
            t * a.X * a.Z - s * a.Y, t * a.Y * a.Z + s * a.X, t * a.Z * a.Z + c);
    }

    public double this[int row, int col] => (row * 3 + col) switch
    {
        0 => M00, 1 => M01, 2 => M02,
        3 => M10, 4 => M11, 5 => M12,
        6 => M20, 7 => M21, 8 => M22,
        _ => throw new ArgumentOutOfRangeException(nameof(row), $"Element ({row}, {col}) is outside a 3×3 matrix."),
    };

    public Vec3 Column(int c) => new(this[0, c], this[1, c], this[2, c]);

    public Vec3 Row(int r) => new(this[r, 0], this[r, 1], this[r, 2]);

    public double[] ToRowMajorArray() => [M00, M01, M02, M10, M11, M12, M20, M21, M22];

    public static Vec3 operator *(Matrix3 m, Vec3 v) => new(
        m.M00 * v.X + m.M01 * v.Y + m.M02 * v.Z,
        m.M10 * v.X + m.M11 * v.Y + m.M12 * v.Z,
        m.M20 * v.X + m.M21 * v.Y + m.M22 * v.Z);

    public static Matrix3 operator *(Matrix3 a, Matrix3 b) => FromColumns(a * b.Column(0), a * b.Column(1), a * b.Column(2));

    public static Matrix3 operator *(double s, Matrix3 m) => new(
        s * m.M00, s * m.M01, s * m.M02, s * m.M10, s * m.M11, s * m.M12, s * m.M20, s * m.M21, s * m.M22);

    public static Matrix3 operator +(Matrix3 a, Matrix3 b) => new(
        a.M00 + b.M00, a.M01 + b.M01, a.M02 + b.M02,
        a.M10 + b.M10, a.M11 + b.M11, a.M12 + b.M12,
        a.M20 + b.M20, a.M21 + b.M21, a.M22 + b.M22);

    public static Matrix3 operator -(Matrix3 a, Matrix3 b) => a + (-1.0 * b);

    public Matrix3 Transpose() => new(M00, M10, M20, M01, M11, M21, M02, M12, M22);

    public double Determinant =>
        M00 * (M11 * M22 - M12 * M21) - M01 * (M10 * M22 - M12 * M20) + M02 * (M10 * M21 - M11 * M20);

    /// <summary>Inverse by the adjugate; throws when the matrix is singular relative to its scale.</summary>
    public Matrix3 Inverse()
    {
        double det = Determinant;
        double scale = MaxAbs;
        if (!double.IsFinite(det) || Math.Abs(det) <= 1e-12 * scale * scale * scale)
        {
            throw new InvalidOperationException($"The matrix {this} is singular and has no inverse.");
        }

        double inv = 1.0 / det;
        return new(
            (M11 * M22 - M12 * M21) * inv, (M02 * M21 - M01 * M22) * inv, (M01 * M12 - M02 * M11) * inv,
            (M12 * M20 - M10 * M22) * inv, (M00 * M22 - M02 * M20) * inv, (M02 * M10 - M00 * M12) * inv,
            (M10 * M21 - M11 * M20) * inv, (M01 * M20 - M00 * M21) * inv, (M00 * M11 - M01 * M10) * inv);
    }

    public double MaxAbs
    {
        get
        {
            double m = 0;
            foreach (var v in ToRowMajorArray())
            {
                m = Math.Max(m, Math.Abs(v));
            }

            return m;
        }
    }

    public bool IsFinite
    {
        get
        {
            foreach (var v in ToRowMajorArray())
            {
                if (!double.IsFinite(v))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Largest absolute element-wise difference to another matrix.</summary>
    public double MaxAbsDifference(Matrix3 other) => (this - other).MaxAbs;

    /// <summary>True when the columns are unit length and mutually orthogonal within <paramref name="tolerance"/>.</summary>
    public bool IsOrthonormal(double tolerance = 1e-6) =>
        (Transpose() * this).MaxAbsDifference(Identity) <= tolerance;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"[[{M00:G6}, {M01:G6}, {M02:G6}], [{M10:G6}, {M11:G6}, {M12:G6}], [{M20:G6}, {M21:G6}, {M22:G6}]]");
}
