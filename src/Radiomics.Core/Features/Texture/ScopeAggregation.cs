using Radiomics.Numerics;
namespace Radiomics.Features.Texture;

/// <summary>
/// The three IBSI aggregation methods of the direction-free families (GLSZM, GLDZM, NGTDM, NGLDM): "2D" averages the
/// features of per-slice matrices, "2.5D" merges the per-slice matrices, "3D" builds one matrix from the volume.
/// The six <see cref="TextureAggregation"/> values map onto these three, each computed once.
/// </summary>
internal sealed class ScopeAggregation(
    DiscretisedVolume roi,
    TextureSettings settings,
    string family,
    IReadOnlyList<FeatureDefinition> definitions,
    Func<TextureMatrix> create,
    Action<TextureScope, TextureMatrix> accumulate,
    Func<TextureMatrix, double[]> features)
{
    public const string TwoD = "2D";
    public const string TwoAndAHalfD = "2.5D";
    public const string ThreeD = "3D";

    public IReadOnlyList<FeatureValue> Compute()
    {
        var wanted = settings.Aggregations.Select(a => a.Is2D() ? TwoD : a.Is25D() ? TwoAndAHalfD : ThreeD).Distinct().ToList();
        var values = new List<FeatureValue>();
        int count = definitions.Count;
        if (wanted.Contains(TwoD) || wanted.Contains(TwoAndAHalfD))
        {
            var slices = TextureScope.OccupiedSlices(roi);
            var bySlice = new TextureMatrix[slices.Length];
            ParallelRows.For(0, slices.Length, Parallelism.AllCores, s =>
            {
                var m = create();
                accumulate(TextureScope.Slice(slices[s]), m);
                bySlice[s] = m;
            });

            if (wanted.Contains(TwoD))
            {
                Add(values, TwoD, FeatureAverage.Of(bySlice, features, count));
            }

            if (wanted.Contains(TwoAndAHalfD))
            {
                var merged = create();
                foreach (var m in bySlice)
                {
                    merged.Add(m);
                }

                Add(values, TwoAndAHalfD, FeatureAverage.OfOne(merged, features, count));
            }
        }

        if (wanted.Contains(ThreeD))
        {
            var m = create();
            accumulate(TextureScope.Volume(roi), m);
            Add(values, ThreeD, FeatureAverage.OfOne(m, features, count));
        }

        return values;
    }

    private void Add(List<FeatureValue> values, string aggregation, double[] f)
    {
        for (int i = 0; i < definitions.Count; i++)
        {
            values.Add(new FeatureValue(family, definitions[i].Name, definitions[i].Code, f[i], aggregation));
        }
    }
}
