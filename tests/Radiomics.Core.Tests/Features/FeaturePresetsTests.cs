using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.Processing;

namespace Radiomics.Core.Tests.Features;

/// <summary>Each preset against the manual's configuration table (docs/05_Reference_data_sets.rst).</summary>
public class FeaturePresetsTests
{
    private static readonly TextureAggregation[] SliceWise =
        [TextureAggregation.Averaged2D, TextureAggregation.SliceMerged2D, TextureAggregation.DirectionMerged25D, TextureAggregation.Merged25D];

    private static readonly TextureAggregation[] Volume = [TextureAggregation.Averaged3D, TextureAggregation.Merged3D];

    [Fact]
    public void Names_list_every_preset_and_lookup_ignores_case()
    {
        Assert.Equal(["ct-default", "mr-default", "pet-suv", "ibsi-digital-phantom", "ibsi-config-A", "ibsi-config-B", "ibsi-config-C", "ibsi-config-D", "ibsi-config-E"], FeaturePresets.Names);
        Assert.All(FeaturePresets.Names, n => FeaturePresets.Get(n).Validate());
        Assert.Equal(FeaturePresets.ConfigC.Resampling, FeaturePresets.Get("IBSI-CONFIG-c").Resampling);
        var e = Assert.Throws<ArgumentException>(() => FeaturePresets.Get("ibsi-config-F"));
        Assert.Contains("ibsi-config-E", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Digital_phantom_uses_the_phantom_as_it_is()
    {
        var s = FeaturePresets.DigitalPhantom;
        Assert.Null(s.Resampling);
        Assert.True(s.Resegmentation.IsNone);
        Assert.Equal(DiscretisationMethod.None, s.Discretisation.Method);
        Assert.Equal(DiscretisationMethod.None, s.IntensityVolumeHistogram.Method);
        Assert.Equal([.. SliceWise, .. Volume], s.Texture.Aggregations);
        Assert.False(s.RoundInputIntensities);
    }

    [Fact]
    public void Config_A_is_2D_without_interpolation_FBS_25()
    {
        var s = FeaturePresets.ConfigA;
        Assert.Equal(FeatureDimensionality.TwoD, s.Dimensionality);
        Assert.Null(s.Resampling);
        Assert.Equal(new ResegmentationSettings { Minimum = -500, Maximum = 400 }, s.Resegmentation);
        Assert.Equal(DiscretisationSettings.FixedBinSize(25), s.Discretisation);
        Assert.Equal(DiscretisationMethod.None, s.IntensityVolumeHistogram.Method);
        Assert.Equal(SliceWise, s.Texture.Aggregations);
        AssertCommonTexture(s);
    }

    [Fact]
    public void Config_B_is_2D_bilinear_2mm_FBN_32()
    {
        var s = FeaturePresets.ConfigB;
        Assert.Equal(FeatureDimensionality.TwoD, s.Dimensionality);
        var r = s.Resampling!;
        Assert.True(r.InPlaneOnly);
        Assert.Equal((2.0, 2.0), (r.Spacing.X, r.Spacing.Y));
        Assert.Equal((Interpolator.Linear, Interpolator.Linear, 0.5, true), (r.Interpolator, r.MaskInterpolator, r.PartialVolumeThreshold, r.RoundIntensities));
        Assert.Equal(new ResegmentationSettings { Minimum = -500, Maximum = 400 }, s.Resegmentation);
        Assert.Equal(DiscretisationSettings.FixedBinNumber(32), s.Discretisation);
        Assert.Equal(DiscretisationMethod.None, s.IntensityVolumeHistogram.Method);
        Assert.Equal(SliceWise, s.Texture.Aggregations);
        AssertCommonTexture(s);
    }

    [Fact]
    public void Config_C_is_3D_trilinear_2mm_FBS_25_and_IVH_FBS_2_5()
    {
        var s = FeaturePresets.ConfigC;
        AssertVolume2Mm(s, Interpolator.Linear);
        Assert.Equal(new ResegmentationSettings { Minimum = -1000, Maximum = 400 }, s.Resegmentation);
        Assert.Equal(DiscretisationSettings.FixedBinSize(25), s.Discretisation);
        Assert.Equal(DiscretisationSettings.FixedBinSize(2.5), s.IntensityVolumeHistogram);
    }

    [Fact]
    public void Config_D_is_3D_trilinear_outlier_filtering_FBN_32()
    {
        var s = FeaturePresets.ConfigD;
        AssertVolume2Mm(s, Interpolator.Linear);
        Assert.Equal(new ResegmentationSettings { OutlierSigma = 3 }, s.Resegmentation);
        Assert.Equal(DiscretisationSettings.FixedBinNumber(32), s.Discretisation);
        Assert.Equal(DiscretisationMethod.None, s.IntensityVolumeHistogram.Method);
    }

    [Fact]
    public void Config_E_is_3D_tricubic_spline_range_and_outlier_FBN_32_and_IVH_1000_bins()
    {
        var s = FeaturePresets.ConfigE;
        AssertVolume2Mm(s, Interpolator.BSpline);
        Assert.Equal(new ResegmentationSettings { Minimum = -1000, Maximum = 400, OutlierSigma = 3 }, s.Resegmentation);
        Assert.Equal(DiscretisationSettings.FixedBinNumber(32), s.Discretisation);
        Assert.Equal(DiscretisationSettings.FixedBinNumber(1000), s.IntensityVolumeHistogram);
    }

    [Fact]
    public void Contradictory_settings_are_refused()
    {
        var twoD3DResampling = FeaturePresets.ConfigB with { Resampling = FeaturePresets.ConfigC.Resampling };
        Assert.Throws<ArgumentException>(twoD3DResampling.Validate);
        var twoD3DTexture = FeaturePresets.ConfigA with { Texture = FeaturePresets.ConfigC.Texture };
        Assert.Throws<ArgumentException>(twoD3DTexture.Validate);
        var threeDInPlane = FeaturePresets.ConfigC with { Resampling = FeaturePresets.ConfigB.Resampling };
        Assert.Throws<ArgumentException>(threeDInPlane.Validate);
    }

    private static void AssertVolume2Mm(FeatureSettings s, Interpolator interpolator)
    {
        Assert.Equal(FeatureDimensionality.ThreeD, s.Dimensionality);
        Assert.True(s.RoundInputIntensities);
        var r = s.Resampling!;
        Assert.False(r.InPlaneOnly);
        Assert.Equal(new Vec3(2, 2, 2), r.Spacing);
        Assert.Equal((interpolator, Interpolator.Linear, 0.5, true), (r.Interpolator, r.MaskInterpolator, r.PartialVolumeThreshold, r.RoundIntensities));
        Assert.Equal(Volume, s.Texture.Aggregations);
        AssertCommonTexture(s);
    }

    private static void AssertCommonTexture(FeatureSettings s)
    {
        Assert.Equal(1, s.Texture.Distance);
        Assert.Equal(0, s.Texture.NgldmCoarseness);
        Assert.Equal(FeatureFamilies.All, s.Families);
    }
}
