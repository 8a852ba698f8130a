using Radiomics.Imaging;

namespace Radiomics.Features.Morphology;

/// <summary>
/// The minimum volume enclosing ellipsoid (MVEE) of a point set by Khachiyan's barycentric coordinate ascent
/// (Khachiyan 1996; Todd and Yıldırım 2007), as the IBSI 1 manual suggests for volume and area density (MVEE).
/// The ellipsoid is { x : (x − <see cref="Centre"/>)ᵀ <see cref="Shape"/> (x − <see cref="Centre"/>) ≤ 1 }.
/// </summary>
public sealed record MinimumVolumeEnclosingEllipsoid(Vec3 Centre, Matrix3 Shape, Vec3 SemiAxes, Matrix3 Axes, int Iterations)
{
    /// <summary>The manual's default stopping tolerance τ on the change of the barycentric weights.</summary>
    public const double DefaultTolerance = 0.001;

    /// <summary>4π abc / 3.</summary>
    public double Volume => 4 * Math.PI * SemiAxes.X * SemiAxes.Y * SemiAxes.Z / 3;

    /// <summary>True surface area (Legendre series).</summary>
    public double SurfaceArea => EllipsoidSurface.Area(SemiAxes.X, SemiAxes.Y, SemiAxes.Z);

    /// <summary>Surface area by the series as the IBSI manual prints it, for area density (MVEE) (see <see cref="EllipsoidSurface"/>).</summary>
    public double IbsiSurfaceArea => EllipsoidSurface.IbsiArea(SemiAxes.X, SemiAxes.Y, SemiAxes.Z);

    /// <summary>(x − c)ᵀ A (x − c): at most 1 inside the ellipsoid.</summary>
    public double Level(Vec3 x)
    {
        var d = x - Centre;
        return d.Dot(Shape * d);
    }

    /// <summary>
    /// Fits the MVEE of <paramref name="points"/> (use the convex hull's vertices: the MVEE depends on them only).
    /// Iterates until the weights change by less than <paramref name="tolerance"/> (Euclidean norm), then scales the
    /// ellipsoid by the smallest factor ≥ 1 that makes it enclose every point, since a stopped iteration is slightly
    /// too small.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than four points or all points in one plane.</exception>
    public static MinimumVolumeEnclosingEllipsoid Fit(ReadOnlySpan<Vec3> points, double tolerance = DefaultTolerance, int maxIterations = 100_000)
    {
        int n = points.Length;
        if (n < 4)
        {
            throw new ArgumentException($"An ellipsoid needs at least four points; got {n}.", nameof(points));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tolerance);

        // Centre and scale for conditioning; the fit is affine-equivariant, so map back at the end.
        Vec3 mean = Vec3.Zero;
        foreach (var p in points)
        {
            mean += p;
        }

        mean /= n;
        double scale = 0;
        foreach (var p in points)
        {
            scale = Math.Max(scale, (p - mean).MaxAbs);
        }

        if (!(scale > 0) || !double.IsFinite(scale))
        {
            throw new ArgumentException("Points must be finite and not all equal.", nameof(points));
        }

        var q = new double[n * 3];
        for (int i = 0; i < n; i++)
        {
            var p = (points[i] - mean) / scale;
            q[3 * i] = p.X;
            q[(3 * i) + 1] = p.Y;
            q[(3 * i) + 2] = p.Z;
        }

        var u = new double[n];
        Array.Fill(u, 1.0 / n);
        // X = Σ u_i q̂_i q̂_iᵀ with q̂ = (q, 1): a symmetric 4×4 matrix, updated in rank one per step.
        Span<double> x = stackalloc double[16];
        for (int i = 0; i < n; i++)
        {
            AddOuter(x, q.AsSpan(3 * i, 3), u[i]);
        }

        Span<double> inverse = stackalloc double[16];
        int iterations = 0;
        for (; iterations < maxIterations; iterations++)
        {
            if (!Invert4(x, inverse))
            {
                throw new ArgumentException("The points lie in one plane; they have no enclosing ellipsoid of positive volume.", nameof(points));
            }

            int j = 0;
            double mMax = double.MinValue;
            double sumU2 = 0;
            for (int i = 0; i < n; i++)
            {
                sumU2 += u[i] * u[i];
                double mi = QuadraticForm(inverse, q.AsSpan(3 * i, 3));
                if (mi > mMax)
                {
                    mMax = mi;
                    j = i;
                }
            }

            const int d = 3;
            double step = (mMax - d - 1) / ((d + 1) * (mMax - 1));
            // ‖u_new − u‖ = step ‖e_j − u‖.
            double change2 = sumU2 - (2 * u[j]) + 1;

            for (int i = 0; i < n; i++)
            {
                u[i] *= 1 - step;
            }

            u[j] += step;
            for (int k = 0; k < 16; k++)
            {
                x[k] *= 1 - step;
            }

            AddOuter(x, q.AsSpan(3 * j, 3), step);
            if (step * Math.Sqrt(change2) < tolerance)
            {
                iterations++;
                break;
            }
        }

        // Centre c = Σ u_i q_i; shape A = (Σ u_i q_i q_iᵀ − c cᵀ)⁻¹ / d.
        double cx = 0, cy = 0, cz = 0;
        for (int i = 0; i < n; i++)
        {
            cx += u[i] * q[3 * i];
            cy += u[i] * q[(3 * i) + 1];
            cz += u[i] * q[(3 * i) + 2];
        }

        double sxx = 0, sxy = 0, sxz = 0, syy = 0, syz = 0, szz = 0;
        for (int i = 0; i < n; i++)
        {
            double px = q[3 * i] - cx, py = q[(3 * i) + 1] - cy, pz = q[(3 * i) + 2] - cz;
            sxx += u[i] * px * px;
            sxy += u[i] * px * py;
            sxz += u[i] * px * pz;
            syy += u[i] * py * py;
            syz += u[i] * py * pz;
            szz += u[i] * pz * pz;
        }

        var covariance = new Matrix3(sxx, sxy, sxz, sxy, syy, syz, sxz, syz, szz);
        var shape = (1.0 / 3) * covariance.Inverse();
        var centre = new Vec3(cx, cy, cz);

        double worst = 0;
        for (int i = 0; i < n; i++)
        {
            var p = new Vec3(q[3 * i], q[(3 * i) + 1], q[(3 * i) + 2]) - centre;
            worst = Math.Max(worst, p.Dot(shape * p));
        }

        if (worst > 1)
        {
            shape = (1 / worst) * shape;
        }

        // Back to input units: x = mean + scale · q.
        shape = (1 / (scale * scale)) * shape;
        centre = mean + (scale * centre);
        var eigen = SymmetricEigen3.Of(shape);
        // Smallest eigenvalue of the shape matrix ↔ longest semi-axis.
        var semiAxes = new Vec3(1 / Math.Sqrt(eigen.Values.Z), 1 / Math.Sqrt(eigen.Values.Y), 1 / Math.Sqrt(eigen.Values.X));
        var axes = Matrix3.FromColumns(eigen.Vectors.Column(2), eigen.Vectors.Column(1), eigen.Vectors.Column(0));
        return new MinimumVolumeEnclosingEllipsoid(centre, shape, semiAxes, axes, iterations);
    }

