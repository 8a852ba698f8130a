using Radiomics.Core.Tests.Ibsi;
using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Processing;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Features;

public class MorphologyTests
{
    private static RoiVolume DigitalPhantom()
    {
        var image = ImageFile.Read<float>(SharedData.Path("ibsi", "ibsi_1_digital_phantom", "nifti", "image", "phantom.nii.gz"));
        var mask = ImageFile.Read<float>(SharedData.Path("ibsi", "ibsi_1_digital_phantom", "nifti", "mask", "mask.nii.gz"));
        image.Geometry.EnsureMatches(mask.Geometry, "digital phantom mask");
        var values = new double[image.Voxels.Length];
        var inside = new bool[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = image.Voxels[i];
            inside[i] = mask.Voxels[i] > 0.5f;
        }

        return new RoiVolume(image.Geometry, values, inside, inside);
    }

    [SharedDataFact]
    public void Morphology_matches_IBSI_digital_phantom() =>
        IbsiReference.Compare(IbsiReference.DigitalPhantom, MorphologyFeatures.Family, MorphologyFeatures.Compute(DigitalPhantom())).AssertAllPass();

    [SharedDataTheory]
    [InlineData(IbsiReference.ConfigA)]
    [InlineData(IbsiReference.ConfigB)]
    [InlineData(IbsiReference.ConfigC)]
    public void Morphology_matches_IBSI_CT_phantom(string config) =>
        IbsiReference.Compare(config, MorphologyFeatures.Family, MorphologyFeatures.Compute(RoiPreprocessing.Run(IbsiDataSets.CtPhantom.Image, IbsiDataSets.CtPhantom.Mask, IbsiDataSets.Preset(config)).Roi)).AssertAllPass();

