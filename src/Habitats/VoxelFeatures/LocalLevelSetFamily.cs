using System.Numerics;
using Radiomics.Features.Texture;
using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// The local families whose matrix counts shapes made of one grey level (runs for GLRLM, zones for GLSZM). A box of up
/// to 128 voxels (r ≤ 2 for cubes, r ≤ 5 for the in-plane squares of 2D aggregations) is loaded as one bit set per
/// grey level present (<see cref="BoxLevels{T}"/>: 64-bit up to 64 voxels, 128-bit up to 128) and the shapes come from
/// shifts and masks of those sets (<see cref="BoxBits{T}"/>); larger boxes count voxel by voxel. The matrices stay
/// sparse (<see cref="KernelZoneMatrix"/>; one per direction for "averaged" aggregations, <see cref="KernelMatrices"/>),
/// with no allocation per voxel, and the sixteen features are <see cref="ZoneMatrixFeatures"/>, as for the whole region.
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
        var k = Settings.Margin;
        int w = (2 * k.X) + 1, wz = (2 * k.Z) + 1, voxels = w * w * wz;
        if (voxels <= 64)
        {
            Sweep<ulong>(grid, region, box, output, progress);
        }
        else if (voxels <= 128)
        {
            Sweep<UInt128>(grid, region, box, output, progress);
        }
        else
        {
            LocalTextureMaps.Sweep(region, box, output, progress, FeatureIndex, KernelZoneMatrix.FeatureCount, () => Matrices(grid.GreyLevels, w, voxels), (matrices, x, y, z, features) =>
            {
                Count(grid, matrices, new BoundingBox(new Index3(x - k.X, y - k.Y, z - k.Z), new Index3(x + k.X, y + k.Y, z + k.Z)));
                matrices.ComputeAndClear(features);
            });
        }
    }

    /// <summary>Columns of a box's matrix (longest run, largest zone) for a box of width <paramref name="w"/> and <paramref name="voxels"/> voxels.</summary>
    private protected abstract int Columns(int w, int voxels);

    /// <summary>The directions whose matrices are kept apart ("averaged" aggregations), or 1 for one merged matrix.</summary>
    private protected abstract int Matrices();

    /// <summary>Counts the shapes of each grey level of the box into <paramref name="matrices"/>, with their N_v.</summary>
    private protected abstract void Count<T>(BoxBits<T> bits, BoxLevels<T> levels, KernelMatrices matrices)
        where T : struct, IBinaryInteger<T>;

    /// <summary>Counts the shapes of <paramref name="box"/> voxel by voxel into <paramref name="matrices"/>, with their N_v.</summary>
    private protected abstract void Count(LocalGlcmFeatures.LevelGrid grid, KernelMatrices matrices, BoundingBox box);

    /// <summary>The run steps of the settings' aggregation: its directions times δ.</summary>
    private protected VoxelOffset[] Steps() => [.. Settings.Directions.Select(o => o.Times(Settings.Distance))];

    private KernelMatrices Matrices(int greyLevels, int w, int voxels)
    {
        int columns = Columns(w, voxels);
        return new KernelMatrices(Matrices(), Settings.ByDirection, () => new KernelZoneMatrix(greyLevels, columns, Math.Min(greyLevels, voxels) * columns));
    }

    private void Sweep<T>(LocalGlcmFeatures.LevelGrid grid, LabelMap region, BoundingBox box, IReadOnlyList<Memory<float>> output, IProgress<double>? progress)
        where T : struct, IBinaryInteger<T>
    {
        var k = Settings.Margin;
        int w = (2 * k.X) + 1, voxels = w * w * ((2 * k.Z) + 1);
        var padded = new PaddedLevels(grid, k);
        var bits = new BoxBits<T>(w, (2 * k.Z) + 1, Steps(), Settings.InPlane);
        LocalTextureMaps.Sweep(
            region, box, output, progress, FeatureIndex, KernelZoneMatrix.FeatureCount,
            () => (Levels: new BoxLevels<T>(grid.GreyLevels, voxels), Matrices: Matrices(grid.GreyLevels, w, voxels)),
            (scratch, x, y, z, features) =>
            {
                // The box centred on (x, y, z) has its corner at padded (x, y, z): the padding is the half-widths.
                scratch.Levels.Load(padded, padded.Corner(x, y, z));
                Count(bits, scratch.Levels, scratch.Matrices);
                scratch.Matrices.ComputeAndClear(features);
            });
    }
}
