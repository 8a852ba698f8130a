using Radiomics.Features;
using Radiomics.Features.PyRadiomics;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Features.PyRadiomics;

public sealed class PyRadiomicsExtractorTests
{
    /// <summary>
    /// A few of PyRadiomics' recorded values for brain1 with its default settings (data/baseline/baseline_&lt;class&gt;.csv,
    /// column "brain1", PyRadiomics 3), so the flavour is checked wherever the shared images are, baseline folder or not.
    /// </summary>
    [SharedDataTheory]
    [InlineData("firstorder", "original_firstorder_Skewness", 0.27565085908587594, 1e-9)]
    [InlineData("glcm", "original_glcm_JointAverage", 16.55380772442751, 1e-9)]
    [InlineData("glcm", "original_glcm_SumAverage", 33.107615448855015, 1e-9)]
    [InlineData("glrlm", "original_glrlm_ShortRunLowGrayLevelEmphasis", 0.008229766244155428, 1e-9)]
    [InlineData("glszm", "original_glszm_ZoneVariance", 8.721239097486347, 1e-9)]
    [InlineData("gldm", "original_gldm_HighGrayLevelEmphasis", 280.4065748126662, 1e-9)]
    [InlineData("ngtdm", "original_ngtdm_Complexity", 1439.5127782445836, 1e-9)]
    [InlineData("shape", "original_shape_Maximum3DDiameter", 69.6009903059, 1e-9)]
    [InlineData("shape", "original_shape_Maximum2DDiameterSlice", 53.5939777692, 1e-9)]
    public void Brain1_default_settings_reproduce_PyRadiomics_recorded_values(string featureClass, string name, double expected, double relative)
    {
        var image = ImageFile.Read(SharedData.Path("data", "pyradiomics", "brain1_image.nrrd"));
        var mask = ImageFile.ReadLabelMap(SharedData.Path("data", "pyradiomics", "brain1_label.nrrd"));
        var settings = new PyRadiomicsSettings
        {
            VoxelArrayShift = 2000, // as recorded for firstorder
            MinimumRoiDimensions = 1,
            Interpolator = null,
            FeatureClasses = [new PyRadiomicsFeatureClass(featureClass, [])],
        };
        var result = PyRadiomicsExtractor.Extract(image, mask, settings);
        Assert.Equal(expected, result[name], expected * relative);
    }

    [Fact]
    public void The_feature_extractor_runs_the_flavour_when_the_settings_name_it()
    {
        var g = ImageGeometry.Create(8, 8, 4, new Vec3(1, 1, 2));
        var image = new ImageBuilder<short>(g);
        var labels = new ImageBuilder<byte>(g);
        for (int z = 0; z < 4; z++)
        {
            for (int y = 0; y < 8; y++)
            {
                for (int x = 0; x < 8; x++)
                {
                    image[x, y, z] = (short)((x * 31) + (y * 7) + (z * 50));
                    labels[x, y, z] = x is > 0 and < 7 && y is > 0 and < 7 ? (byte)3 : (byte)0;
                }
            }
        }

        var settings = new FeatureSettings { Definitions = FeatureDefinitions.PyRadiomics };
        var table = FeatureExtractor.Extract(image.ToImage(), new LabelMap(labels.ToImage()), settings);
        var direct = PyRadiomicsExtractor.Extract(image.ToImage(), new LabelMap(labels.ToImage()), new PyRadiomicsSettings { Label = 3 });
        Assert.Equal(direct.Features.Count, table.Count);
        Assert.All(table, r => Assert.Equal("3", r.Region));
        var mean = Assert.Single(table, r => r.Family == "firstorder" && r.Feature == "Mean");
        Assert.Equal("Q4LE", mean.IbsiCode);
        double expected = 0;
        int n = 0;
        for (int z = 0; z < 4; z++)
        {
            for (int y = 1; y < 7; y++)
            {
                for (int x = 1; x < 7; x++)
                {
                    expected += (x * 31) + (y * 7) + (z * 50);
                    n++;
                }
            }
        }

        Assert.Equal(expected / n, mean.Value, 9);
        Assert.Equal(n * 2.0, table.Single(r => r.Family == "shape" && r.Feature == "VoxelVolume").Value, 9);
        // PyRadiomics' default classes: no shape2D, deprecated features left out.
        Assert.DoesNotContain(table, r => r.Family == "shape2D" || r.Feature == "StandardDeviation");
    }

    [Fact]
    public void An_absent_label_is_an_error_naming_the_labels_present()
    {
        var g = ImageGeometry.Create(4, 4, 4);
        var labels = new ImageBuilder<byte>(g);
        labels[1, 1, 1] = 2;
        labels[2, 1, 1] = 2;
        var e = Assert.Throws<InvalidInputException>(() => PyRadiomicsExtractor.Extract(new Image<short>(g), new LabelMap(labels.ToImage()), new PyRadiomicsSettings()));
        Assert.Contains("Label (1) not present", e.Message, StringComparison.Ordinal);
        Assert.Contains("2", e.Message, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void Brain1_LBP_image_types_give_PyRadiomics_image_type_names_and_their_grey_levels()
    {
        var image = ImageFile.Read(SharedData.Path("data", "pyradiomics", "brain1_image.nrrd"));
        var mask = ImageFile.ReadLabelMap(SharedData.Path("data", "pyradiomics", "brain1_label.nrrd"));
        var settings = new PyRadiomicsSettings
        {
            BinWidth = 1,
            ImageTypes = [new(PyRadiomicsImageKind.LBP2D, null), new(PyRadiomicsImageKind.LBP3D, null)],
            FeatureClasses = [new PyRadiomicsFeatureClass("firstorder", ["Minimum", "Maximum", "Mean"])],
        };
        var result = PyRadiomicsExtractor.Extract(image, mask, settings);

        // Uniform LBP with 8 samples takes the values 0 … 9; m1 counts the 42 icosphere samples not below the centre
        // (√42 · count / 4π); the kurtosis is excess kurtosis (at least −2).
        Assert.InRange(result["lbp-2D_firstorder_Minimum"], 0, 9);
        Assert.InRange(result["lbp-2D_firstorder_Maximum"], 0, 9);
        Assert.Equal(9, result["lbp-2D_firstorder_Maximum"]);
        double unit = Math.Sqrt(42) / (4 * Math.PI);
        double count = result["lbp-3D-m1_firstorder_Maximum"] / unit;
        Assert.Equal(Math.Round(count), count, 9);
        Assert.InRange(count, 1, 42);
        Assert.True(double.IsFinite(result["lbp-3D-m2_firstorder_Mean"]) && result["lbp-3D-m2_firstorder_Mean"] > 0);
        Assert.True(result["lbp-3D-k_firstorder_Minimum"] >= -2);
        Assert.Equal(
            ["lbp-2D", "lbp-3D-m1", "lbp-3D-m2", "lbp-3D-k"],
            result.Features.Select(f => f.ImageType).Distinct());
    }
}
