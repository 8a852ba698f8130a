using Radiomics.Numerics;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace Radiomics.Core.Tests.Numerics;

public class FftPlanTests
{
    [Fact]
    public void Forward_transform_equals_the_textbook_DFT_and_inverse_undoes_it_for_every_length()
    {
        var gen =
            from n in Gen.Choose(1, 70)
            from re in Gen.Choose(-1000, 1000).ArrayOf(n)
            from im in Gen.Choose(-1000, 1000).ArrayOf(n)
            select re.Zip(im, (a, b) => new Complex(a / 7.0, b / 3.0)).ToArray();
        Prop.ForAll(gen.ToArbitrary(), x =>
        {
            int n = x.Length;
            var data = (Complex[])x.Clone();
            FftPlan.For(n).Transform(data, inverse: false);
            double scale = 1 + x.Sum(v => v.Magnitude);
            for (int k = 0; k < n; k++)
            {
                var expected = Complex.Zero;
                for (int j = 0; j < n; j++)
                {
                    expected += x[j] * Complex.FromPolarCoordinates(1, -2 * Math.PI * ((long)j * k % n) / n);
                }

                if ((data[k] - expected).Magnitude > 1e-10 * scale)
                {
                    return false;
                }
            }

            FftPlan.For(n).Transform(data, inverse: true);
            return data.Zip(x).All(p => (p.First - p.Second).Magnitude <= 1e-10 * scale);
        }).QuickCheckThrowOnFailure();
    }
}
