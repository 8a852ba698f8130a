using FsCheck;
using FsCheck.Fluent;
using Radiomics.Features.Texture;
using Radiomics.Habitats.VoxelFeatures;

namespace Radiomics.Habitats.Tests.VoxelFeatures;

/// <summary>Local GLSZM by hand; the comparison with whole-region GLSZM is in <see cref="LocalLevelSetFamilyTests"/>.</summary>
public class LocalGlszmFeaturesTests
{
    private static readonly string[] Codes = [.. Glszm.Definitions.Select(d => d.Code)];

    [Fact]
    public void A_constant_image_is_one_zone_per_box_whatever_the_radius()
    {
        // An unmasked box of one level inside the image is a single zone of n = (2r + 1)³ voxels: SZE 1/n², LZE n²,
        // normalised non-uniformities 1, zone percentage 1/n, variances and entropy 0.
        Prop.ForAll(Gen.Choose(1, 2).ToArbitrary(), Gen.Choose(-1000, 1000).ToArbitrary(), (radius, value) =>
        {
            var (image, mask) = WholeRegionReference.RandomScan(9, constant: value);
            var map = VoxelFeatureMaps.Compute(image, mask, [new LocalGlszmFeatures(new LocalTextureSettings { Radius = radius, MaskedKernel = false })]).OnScanGrid();
            int centre = 3 + (7 * (2 + (6 * 2))), n = (int)Math.Pow((2 * radius) + 1, 3);
            var f = Codes.Select((_, c) => (double)map.Image.Channel(c)[centre]).ToArray();
            return mask.Image.Voxels[centre] != 0
                && Math.Abs(f[0] - (1.0 / n / n)) < 1e-9 && Math.Abs(f[1] - ((double)n * n)) < 1e-3 * n * n
                && f[9] == 1 && f[11] == 1 && Math.Abs(f[12] - (1.0 / n)) < 1e-7 && f[13] == 0 && f[14] == 0 && f[15] == 0;
        }).QuickCheckThrowOnFailure();
    }
}
