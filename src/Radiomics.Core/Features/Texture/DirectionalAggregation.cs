using Radiomics.Numerics;
namespace Radiomics.Features.Texture;

/// <summary>
/// The six IBSI aggregation methods of the direction-dependent families (GLCM, GLRLM): matrices per slice and in-plane
/// direction (2D, 2.5D) or per 3D direction, merged by summing counts and/or averaged over feature values.
/// </summary>
internal sealed class DirectionalAggregation(
    DiscretisedVolume roi,
    TextureSettings settings,
    string family,
    IReadOnlyList<FeatureDefinition> definitions,
    Func<TextureMatrix> create,
    Action<VoxelOffset, TextureScope, TextureMatrix> accumulate,
    Func<TextureMatrix, double[]> features)
{
    public IReadOnlyList<FeatureValue> Compute()
    {
        var wanted = settings.Aggregations.Distinct().ToList();
        var values = new List<FeatureValue>();
        int count = definitions.Count;

        if (wanted.Any(a => a.Is2D() || a.Is25D()))
        {
            var slices = TextureScope.OccupiedSlices(roi);
            var planar = TextureDirections.Planar;
            var bySlice = new TextureMatrix[slices.Length][];
            ParallelRows.For(0, slices.Length, Parallelism.AllCores, s =>
            {
                bySlice[s] = new TextureMatrix[planar.Count];
                for (int d = 0; d < planar.Count; d++)
                {
                    var m = create();
                    accumulate(planar[d].Times(settings.Distance), TextureScope.Slice(slices[s]), m);
                    bySlice[s][d] = m;
                }
            });

            foreach (var a in wanted)
            {
                double[]? f = a switch
                {
                    TextureAggregation.Averaged2D => FeatureAverage.Of(bySlice.SelectMany(m => m), features, count),
                    TextureAggregation.SliceMerged2D => FeatureAverage.Of(bySlice.Select(Merge), features, count),
                    TextureAggregation.DirectionMerged25D =>
                        FeatureAverage.Of(Enumerable.Range(0, planar.Count).Select(d => Merge(bySlice.Select(m => m[d]))), features, count),
                    TextureAggregation.Merged25D => FeatureAverage.OfOne(Merge(bySlice.SelectMany(m => m)), features, count),
                    _ => null,
                };
                Add(values, a, f);
            }
        }

        if (wanted.Any(a => a is TextureAggregation.Averaged3D or TextureAggregation.Merged3D))
        {
            var directions = TextureDirections.Volumetric;
            var byDirection = new TextureMatrix[directions.Count];
            ParallelRows.For(0, directions.Count, Parallelism.AllCores, d =>
            {
                var m = create();
                accumulate(directions[d].Times(settings.Distance), TextureScope.Volume(roi), m);
                byDirection[d] = m;
            });

            foreach (var a in wanted)
            {
                double[]? f = a switch
                {
                    TextureAggregation.Averaged3D => FeatureAverage.Of(byDirection, features, count),
                    TextureAggregation.Merged3D => FeatureAverage.OfOne(Merge(byDirection), features, count),
                    _ => null,
                };
                Add(values, a, f);
            }
        }

        return values;
    }

    private TextureMatrix Merge(IEnumerable<TextureMatrix> matrices)
    {
        var sum = create();
        foreach (var m in matrices)
        {
            sum.Add(m);
        }

        return sum;
    }

    private void Add(List<FeatureValue> values, TextureAggregation a, double[]? f)
    {
        if (f is null)
        {
            return;
        }

        for (int i = 0; i < definitions.Count; i++)
        {
            values.Add(new FeatureValue(family, definitions[i].Name, definitions[i].Code, f[i], a.ToIbsiString()));
        }
    }
}
