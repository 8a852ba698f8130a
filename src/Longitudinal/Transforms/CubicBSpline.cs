namespace Radiomics.Longitudinal.Transforms;

/// <summary>
/// The uniform cubic B-spline kernel β³ as four weights over consecutive knots, the building block of the
/// B-spline transform, the cubic image interpolator and Mattes' Parzen window.
/// </summary>
internal static class CubicBSpline
{
    /// <summary>β³(t) for any real t (support |t| &lt; 2).</summary>
    public static double Value(double t)
    {
        t = Math.Abs(t);
        if (t < 1)
        {
            return (4 - 6 * t * t + 3 * t * t * t) / 6;
        }

        if (t < 2)
        {
            double u = 2 - t;
            return u * u * u / 6;
        }

        return 0;
    }

    /// <summary>dβ³/dt.</summary>
    public static double Derivative(double t)
    {
        double s = Math.Sign(t);
        t = Math.Abs(t);
        if (t < 1)
        {
            return s * (-2 * t + 1.5 * t * t);
        }

        if (t < 2)
        {
            double u = 2 - t;
            return s * -0.5 * u * u;
        }

        return 0;
    }

    /// <summary>
    /// Weights of knots <c>floor(t)−1 … floor(t)+2</c> for a point at fractional position <paramref name="u"/>
    /// (0 ≤ u ≤ 1) past knot <c>floor(t)</c>. They sum to one.
    /// </summary>
    public static void Weights(double u, Span<double> w)
    {
        double u2 = u * u, u3 = u2 * u, v = 1 - u;
        w[0] = v * v * v / 6;
        w[1] = (3 * u3 - 6 * u2 + 4) / 6;
        w[2] = (-3 * u3 + 3 * u2 + 3 * u + 1) / 6;
        w[3] = u3 / 6;
    }

    /// <summary>Derivatives of <see cref="Weights"/> with respect to <paramref name="u"/>; they sum to zero.</summary>
    public static void Derivatives(double u, Span<double> d)
    {
        double u2 = u * u, v = 1 - u;
        d[0] = -0.5 * v * v;
        d[1] = 1.5 * u2 - 2 * u;
        d[2] = -1.5 * u2 + u + 0.5;
        d[3] = 0.5 * u2;
    }
}
