using Radiomics.Imaging;

namespace Radiomics.Filters;

/// <summary>
/// All sub-bands of one level of an undecimated separable wavelet decomposition, sharing the work between them:
/// the approximation of the previous level is filtered along x into L and H, each of those along y, and so on
/// (3D: 14 one-dimensional passes for 8 sub-bands instead of 24).
/// </summary>
public static class WaveletDecomposition
{
    /// <summary>
    /// The sub-bands of <paramref name="level"/> keyed by name ("LLL" … "HHH", letters for x, y, z; two letters in
    /// 2D). Each map equals <see cref="SeparableWaveletSettings"/> with the same family, sub-band, level and
    /// boundary and no rotation invariance.
    /// </summary>
    public static IReadOnlyDictionary<string, Image<double>> Decompose(
        Image<double> image,
        string family = "db2",
        int level = 1,
        BoundaryCondition boundary = BoundaryCondition.Mirror,
        FilterDimensions dimensions = FilterDimensions.ThreeD)
    {
        var voxels = FilterInput.Voxels(image);
        new SeparableWaveletSettings { Family = family, Level = level, Boundary = boundary }.Validate();
        FilterInput.RequireDefined(dimensions, nameof(dimensions));
        var (low, high) = WaveletFamily.Filters(family);
        int factor = 1 << (level - 1);
        var lo = SeparableConvolution.Dilate(SeparableConvolution.Odd(low), factor);
        var hi = SeparableConvolution.Dilate(SeparableConvolution.Odd(high), factor);
        var size = image.Geometry.Size;

        var approximation = voxels;
        var preLow = SeparableConvolution.Odd(low);
        int axes = dimensions == FilterDimensions.ThreeD ? 3 : 2;
        for (int l = 1; l < level; l++)
        {
            var k = SeparableConvolution.Dilate(preLow, 1 << (l - 1));
            approximation = SeparableConvolution.Apply(approximation, size, [k, k, axes == 3 ? k : null], boundary);
        }

        var bands = new List<(string Name, double[] Data)> { ("", approximation) };
        for (int axis = 0; axis < axes; axis++)
        {
            var next = new List<(string, double[])>(bands.Count * 2);
            foreach (var (name, data) in bands)
            {
                foreach (var (letter, kernel) in new[] { ('L', lo), ('H', hi) })
                {
                    var result = new double[data.Length];
                    SeparableConvolution.Convolve(data, result, size, axis, kernel, boundary);
                    next.Add((name + letter, result));
                }
            }

            bands = next;
        }

        return bands.ToDictionary(b => b.Name, b => new Image<double>(image.Geometry, b.Data));
    }
}
