namespace Radiomics.Features.Morphology;

/// <summary>Surface area of an ellipsoid with semi-axes a ≥ b ≥ c by Legendre series.</summary>
/// <remarks>
/// The series is A = 4π a b Σ_{ν=0}^{N} (αβ)^ν / (1 − 4ν²) P_ν((α² + β²) / (2αβ)). With α = √(1 − c²/a²) and
/// β = √(1 − c²/b²) it converges to the true area (<see cref="Area"/>). The IBSI 1 manual prints α = √(1 − b²/a²) and
/// β = √(1 − c²/a²), which is exact only for spheres (e.g. it gives 17.3 instead of 21.5 for semi-axes 2, 1, 1), yet the
/// reference values of area density (AEE) were computed with it: the digital phantom's 1.36 ± 0.01 needs the printed
/// form (1.355; the true area gives 1.304). <see cref="IbsiArea"/> is that printed form, used for IBSI compliance.
/// </remarks>
public static class EllipsoidSurface
{
    /// <summary>The manual stops the series after ν = 20.</summary>
    public const int DefaultTerms = 20;

    /// <summary>The true surface area (series with α = √(1 − c²/a²), β = √(1 − c²/b²)); axes in any order.</summary>
    public static double Area(double a, double b, double c, int terms = DefaultTerms)
    {
        (a, b, c) = Sorted(a, b, c);
        return a == 0 ? 0 : Series(a, b, 1 - (c * c / (a * a)), 1 - (c * c / (b * b)), terms);
    }

    /// <summary>
    /// The area as the IBSI 1 manual prints it (feature RDD2; α = √(1 − b²/a²), β = √(1 − c²/a²)), which its reference
    /// values follow; see the remarks. Axes in any order.
    /// </summary>
    public static double IbsiArea(double a, double b, double c, int terms = DefaultTerms)
    {
        (a, b, c) = Sorted(a, b, c);
        return a == 0 ? 0 : Series(a, b, 1 - (b * b / (a * a)), 1 - (c * c / (a * a)), terms);
    }

    private static (double A, double B, double C) Sorted(double a, double b, double c)
    {
        Span<double> axes = [a, b, c];
        axes.Sort();
        if (!(axes[0] >= 0) || !double.IsFinite(axes[2]))
        {
            throw new ArgumentOutOfRangeException(nameof(a), "Semi-axes must be finite and non-negative.");
        }

        return (axes[2], axes[1], axes[0]);
    }

    /// <remarks>
    /// The products Q_ν = (αβ)^ν P_ν(x) follow from Bonnet's recursion multiplied by (αβ)^(ν+1):
    /// (ν + 1) Q_{ν+1} = (2ν + 1) ((α² + β²) / 2) Q_ν − ν (αβ)² Q_{ν−1}, which stays finite when α or β is 0 (where
    /// P_ν's argument is unbounded).
    /// </remarks>
    private static double Series(double a, double b, double alpha2, double beta2, int terms)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(terms);
        double halfSum = (alpha2 + beta2) / 2;
        double product2 = alpha2 * beta2;
        double previous = 1, current = halfSum;
        double sum = 1;
        for (int nu = 1; nu <= terms; nu++)
        {
            sum += current / (1 - (4.0 * nu * nu));
            double next = ((((2 * nu) + 1) * halfSum * current) - (nu * product2 * previous)) / (nu + 1);
            previous = current;
            current = next;
        }

        return 4 * Math.PI * a * b * sum;
    }
}
