using Radiomics.Features.Morphology;

namespace Radiomics.Core.Tests.Features.Morphology;

public class EllipsoidSurfaceTests
{
    [Fact]
    public void Sphere_area_is_four_pi_r_squared() => Assert.Equal(4 * Math.PI * 9, EllipsoidSurface.Area(3, 3, 3), 10);

    [Theory]
    [InlineData(2.0, 1.0)]
    [InlineData(5.0, 4.0)]
    [InlineData(1.2, 1.0)]
    public void Prolate_spheroid_matches_the_closed_form(double a, double b)
    {
        double e = Math.Sqrt(1 - (b * b / (a * a)));
        double exact = 2 * Math.PI * b * b * (1 + (a / (b * e) * Math.Asin(e)));
        Assert.Equal(exact, EllipsoidSurface.Area(a, b, b), exact * 2e-3);
    }

    [Theory]
    [InlineData(2.0, 1.0)]
    [InlineData(5.0, 4.0)]
    public void Oblate_spheroid_matches_the_closed_form(double a, double c)
    {
        double e = Math.Sqrt(1 - (c * c / (a * a)));
        double exact = (2 * Math.PI * a * a) + (Math.PI * c * c / e * Math.Log((1 + e) / (1 - e)));
        Assert.Equal(exact, EllipsoidSurface.Area(c, a, a), exact * 2e-3);
    }

    [Fact]
    public void Argument_order_does_not_matter()
    {
        Assert.Equal(EllipsoidSurface.Area(5, 3, 2), EllipsoidSurface.Area(2, 5, 3), 12);
        Assert.Equal(EllipsoidSurface.IbsiArea(5, 3, 2), EllipsoidSurface.IbsiArea(3, 2, 5), 12);
    }

    [Fact]
    public void IBSI_printed_series_is_exact_for_spheres_only()
    {
        // The manual's α = √(1 − b²/a²), β = √(1 − c²/a²): for a prolate spheroid both equal e, every Legendre
        // polynomial is 1, and the sum is 4πab Σ e^(2ν)/(1 − 4ν²) (17.34 for 2, 1, 1 instead of 21.48).
        Assert.Equal(4 * Math.PI * 4, EllipsoidSurface.IbsiArea(2, 2, 2), 10);
        double e2 = 0.75, sum = 0;
        for (int nu = 0; nu <= 20; nu++)
        {
            sum += Math.Pow(e2, nu) / (1 - (4.0 * nu * nu));
        }

        Assert.Equal(4 * Math.PI * 2 * sum, EllipsoidSurface.IbsiArea(2, 1, 1), 10);
        Assert.True(EllipsoidSurface.IbsiArea(2, 1, 1) < EllipsoidSurface.Area(2, 1, 1) - 4);
    }
}
