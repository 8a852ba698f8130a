using Radiomics.Imaging;

namespace Radiomics.IO;

/// <summary>
/// NIfTI stores positions in RAS; the toolkit (like ITK) works in LPS. The choice between sform and qform follows
/// ITK 5.4's NiftiImageIO: the sform when its columns are orthogonal and either no qform is set, the sform code is
/// SCANNER_ANAT, or both forms agree; otherwise the qform; with neither, pixdim along the LPS axes. Spacing always
/// comes from pixdim, as in ITK.
/// </summary>
internal static class NiftiOrientation
{
    private const int ScannerAnat = 1;
    private static readonly Matrix3 RasToLps = Matrix3.Diagonal(new Vec3(-1, -1, 1));

    public static (Vec3 Origin, Matrix3 Direction) Read(string path, NiftiHeader h)
    {
        (Vec3 Origin, Matrix3 Direction)? qform = h.QformCode > 0 ? Qform(h) : null;
        if (h.SformCode > 0)
        {
            var m = new Matrix3(
                h.Srow[0][0], h.Srow[0][1], h.Srow[0][2],
                h.Srow[1][0], h.Srow[1][1], h.Srow[1][2],
                h.Srow[2][0], h.Srow[2][1], h.Srow[2][2]);
            var c0 = m.Column(0);
            var c1 = m.Column(1);
            var c2 = m.Column(2);
            bool orthonormal = c0.Norm > 0 && c1.Norm > 0 && c2.Norm > 0
                && Matrix3.FromColumns(c0.Normalised(), c1.Normalised(), c2.Normalised()).IsOrthonormal(1e-4);
            if (orthonormal)
            {
                var direction = RasToLps * Matrix3.FromColumns(c0.Normalised(), c1.Normalised(), c2.Normalised());
                var origin = RasToLps * new Vec3(h.Srow[0][3], h.Srow[1][3], h.Srow[2][3]);
                bool agree = qform is { } q && q.Direction.MaxAbsDifference(direction) <= 1e-4 && (q.Origin - origin).MaxAbs <= 1e-4 * (1 + origin.MaxAbs);
                if (qform is null || h.SformCode == ScannerAnat || agree)
                {
                    return (origin, direction);
                }
            }
            else if (qform is null)
            {
                throw new ImageFileException(path, ImageFileProblem.InvalidOrientation,
                    "the only orientation is a sheared (non-orthogonal) sform, which ITK-based tools refuse as well.");
            }
        }

        // Neither form set: ITK places the grid along the LPS axes at the origin.
        return qform ?? (Vec3.Zero, Matrix3.Identity);
    }

    /// <summary>The qform: quaternion (b, c, d), qfac in pixdim[0] and qoffset, as nifti_quatern_to_mat44 reads them.</summary>
    private static (Vec3 Origin, Matrix3 Direction) Qform(NiftiHeader h)
    {
        double b = h.QuaternB, c = h.QuaternC, d = h.QuaternD;
        double a2 = 1.0 - (b * b + c * c + d * d);
        double a;
        if (a2 < 1e-7)
        {
            // Not unit length within float precision: normalise b, c, d as niftilib does.
            double n = Math.Sqrt(b * b + c * c + d * d);
            b /= n;
            c /= n;
            d /= n;
            a = 0;
        }
        else
        {
            a = Math.Sqrt(a2);
        }

        double qfac = h.Pixdim[0] < 0 ? -1 : 1;
        var r = new Matrix3(
            a * a + b * b - c * c - d * d, 2 * (b * c - a * d), qfac * 2 * (b * d + a * c),
            2 * (b * c + a * d), a * a + c * c - b * b - d * d, qfac * 2 * (c * d - a * b),
            2 * (b * d - a * c), 2 * (c * d + a * b), qfac * (a * a + d * d - c * c - b * b));
        return (RasToLps * h.QOffset, RasToLps * r);
    }

    /// <summary>Fills qform and sform (both "scanner anatomical") from an LPS geometry.</summary>
    public static void Write(NiftiHeader h, ImageGeometry g)
    {
        var rasDirection = RasToLps * g.Direction;
        var rasOrigin = RasToLps * g.Origin;
        var m = rasDirection * Matrix3.Diagonal(g.Spacing);
        for (int row = 0; row < 3; row++)
        {
            for (int c = 0; c < 3; c++)
            {
                h.Srow[row][c] = m[row, c];
            }

            h.Srow[row][3] = rasOrigin[row];
        }

        h.SformCode = 1;
        h.QOffset = rasOrigin;
        if (rasDirection.IsOrthonormal(1e-4))
        {
            var (qb, qc, qd, qfac) = ToQuaternion(rasDirection);
            h.QuaternB = qb;
            h.QuaternC = qc;
            h.QuaternD = qd;
            h.Pixdim[0] = qfac;
            h.QformCode = 1;
        }
        else
        {
            // A sheared grid has no quaternion; the sform alone carries it.
            h.Pixdim[0] = 1;
            h.QformCode = 0;
        }
    }

    /// <summary>Quaternion (b, c, d) and qfac of an orthonormal matrix, as nifti_mat44_to_quatern defines them.</summary>
    internal static (double B, double C, double D, double Qfac) ToQuaternion(Matrix3 r)
    {
        double qfac = 1;
        if (r.Determinant < 0)
        {
            qfac = -1;
            r = r * Matrix3.Diagonal(new Vec3(1, 1, -1));
        }

        double r11 = r.M00, r12 = r.M01, r13 = r.M02, r21 = r.M10, r22 = r.M11, r23 = r.M12, r31 = r.M20, r32 = r.M21, r33 = r.M22;
        double a = r11 + r22 + r33 + 1, b, c, d;
        if (a > 0.5)
        {
            a = 0.5 * Math.Sqrt(a);
            b = 0.25 * (r32 - r23) / a;
            c = 0.25 * (r13 - r31) / a;
            d = 0.25 * (r21 - r12) / a;
        }
        else
        {
            double xd = 1 + r11 - (r22 + r33), yd = 1 + r22 - (r11 + r33), zd = 1 + r33 - (r11 + r22);
            if (xd > 1)
            {
                b = 0.5 * Math.Sqrt(xd);
                c = 0.25 * (r12 + r21) / b;
                d = 0.25 * (r13 + r31) / b;
                a = 0.25 * (r32 - r23) / b;
            }
            else if (yd > 1)
            {
                c = 0.5 * Math.Sqrt(yd);
                b = 0.25 * (r12 + r21) / c;
                d = 0.25 * (r23 + r32) / c;
                a = 0.25 * (r13 - r31) / c;
            }
            else
            {
                d = 0.5 * Math.Sqrt(zd);
                b = 0.25 * (r13 + r31) / d;
                c = 0.25 * (r23 + r32) / d;
                a = 0.25 * (r21 - r12) / d;
            }

            if (a < 0)
            {
                b = -b;
                c = -c;
                d = -d;
            }
        }

        return (b, c, d, qfac);
    }
}
