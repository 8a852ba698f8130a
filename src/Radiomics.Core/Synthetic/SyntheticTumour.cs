using Radiomics.Imaging;

namespace Radiomics.Synthetic;

/// <summary>Settings of a synthetic CT-like scan with one heterogeneous tumour.</summary>
public sealed record SyntheticTumourSettings
{
    public Size3 Size { get; init; } = new(64, 64, 32);

    public Vec3 Spacing { get; init; } = new(1.0, 1.0, 2.0);

    /// <summary>Tumour semi-axes in mm.</summary>
    public Vec3 Radii { get; init; } = new(14, 11, 10);

    /// <summary>Tumour centre as an offset from the image centre, mm.</summary>
    public Vec3 CentreOffset { get; init; } = Vec3.Zero;

    /// <summary>Background (soft tissue) and tumour rim/core intensities, HU-like.</summary>
    public double Background { get; init; } = 40;

    public double Rim { get; init; } = 120;

    public double Core { get; init; } = 20;

    /// <summary>Standard deviation of the voxel noise.</summary>
    public double Noise { get; init; } = 12;

    public int Seed { get; init; } = 1;
}

/// <summary>
/// A reproducible CT-like scan with an ellipsoidal tumour whose enhancing rim surrounds a darker, necrotic-like core:
/// the built-in data of the demo, the notebooks and the examples, so nothing has to be downloaded.
/// </summary>
public static class SyntheticTumour
{
    public static (Image<float> Image, LabelMap Mask) Create(SyntheticTumourSettings? settings = null)
    {
        settings ??= new SyntheticTumourSettings();
        var geometry = new ImageGeometry(settings.Size, settings.Spacing, Vec3.Zero, Matrix3.Identity);
        var v = new float[geometry.VoxelCount];
        var m = new byte[geometry.VoxelCount];
        var centre = geometry.Centre + settings.CentreOffset;
        var rng = new Random(settings.Seed);
        var size = settings.Size;
        int i = 0;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++, i++)
                {
                    var d = geometry.IndexToPhysical(x, y, z) - centre;
                    double r = Math.Sqrt(Sq(d.X / settings.Radii.X) + Sq(d.Y / settings.Radii.Y) + Sq(d.Z / settings.Radii.Z));
                    double value = settings.Background;
                    if (r <= 1)
                    {
                        m[i] = 1;
                        // Smooth blend from core (r = 0) to rim (r = 1).
                        double t = Math.Clamp((r - 0.35) / 0.4, 0, 1);
                        value = settings.Core + (settings.Rim - settings.Core) * t;
                    }

                    v[i] = (float)(value + settings.Noise * SyntheticNoise.Gaussian(rng));
                }
            }
        }

        return (new Image<float>(geometry, v), new LabelMap(new Image<byte>(geometry, m)));
    }

    private static double Sq(double x) => x * x;
}
