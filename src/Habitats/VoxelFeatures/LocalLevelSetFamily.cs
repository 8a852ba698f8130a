using System.Numerics;
using Radiomics.Features.Texture;
using Radiomics.Imaging;

namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// The local families whose matrix counts shapes made of one grey level (runs for GLRLM, zones for GLSZM). A box of up
/// to 128 voxels (r ≤ 2) is loaded as one bit set per grey level present (<see cref="BoxLevels{T}"/>: 64-bit for
/// r = 1, 128-bit for r = 2), the shapes come from shifts and masks of those sets (<see cref="BoxBits{T}"/>) and the
/// matrix stays sparse (<see cref="KernelZoneMatrix"/>), with no allocation per voxel. Larger boxes count voxel by
/// voxel. The sixteen features are <see cref="ZoneMatrixFeatures"/>, as for the whole region.
/// </summary>
public abstract class LocalLevelSetFamily : LocalTextureFamily
{
    private protected LocalLevelSetFamily(LocalTextureSettings? settings, IReadOnlyList<FeatureDefinition> definitions, string family)
        : base(settings, definitions, family)
    {
    }

    public override void Compute(Image<float> image, LabelMap region, IReadOnlyList<Memory<float>> output, IProgress<double>? progress)
    {
        int w = (2 * Settings.Radius) + 1, cube = w * w * w;
        if (cube <= 64)
        {
            Sweep<ulong>(image, region, output, progress);
        }
        else if (cube <= 128)
        {
            Sweep<UInt128>(image, region, output, progress);
        }
        else
        {
            LocalTextureMaps.Run(image, region, output, progress, Settings, FeatureIndex, ng => new TextureMatrix(ng, Columns(w)), Fill, m => ZoneMatrixFeatures.Compute(m));
        }
    }

    /// <summary>Columns of a box's matrix (longest run, largest zone) for a box of width <paramref name="w"/>.</summary>
    private protected abstract int Columns(int w);

    /// <summary>Counts the shapes of each grey level of the box into <paramref name="matrix"/>; returns N_v.</summary>
    private protected abstract double Count<T>(BoxBits<T> bits, BoxLevels<T> levels, KernelZoneMatrix matrix)
        where T : struct, IBinaryInteger<T>;

    /// <summary>Counts the shapes of the box [x0, x1] × [y0, y1] × [z0, z1] voxel by voxel, and N_v.</summary>
    private protected abstract void Fill(LocalGlcmFeatures.LevelGrid grid, TextureMatrix matrix, int x0, int x1, int y0, int y1, int z0, int z1);

    private void Sweep<T>(Image<float> image, LabelMap region, IReadOnlyList<Memory<float>> output, IProgress<double>? progress)
        where T : struct, IBinaryInteger<T>
    {
        if (LocalTextureMaps.RegionBox(image, region, output) is not { } box)
        {
            return;
        }

        var grid = Discretised(image, region, box);
        int r = Settings.Radius, w = (2 * r) + 1, ng = grid.GreyLevels;
        var padded = new PaddedLevels(grid, r);
        var bits = new BoxBits<T>(w, Settings.Distance);
        LocalTextureMaps.Sweep(
            region, box, output, progress, FeatureIndex, KernelZoneMatrix.FeatureCount,
            () => (Levels: new BoxLevels<T>(ng, w * w * w), Matrix: new KernelZoneMatrix(ng, Columns(w), Math.Min(ng, w * w * w) * Columns(w))),
            (scratch, x, y, z, features) =>
            {
                // The box centred on (x, y, z) has its corner at padded (x, y, z): the padding is r.
                scratch.Levels.Load(padded, padded.Corner(x, y, z));
                double voxels = Count(bits, scratch.Levels, scratch.Matrix);
                scratch.Matrix.ComputeAndClear(voxels, features);
            });
    }
}
