using Radiomics.Imaging;

namespace Radiomics.Synthetic;

/// <summary>
/// One synthetic CT-like scan of a body with a tumour made of three nested habitats: a necrotic core, a heterogeneous
/// viable layer and an enhancing rim. Time points of a treated tumour are the same settings with a smaller
/// <see cref="VolumeScale"/>, a larger <see cref="CoreFraction"/>, another <see cref="ViableIntensity"/> and another
/// patient pose; all other values stay.
/// </summary>
public sealed record SyntheticScanSettings
{
    public Size3 Size { get; init; } = new(96, 96, 40);

    public Vec3 Spacing { get; init; } = new(1.0, 1.0, 2.5);

    /// <summary>Tumour semi-axes at <see cref="VolumeScale"/> 1, mm.</summary>
    public Vec3 TumourRadii { get; init; } = new(18, 15, 14);

    /// <summary>Tumour centre relative to the body centre, mm (body frame).</summary>
    public Vec3 TumourOffset { get; init; } = new(8, -6, 0);

    /// <summary>Tumour volume relative to the baseline tumour (semi-axes scale by its cube root).</summary>
    public double VolumeScale { get; init; } = 1.0;

    /// <summary>Normalised radius below which the tumour is necrotic core (habitat 1).</summary>
    public double CoreFraction { get; init; } = 0.45;

    /// <summary>Normalised radius above which the tumour is enhancing rim (habitat 3); between lies viable tumour (habitat 2).</summary>
    public double RimFraction { get; init; } = 0.8;

    public double CoreIntensity { get; init; } = 10;

    public double ViableIntensity { get; init; } = 70;

    public double RimIntensity { get; init; } = 130;

    /// <summary>Standard deviation of the viable layer's texture (its habitats differ by heterogeneity as well as mean).</summary>
    public double ViableTexture { get; init; } = 22;

    /// <summary>Scanner noise over the whole image.</summary>
    public double Noise { get; init; } = 6;

    /// <summary>Patient pose: rotation about the scanner's z axis (degrees) and translation (mm) of the body.</summary>
    public double RotationDegrees { get; init; }

    public Vec3 Translation { get; init; } = Vec3.Zero;

    /// <summary>Seed of the anatomy (fixed per patient) and of the noise (per scan).</summary>
    public int AnatomySeed { get; init; } = 1;

    public int NoiseSeed { get; init; } = 1;
}
