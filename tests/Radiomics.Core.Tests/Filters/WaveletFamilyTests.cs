using Radiomics.Filters;

namespace Radiomics.Core.Tests.Filters;

public class WaveletFamilyTests
{
    [Fact]
    public void Db2_matches_its_closed_form()
    {
        // Daubechies (1992), eq. 6.1.12: h = ((1+√3), (3+√3), (3−√3), (1−√3)) / (4√2), reversed for decomposition.
        double s3 = Math.Sqrt(3), n = 4 * Math.Sqrt(2);
        var (low, high) = WaveletFamily.Filters("db2");
        Assert.Equal(new[] { (1 - s3) / n, (3 - s3) / n, (3 + s3) / n, (1 + s3) / n }, low, new Tolerance(1e-12));
        Assert.Equal(new[] { -(1 + s3) / n, (3 + s3) / n, -(3 - s3) / n, (1 - s3) / n }, high, new Tolerance(1e-12));
    }

    [Fact]
    public void Db3_matches_the_published_table()
    {
        // Daubechies (1992), "Ten lectures on wavelets", Table 6.1, N = 3 (reconstruction order).
        double[] published = [0.3326705529500825, 0.8068915093110924, 0.4598775021184914, -0.1350110200102546, -0.0854412738820267, 0.0352262918857095];
        var (low, _) = WaveletFamily.Filters("db3");
        Assert.Equal(published.Reverse(), low, new Tolerance(1e-12));
    }

    [Fact]
    public void Haar_and_coif1_match_their_closed_forms()
    {
        double r = 1 / Math.Sqrt(2);
        var (low, high) = WaveletFamily.Filters("haar");
        Assert.Equal(new[] { r, r }, low, new Tolerance(1e-15));
        Assert.Equal(new[] { -r, r }, high, new Tolerance(1e-15));

        double s7 = Math.Sqrt(7), c = Math.Sqrt(2) / 32;
        var (coifLow, _) = WaveletFamily.Filters("coif1");
        Assert.Equal(new[] { (-3 + s7) * c, (1 - s7) * c, (14 - 2 * s7) * c, (14 + 2 * s7) * c, (5 + s7) * c, (1 - s7) * c }, coifLow, new Tolerance(1e-15));
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Every_family_is_an_orthonormal_quadrature_mirror_pair(string family)
    {
        var (low, high) = WaveletFamily.Filters(family);
        Assert.Equal(Math.Sqrt(2), low.Sum(), 1e-9);
        Assert.Equal(0, high.Sum(), 1e-9);
        for (int shift = 0; shift < low.Length; shift += 2)
        {
            double ll = 0, hh = 0, lh = 0;
            for (int k = 0; k + shift < low.Length; k++)
            {
                ll += low[k] * low[k + shift];
                hh += high[k] * high[k + shift];
                lh += low[k] * high[k + shift];
            }

            Assert.Equal(shift == 0 ? 1 : 0, ll, 1e-9);
            Assert.Equal(shift == 0 ? 1 : 0, hh, 1e-9);
            Assert.Equal(0, lh, 1e-9);
        }
    }

    public static TheoryData<string> Families => new(WaveletFamily.Names);

    [Fact]
    public void Unknown_family_is_rejected_by_name()
    {
        var e = Assert.Throws<ArgumentException>(() => WaveletFamily.Filters("sym4"));
        Assert.Contains("sym4", e.Message, StringComparison.Ordinal);
    }

    private sealed class Tolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