    private static void AddOuter(Span<double> x, ReadOnlySpan<double> p, double weight)
    {
        Span<double> h = [p[0], p[1], p[2], 1];
        for (int r = 0; r < 4; r++)
        {
            for (int c = 0; c < 4; c++)
            {
                x[(4 * r) + c] += weight * h[r] * h[c];
            }
        }
    }

    private static double QuadraticForm(ReadOnlySpan<double> a, ReadOnlySpan<double> p)
    {
        double x = p[0], y = p[1], z = p[2];
        double r0 = (a[0] * x) + (a[1] * y) + (a[2] * z) + a[3];
        double r1 = (a[4] * x) + (a[5] * y) + (a[6] * z) + a[7];
        double r2 = (a[8] * x) + (a[9] * y) + (a[10] * z) + a[11];
        double r3 = (a[12] * x) + (a[13] * y) + (a[14] * z) + a[15];
        return (x * r0) + (y * r1) + (z * r2) + r3;
    }

    /// <summary>Gauss–Jordan inverse with partial pivoting of a 4×4 matrix; false when singular.</summary>
    private static bool Invert4(ReadOnlySpan<double> source, Span<double> inverse)
    {
        Span<double> a = stackalloc double[16];
        source.CopyTo(a);
        inverse.Clear();
        for (int i = 0; i < 4; i++)
        {
            inverse[(4 * i) + i] = 1;
        }

        double norm = 0;
        foreach (double v in source)
        {
            norm = Math.Max(norm, Math.Abs(v));
        }

        for (int col = 0; col < 4; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < 4; r++)
            {
                if (Math.Abs(a[(4 * r) + col]) > Math.Abs(a[(4 * pivot) + col]))
                {
                    pivot = r;
                }
            }

            double pv = a[(4 * pivot) + col];
            if (Math.Abs(pv) <= 1e-13 * norm)
            {
                return false;
            }

            if (pivot != col)
            {
                for (int c = 0; c < 4; c++)
                {
                    (a[(4 * col) + c], a[(4 * pivot) + c]) = (a[(4 * pivot) + c], a[(4 * col) + c]);
                    (inverse[(4 * col) + c], inverse[(4 * pivot) + c]) = (inverse[(4 * pivot) + c], inverse[(4 * col) + c]);
                }
            }

            for (int c = 0; c < 4; c++)
            {
                a[(4 * col) + c] /= pv;
                inverse[(4 * col) + c] /= pv;
            }

            for (int r = 0; r < 4; r++)
            {
                if (r == col)
                {
                    continue;
                }

                double f = a[(4 * r) + col];
                if (f == 0)
                {
                    continue;
                }

                for (int c = 0; c < 4; c++)
                {
                    a[(4 * r) + c] -= f * a[(4 * col) + c];
                    inverse[(4 * r) + c] -= f * inverse[(4 * col) + c];
                }
            }
        }

        return true;
    }
}
