using System.Globalization;
using Radiomics.Imaging;

namespace Radiomics.Filters;

/// <summary>
/// One sub-band of an undecimated separable wavelet decomposition (IBSI 2 25BO), optionally made rotation
/// invariant by pooling over the right-angle rotations of the grid. Level ℓ is computed "à trous": the low-pass
/// filter is applied along every axis at levels 1..ℓ−1, each time with its taps spread 2^(level−1) apart, then the
/// sub-band's filters at level ℓ.
/// </summary>
public sealed record SeparableWaveletSettings : FilterSettings
{
    /// <summary>Wavelet family, see <see cref="WaveletFamily.Names"/>. Default "db2".</summary>
    public string Family { get; init; } = "db2";

    /// <summary>
    /// The sub-band: one letter per image axis x, y[, z], L for the low-pass and H for the high-pass filter, e.g.
    /// "LHL"; two letters make a 2D (in-slice) filter. Default "HHH".
    /// </summary>
    public string Subband { get; init; } = "HHH";

    /// <summary>Decomposition level (1 = finest). Default 1.</summary>
    public int Level { get; init; } = 1;

    /// <summary>Pool the responses of all right-angle rotations of the filter. Default false.</summary>
    public bool RotationInvariant { get; init; }

    /// <summary>How rotated responses are pooled. Default <see cref="Filters.Pooling.Mean"/> (IBSI 2 tests 5–7).</summary>
    public Pooling Pooling { get; init; } = Pooling.Mean;

    /// <summary>Default <see cref="BoundaryCondition.Mirror"/>.</summary>
    public BoundaryCondition Boundary { get; init; } = BoundaryCondition.Mirror;

    /// <summary>2D when <see cref="Subband"/> has two letters.</summary>
    internal FilterDimensions Dimensions => Subband.Length == 2 ? FilterDimensions.TwoD : FilterDimensions.ThreeD;

    public override string ImageTypeName() => string.Create(
        CultureInfo.InvariantCulture,
        $"wavelet-{Family.ToLowerInvariant()}-{Subband.ToUpperInvariant()}-level-{Level}{(RotationInvariant ? "-invariant" : "")}");

    public override void Validate()
    {
        WaveletFamily.Filters(Family);
        if (Subband is null || Subband.Length is < 2 or > 3 || Subband.Any(c => char.ToUpperInvariant(c) is not ('L' or 'H')))
        {
            throw new ArgumentException($"The sub-band '{Subband}' must be two or three of the letters L and H (x, y[, z]).", nameof(Subband));
        }

        if (Level < 1 || Level > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(Level), Level, "The decomposition level must be between 1 and 10.");
        }

        FilterInput.RequireDefined(Pooling, nameof(Pooling));
        FilterInput.RequireDefined(Boundary, nameof(Boundary));
    }

    private protected override double[] Filter(double[] voxels, ImageGeometry geometry)
    {
        var (low, high) = WaveletFamily.Filters(Family);
        var lo = SeparableConvolution.Odd(low);
        var hi = SeparableConvolution.Odd(high);
        var main = new double[]?[3];
        var pre = new double[]?[3];
        for (int a = 0; a < Subband.Length; a++)
        {
            main[a] = char.ToUpperInvariant(Subband[a]) == 'L' ? lo : hi;
            pre[a] = lo;
        }

        var rotations = RotationInvariant ? GridRotation.All(Dimensions) : [new GridRotation([0, 1, 2], new bool[3])];
        var cascades = Pool.Distinct(rotations.Select(r => (double[]?[])[.. r.Apply(pre), .. r.Apply(main)]));
        var pool = new Pool(Pooling);
        foreach (var cascade in cascades)
        {
            pool.Add(Cascade(voxels, geometry.Size, cascade[..3], cascade[3..], Level, Boundary));
        }

        return pool.Result();
    }

    /// <summary>Low-pass <paramref name="pre"/> kernels at levels 1..level−1, then <paramref name="main"/> at <paramref name="level"/>.</summary>
    internal static double[] Cascade(double[] voxels, Size3 size, double[]?[] pre, double[]?[] main, int level, BoundaryCondition boundary)
    {
        var current = voxels;
        for (int l = 1; l < level; l++)
        {
            current = SeparableConvolution.Apply(current, size, Dilate(pre, 1 << (l - 1)), boundary);
        }

        return SeparableConvolution.Apply(current, size, Dilate(main, 1 << (level - 1)), boundary);
    }

    private static double[]?[] Dilate(double[]?[] kernels, int factor) =>
        kernels.Select(k => k is null ? null : SeparableConvolution.Dilate(k, factor)).ToArray();
}
