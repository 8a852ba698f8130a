namespace Radiomics.Features.Morphology;

/// <summary>Surface area of an ellipsoid by the Legendre series of the IBSI 1 manual (area density (AEE), RDD2).</summary>
public static class EllipsoidSurface
{
    /// <summary>The manual stops the series after ν = 20.</summary>
    public const int DefaultTerms = 20;

    /// <summary>
    /// A(a, b, c) = 4π a b Σ_{ν=0}^{N} (αβ)^ν / (1 − 4ν²) P_ν((α² + β²) / (2αβ)), with α = √(1 − b²/a²) and
    /// β = √(1 − c²/a²), for semi-axes a ≥ b ≥ c (the order is enforced here).
    /// </summary>
    /// <remarks>
    /// The products Q_ν = (αβ)^ν P_ν(x) follow from Bonnet's recursion multiplied by (αβ)^(ν+1):
    /// (ν + 1) Q_{ν+1} = (2ν + 1) ((α² + β²) / 2) Q_ν − ν (αβ)² Q_{ν−1}, which stays finite for a sphere (α = β = 0)
    /// where P_ν's argument is unbounded.
    /// </remarks>
    public static double Area(double a, double b, double c, int terms = DefaultTerms)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(terms);
        Span<double> axes = [a, b, c];
        axes.Sort();
        (a, b, c) = (axes[2], axes[1], axes[0]);
        if (!(c >= 0) || !double.IsFinite(a))
        {
            throw new ArgumentOutOfRangeException(nameof(a), "Semi-axes must be finite and non-negative.");
        }

        if (a == 0)
        {
            return 0;
        }

        double alpha2 = 1 - (b * b / (a * a));
        double beta2 = 1 - (c * c / (a * a));
        double halfSum = (alpha2 + beta2) / 2;
        double product2 = alpha2 * beta2;
        double previous = 1, current = halfSum;
        double sum = 1;
        for (int nu = 1; nu <= terms; nu++)
        {
            sum += current / (1 - (4.0 * nu * nu));
            double next = (((2 * nu) + 1) * halfSum * current - (nu * product2 * previous)) / (nu + 1);
            previous = current;
            current = next;
        }

        return 4 * Math.PI * a * b * sum;
    }
}