    private static RoiVolume Roi(Size3 size, Func<int, int, int, bool> inside, Func<int, int, int, double> value, Func<int, int, int, bool>? intensityInside = null)
    {
        var geometry = new ImageGeometry(size, new Vec3(1.5, 1.5, 2.5), new Vec3(-10, 5, 3), Matrix3.Identity);
        var values = new double[size.Count];
        var morphological = new bool[size.Count];
        var intensity = new bool[size.Count];
        int i = 0;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++, i++)
                {
                    values[i] = value(x, y, z);
                    morphological[i] = inside(x, y, z);
                    intensity[i] = morphological[i] && (intensityInside?.Invoke(x, y, z) ?? true);
                }
            }
        }

        return new RoiVolume(geometry, values, morphological, intensity);
    }

    private static double Value(IReadOnlyList<FeatureValue> values, string code) => values.Single(v => v.IbsiCode == code).Value;

    private static bool Ellipsoid(int x, int y, int z) =>
        (((x - 9.5) / 7) * ((x - 9.5) / 7)) + (((y - 8) / 5) * ((y - 8) / 5)) + (((z - 6) / 4) * ((z - 6) / 4)) <= 1;

    [Fact]
    public void Every_feature_has_a_unique_code_and_the_morphology_family()
    {
        var values = MorphologyFeatures.Compute(Roi(new Size3(20, 17, 13), Ellipsoid, (x, y, z) => (10 * x) - (3 * z)));
        Assert.Equal(29, values.Count);
        Assert.Equal(values.Count, values.Select(v => v.IbsiCode).Distinct().Count());
        Assert.All(values, v =>
        {
            Assert.Equal(MorphologyFeatures.Family, v.Family);
            Assert.True(double.IsFinite(v.Value), $"{v.Feature} = {v.Value}");
            Assert.Equal("", v.Aggregation);
        });
    }

    [Fact]
    public void Features_do_not_depend_on_where_the_ROI_sits_in_its_grid()
    {
        var near = MorphologyFeatures.Compute(Roi(new Size3(20, 17, 13), Ellipsoid, (x, y, z) => (x * y) - z));
        var far = MorphologyFeatures.Compute(Roi(new Size3(27, 21, 19), (x, y, z) => Ellipsoid(x - 5, y - 3, z - 4), (x, y, z) => ((x - 5) * (y - 3)) - (z - 4)));
        foreach (var (a, b) in near.Zip(far))
        {
            Assert.Equal(a.IbsiCode, b.IbsiCode);
            Assert.True(Math.Abs(a.Value - b.Value) <= 1e-9 * Math.Max(1, Math.Abs(a.Value)), $"{a.Feature}: {a.Value} vs {b.Value}");
        }
    }

    [Fact]
    public void Compute_leaves_its_input_unchanged()
    {
        var roi = Roi(new Size3(20, 17, 13), Ellipsoid, (x, y, z) => x - y, (x, y, z) => x > 8);
        var values = roi.Intensities.ToArray();
        var morphological = roi.MorphologicalMask.ToArray();
        var intensity = roi.IntensityMask.ToArray();
        MorphologyFeatures.Compute(roi);
        Assert.Equal(values, roi.Intensities.ToArray());
        Assert.Equal(morphological, roi.MorphologicalMask.ToArray());
        Assert.Equal(intensity, roi.IntensityMask.ToArray());
    }

    [Fact]
    public void Empty_morphological_mask_is_rejected_with_a_clear_message()
    {
        var error = Assert.Throws<ArgumentException>(() => MorphologyFeatures.Compute(Roi(new Size3(4, 4, 4), (_, _, _) => false, (_, _, _) => 1)));
        Assert.Contains("empty", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Single_voxel_gives_the_octahedron_and_documented_NaNs()
    {
        var values = MorphologyFeatures.Compute(Roi(new Size3(3, 3, 3), (x, y, z) => x == 1 && y == 1 && z == 1, (_, _, _) => 7));
        Assert.Equal(1.5 * 1.5 * 2.5 / 6, Value(values, "RNU0"), 12);
        Assert.Equal(1.5 * 1.5 * 2.5, Value(values, "YEKZ"), 12);
        Assert.Equal(0, Value(values, "TDIC"));
        Assert.Equal(0, Value(values, "KLMA"), 12);
        Assert.Equal(7 * 1.5 * 1.5 * 2.5 / 6, Value(values, "99N0"), 12);
        Assert.Equal(2.5, Value(values, "L0JK"), 12);
        foreach (var code in (string[])["Q3CK", "N17B", "6BDE", "RDD2", "N365", "NPT7"])
        {
            Assert.True(double.IsNaN(Value(values, code)), code);
        }
    }

    [Fact]
    public void Empty_intensity_mask_makes_only_the_intensity_features_NaN()
    {
        var values = MorphologyFeatures.Compute(Roi(new Size3(20, 17, 13), Ellipsoid, (x, y, z) => x, (_, _, _) => false));
        foreach (var v in values)
        {
            bool intensityBased = v.IbsiCode is "KLMA" or "99N0" or "N365" or "NPT7";
            Assert.Equal(intensityBased, double.IsNaN(v.Value));
        }
    }

    [Fact]
    public void Centre_of_mass_shift_follows_the_intensity_weighting()
    {
        // A 10×1×1 bar with intensity 1 on the left half and 3 on the right: the weighted centre moves right by
        // Σ w x / Σ w − mean = (1·(0+…+4) + 3·(5+…+9)) / 20 − 4.5 = 1.25 voxels.
        var values = MorphologyFeatures.Compute(Roi(new Size3(10, 1, 1), (_, _, _) => true, (x, _, _) => x < 5 ? 1 : 3));
        Assert.Equal(1.25 * 1.5, Value(values, "KLMA"), 12);
    }

    [Fact]
    public void NaN_intensity_in_the_ROI_makes_only_the_intensity_features_NaN()
    {
        var values = MorphologyFeatures.Compute(Roi(new Size3(20, 17, 13), Ellipsoid, (x, y, z) => x == 9 && y == 8 && z == 6 ? double.NaN : x));
        foreach (var v in values)
        {
            bool intensityBased = v.IbsiCode is "KLMA" or "99N0" or "N365" or "NPT7";
            Assert.Equal(intensityBased, double.IsNaN(v.Value));
        }
    }
}
