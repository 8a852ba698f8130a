using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Radiomics.Habitats.Clustering;

namespace Radiomics.Habitats.Tests.Clustering;

public class StandardScalerTests
{
    [Fact]
    public void Transform_then_inverse_gives_back_the_data()
    {
        var gen = from rows in Gen.Choose(2, 40)
                  from cols in Gen.Choose(1, 6)
                  from values in Gen.ArrayOf(Gen.Choose(-100000, 100000).Select(v => v / 37.0), rows * cols)
                  select new FeatureMatrix(values, cols);
        Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var scaler = StandardScaler.Fit(x);
            var back = scaler.InverseTransform(scaler.Transform(x));
            for (int i = 0; i < x.Values.Length; i++)
            {
                if (Math.Abs(back.Values[i] - x.Values[i]) > 1e-9 * (1 + Math.Abs(x.Values[i])))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Transformed_columns_have_zero_mean_and_unit_variance_and_constants_map_to_zero()
    {
        var x = new FeatureMatrix([1, 5, 10, 2, 5, 20, 3, 5, 60, 4, 5, 10], 3);
        var scaler = StandardScaler.Fit(x);
        Assert.Equal([2.5, 5, 25], scaler.Mean);
        Assert.Equal(Math.Sqrt(1.25), scaler.Scale[0], 12);
        Assert.Equal(1.0, scaler.Scale[1]);
        var z = scaler.Transform(x);
        for (int j = 0; j < 3; j++)
        {
            var column = Enumerable.Range(0, 4).Select(i => z[i, j]).ToArray();
            Assert.Equal(0, column.Average(), 12);
            double variance = column.Select(v => v * v).Average();
            Assert.Equal(j == 1 ? 0 : 1, variance, 12);
        }
    }

    [Fact]
    public void A_saved_scaler_transforms_identically()
    {
        var x = new FeatureMatrix([1.5, -2, 3.25, 4, 0.1, 9], 2);
        var scaler = StandardScaler.Fit(x);
        var loaded = JsonSerializer.Deserialize<StandardScaler>(JsonSerializer.Serialize(scaler))!;
        Assert.Equal(scaler.Transform(x).Values.ToArray(), loaded.Transform(x).Values.ToArray());
        Assert.Throws<ClusteringException>(() => scaler.Transform(new FeatureMatrix([1.0, 2, 3], 3)));
        Assert.Throws<ArgumentException>(() => new StandardScaler([1.0], [0.0]));
    }
}
