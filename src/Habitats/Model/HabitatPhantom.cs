using Radiomics.Imaging;

namespace Radiomics.Habitats.Model;

/// <summary>Settings of <see cref="HabitatPhantom"/>.</summary>
public sealed record HabitatPhantomSettings
{
    public Size3 Size { get; init; } = new(48, 48, 24);

    public Vec3 Spacing { get; init; } = new(1, 1, 2);

    /// <summary>Tumour radius in mm (a sphere).</summary>
    public double Radius { get; init; } = 20;

    /// <summary>How the tumour is divided into sub-regions (default: slabs across x, so sub-regions 1 and 3 never touch).</summary>
    public HabitatPhantomLayout Layout { get; init; } = HabitatPhantomLayout.Slabs;

    /// <summary>Mean and standard deviation of the sub-regions' intensities.</summary>
    public IReadOnlyList<(double Mean, double Sd)> SubRegions { get; init; } = [(20, 6), (65, 25), (110, 6)];

    public double Background { get; init; } = 40;

    public double BackgroundSd { get; init; } = 10;

    public int Seed { get; init; } = 1;
}

/// <summary>How <see cref="HabitatPhantom"/> divides its tumour.</summary>
public enum HabitatPhantomLayout
{
    /// <summary>Equal-volume slabs across x; consecutive sub-regions touch, the first and last do not.</summary>
    Slabs,

    /// <summary>Equal sectors around the z axis; every sub-region touches every other.</summary>
    Sectors,
}

/// <summary>
/// A synthetic scan with a spherical tumour split into three planted sub-regions of known intensity and texture
/// (by default a dark smooth, a mid-grey heterogeneous and a bright smooth one), with the ground-truth sub-region map: the test
/// object of habitat recovery and the data of habitat demos.
/// </summary>
public static class HabitatPhantom
{
    /// <returns>The image, the tumour mask (label 1) and the truth (sub-region 1..3 inside the tumour, 0 outside).</returns>
    public static (Image<float> Image, LabelMap Mask, LabelMap Truth) Create(HabitatPhantomSettings? settings = null)
    {
        settings ??= new HabitatPhantomSettings();
        var geometry = new ImageGeometry(settings.Size, settings.Spacing, Vec3.Zero, Matrix3.Identity);
        var image = new float[geometry.VoxelCount];
        var mask = new byte[geometry.VoxelCount];
        var truth = new byte[geometry.VoxelCount];
        var centre = geometry.Centre;
        var random = new Random(settings.Seed);
        var size = settings.Size;
        int sectors = settings.SubRegions.Count;
        int i = 0;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++, i++)
                {
                    var d = geometry.IndexToPhysical(x, y, z) - centre;
                    double noise = Gaussian(random);
                    if (d.Norm > settings.Radius)
                    {
                        image[i] = (float)(settings.Background + (settings.BackgroundSd * noise));
                        continue;
                    }

                    double position = settings.Layout == HabitatPhantomLayout.Sectors
                        ? (Math.Atan2(d.Y, d.X) + Math.PI) / (2 * Math.PI)
                        : SlabPosition(d.X / settings.Radius);
                    int sector = Math.Min(sectors - 1, (int)(position * sectors));
                    var (mean, sd) = settings.SubRegions[sector];
                    image[i] = (float)(mean + (sd * noise));
                    mask[i] = 1;
                    truth[i] = (byte)(sector + 1);
                }
            }
        }

        return (new Image<float>(geometry, image), new LabelMap(new Image<byte>(geometry, mask)), new LabelMap(new Image<byte>(geometry, truth)));
    }

    /// <summary>
    /// Maps x/r ∈ [−1, 1] to [0, 1] so that equal steps hold equal sphere volume: the cumulative volume fraction of a
    /// ball cut at x/r = t is (2 + 3t − t³)/4.
    /// </summary>
    private static double SlabPosition(double t) => (2 + (3 * t) - (t * t * t)) / 4;

    private static double Gaussian(Random random) => Radiomics.Synthetic.SyntheticNoise.Gaussian(random);
}
