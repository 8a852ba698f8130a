using Radiomics.Imaging;

namespace Radiomics.Features.Morphology;

/// <summary>Eigen-decomposition of a symmetric 3×3 matrix by cyclic Jacobi rotations (accurate to rounding).</summary>
public readonly record struct SymmetricEigen3(Vec3 Values, Matrix3 Vectors)
{
    /// <summary>
    /// Eigenvalues in descending order (<see cref="Values"/>.X the largest) and the matching unit eigenvectors as the
    /// columns of <see cref="Vectors"/>. Only the upper triangle of <paramref name="m"/> is read.
    /// </summary>
    public static SymmetricEigen3 Of(Matrix3 m)
    {
        Span<double> a = [m.M00, m.M01, m.M02, m.M01, m.M11, m.M12, m.M02, m.M12, m.M22];
        Span<double> v = [1, 0, 0, 0, 1, 0, 0, 0, 1];
        for (int sweep = 0; sweep < 50; sweep++)
        {
            double off = (a[1] * a[1]) + (a[2] * a[2]) + (a[5] * a[5]);
            double diag = (a[0] * a[0]) + (a[4] * a[4]) + (a[8] * a[8]);
            if (off <= 1e-30 * diag || off == 0)
            {
                break;
            }

            Rotate(a, v, 0, 1);
            Rotate(a, v, 0, 2);
            Rotate(a, v, 1, 2);
        }

        Span<int> order = [0, 1, 2];
        double d0 = a[0], d1 = a[4], d2 = a[8];
        Span<double> d = [d0, d1, d2];
        // Sort descending (three elements).
        if (d[order[0]] < d[order[1]])
        {
            (order[0], order[1]) = (order[1], order[0]);
        }

        if (d[order[1]] < d[order[2]])
        {
            (order[1], order[2]) = (order[2], order[1]);
        }

        if (d[order[0]] < d[order[1]])
        {
            (order[0], order[1]) = (order[1], order[0]);
        }

        var values = new Vec3(d[order[0]], d[order[1]], d[order[2]]);
        var vectors = Matrix3.FromColumns(Column(v, order[0]), Column(v, order[1]), Column(v, order[2]));
        return new SymmetricEigen3(values, vectors);
    }

    private static Vec3 Column(ReadOnlySpan<double> v, int c) => new(v[c], v[3 + c], v[6 + c]);

    /// <summary>One Jacobi rotation zeroing a[p,q] (row-major 3×3), accumulated into the eigenvector matrix.</summary>
    private static void Rotate(Span<double> a, Span<double> v, int p, int q)
    {
        double apq = a[(3 * p) + q];
        if (apq == 0)
        {
            return;
        }

        double app = a[(3 * p) + p], aqq = a[(3 * q) + q];
        double theta = (aqq - app) / (2 * apq);
        double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
        if (theta == 0)
        {
            t = 1;
        }

        double c = 1 / Math.Sqrt((t * t) + 1), s = t * c;
        for (int k = 0; k < 3; k++)
        {
            double akp = a[(3 * k) + p], akq = a[(3 * k) + q];
            a[(3 * k) + p] = (c * akp) - (s * akq);
            a[(3 * k) + q] = (s * akp) + (c * akq);
        }

        for (int k = 0; k < 3; k++)
        {
            double apk = a[(3 * p) + k], aqk = a[(3 * q) + k];
            a[(3 * p) + k] = (c * apk) - (s * aqk);
            a[(3 * q) + k] = (s * apk) + (c * aqk);
        }

        for (int k = 0; k < 3; k++)
        {
            double vkp = v[(3 * k) + p], vkq = v[(3 * k) + q];
            v[(3 * k) + p] = (c * vkp) - (s * vkq);
            v[(3 * k) + q] = (s * vkp) + (c * vkq);
        }
    }
}
