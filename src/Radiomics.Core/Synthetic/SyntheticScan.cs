using Radiomics.Imaging;

namespace Radiomics.Synthetic;

/// <summary>A generated scan with its ground truth.</summary>
/// <param name="Image">CT-like intensities (HU-like).</param>
/// <param name="Tumour">The true tumour mask (label 1).</param>
/// <param name="Habitats">The true habitats: 1 necrotic core, 2 viable, 3 enhancing rim; 0 outside the tumour.</param>
public sealed record SyntheticScan(Image<float> Image, LabelMap Tumour, LabelMap Habitats)
{
    /// <summary>
    /// Generates a scan: an elliptical body (soft tissue with smooth anatomy, two lungs, a spine) posed by the
    /// settings' rotation and translation, containing the layered tumour. Every voxel is evaluated in the body frame,
    /// so two scans of one patient differ by a known rigid motion plus the tumour's own change.
    /// </summary>
    public static SyntheticScan Create(SyntheticScanSettings? settings = null)
    {
        var s = settings ?? new SyntheticScanSettings();
        if (s.VolumeScale <= 0 || s.CoreFraction < 0 || s.CoreFraction >= s.RimFraction || s.RimFraction > 1)
        {
            throw new InvalidInputException("a synthetic scan needs VolumeScale > 0 and 0 ≤ CoreFraction < RimFraction ≤ 1.");
        }

        var geometry = new ImageGeometry(s.Size, s.Spacing, Vec3.Zero, Matrix3.Identity);
        var image = new float[geometry.VoxelCount];
        var tumour = new byte[geometry.VoxelCount];
        var habitats = new byte[geometry.VoxelCount];
        var centre = geometry.Centre;
        var toBody = Matrix3.Rotation(new Vec3(0, 0, 1), -s.RotationDegrees * Math.PI / 180);
        var anatomy = Anatomy(new Random(s.AnatomySeed));
        double scale = Math.Cbrt(s.VolumeScale);
        var radii = s.TumourRadii * scale;
        var noise = new Random(s.NoiseSeed);
        var size = s.Size;
        int i = 0;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++, i++)
                {
                    // Body frame: undo the patient's pose about the image centre.
                    var q = toBody * (geometry.IndexToPhysical(x, y, z) - centre - s.Translation);
                    double value = Tissue(q, anatomy);
                    var d = q - s.TumourOffset;
                    double r = Math.Sqrt(Sq(d.X / radii.X) + Sq(d.Y / radii.Y) + Sq(d.Z / radii.Z));
                    if (r <= 1)
                    {
                        tumour[i] = 1;
                        byte habitat = r < s.CoreFraction ? (byte)1 : r < s.RimFraction ? (byte)2 : (byte)3;
                        habitats[i] = habitat;
                        value = habitat switch
                        {
                            1 => s.CoreIntensity,
                            2 => s.ViableIntensity + s.ViableTexture * SyntheticNoise.Gaussian(noise),
                            _ => s.RimIntensity,
                        };
                    }

                    image[i] = (float)(value + s.Noise * SyntheticNoise.Gaussian(noise));
                }
            }
        }

        return new SyntheticScan(
            new Image<float>(geometry, image), new LabelMap(new Image<byte>(geometry, tumour)), new LabelMap(new Image<byte>(geometry, habitats)));
    }

    /// <summary>Smooth soft-tissue variation: a few broad Gaussian bumps of the patient's anatomy.</summary>
    private static (Vec3 Centre, double Width, double Height)[] Anatomy(Random rng) =>
        Enumerable.Range(0, 6)
            .Select(_ => (new Vec3(rng.NextDouble() * 60 - 30, rng.NextDouble() * 60 - 30, rng.NextDouble() * 60 - 30), 10 + rng.NextDouble() * 10, rng.NextDouble() * 30 - 15))
            .ToArray();

    private static double Tissue(Vec3 q, (Vec3 Centre, double Width, double Height)[] anatomy)
    {
        if (Sq(q.X / 44) + Sq(q.Y / 38) > 1)
        {
            return -1000; // air around the body
        }

        if (Sq((q.X + 22) / 13) + Sq((q.Y + 4) / 17) < 1 || Sq((q.X - 26) / 9) + Sq((q.Y + 14) / 11) < 1)
        {
            return -800; // lungs
        }

        if (Sq(q.X / 7) + Sq((q.Y - 28) / 6) < 1)
        {
            return 400; // spine
        }

        double v = 40;
        foreach (var (c, w, h) in anatomy)
        {
            v += h * Math.Exp(-(q - c).Dot(q - c) / (2 * w * w));
        }

        return v;
    }

    private static double Sq(double x) => x * x;
}
