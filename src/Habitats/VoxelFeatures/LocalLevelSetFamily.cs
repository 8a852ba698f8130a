using System.Numerics;
using Radiomics.Features.Texture;
using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// The local families whose matrix counts shapes made of one grey level (runs for GLRLM, zones for GLSZM). A box of up
/// to 128 voxels (r ≤ 2) is loaded as one bit set per grey level present (<see cref="BoxLevels{T}"/>: 64-bit for
/// r = 1, 128-bit for r = 2) and the shapes come from shifts and masks of those sets (<see cref="BoxBits{T}"/>);
/// larger boxes count voxel by voxel. The matrix stays sparse (<see cref="KernelZoneMatrix"/>), with no allocation
/// per voxel, and the sixteen features are <see cref="ZoneMatrixFeatures"/>, as for the whole region.
/// </summary>
public abstract class LocalLevelSetFamily : LocalTextureFamily
{
    private protected LocalLevelSetFamily(LocalTextureSettings? settings, IReadOnlyList<FeatureDefinition> definitions, string family)
        : base(settings, definitions, family)
    {
    }

    public override void Compute(Image<float> image, LabelMap region, IReadOnlyList<Memory<float>> output, IProgress<double>? progress)
    {
        if (LocalTextureMaps.RegionBox(image, region, output) is not { } box)
        {
            return;
        }

        var grid = Discretised(image, region, box);
        int r = Settings.Radius, w = (2 * r) + 1, cube = w * w * w;
        if (cube <= 64)
        {
            Sweep<ulong>(grid, region, box, output, progress);
        }
        else if (cube <= 128)
        {
            Sweep<UInt128>(grid, region, box, output, progress);
        }
        else
        {
            LocalTextureMaps.Sweep(region, box, output, progress, FeatureIndex, KernelZoneMatrix.FeatureCount, () => Matrix(grid.GreyLevels, w), (matrix, x, y, z, features) =>
                matrix.ComputeAndClear(Count(grid, matrix, new BoundingBox(new Index3(x - r, y - r, z - r), new Index3(x + r, y + r, z + r))), features));
        }
    }

    /// <summary>Columns of a box's matrix (longest run, largest zone) for a box of width <paramref name="w"/>.</summary>
    private protected abstract int Columns(int w);

    /// <summary>Counts the shapes of each grey level of the box into <paramref name="matrix"/>; returns N_v.</summary>
    private protected abstract double Count<T>(BoxBits<T> bits, BoxLevels<T> levels, KernelZoneMatrix matrix)
        where T : struct, IBinaryInteger<T>;

    /// <summary>Counts the shapes of <paramref name="box"/> voxel by voxel into <paramref name="matrix"/>; returns N_v.</summary>
    private protected abstract double Count(LocalGlcmFeatures.LevelGrid grid, KernelZoneMatrix matrix, BoundingBox box);

    private KernelZoneMatrix Matrix(int greyLevels, int w) => new(greyLevels, Columns(w), Math.Min(greyLevels, w * w * w) * Columns(w));

    private void Sweep<T>(LocalGlcmFeatures.LevelGrid grid, LabelMap region, BoundingBox box, IReadOnlyList<Memory<float>> output, IProgress<double>? progress)
        where T : struct, IBinaryInteger<T>
    {
        int r = Settings.Radius, w = (2 * r) + 1;
        var padded = new PaddedLevels(grid, r);
        var bits = new BoxBits<T>(w, Settings.Distance);
        LocalTextureMaps.Sweep(
            region, box, output, progress, FeatureIndex, KernelZoneMatrix.FeatureCount,
            () => (Levels: new BoxLevels<T>(grid.GreyLevels, w * w * w), Matrix: Matrix(grid.GreyLevels, w)),
            (scratch, x, y, z, features) =>
            {
                // The box centred on (x, y, z) has its corner at padded (x, y, z): the padding is r.
                scratch.Levels.Load(padded, padded.Corner(x, y, z));
                scratch.Matrix.ComputeAndClear(Count(bits, scratch.Levels, scratch.Matrix), features);
            });
    }
}
