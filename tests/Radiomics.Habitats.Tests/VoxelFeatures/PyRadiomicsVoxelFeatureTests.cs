using Radiomics.Features.PyRadiomics;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Imaging;
using Radiomics.TestSupport;

namespace Radiomics.Habitats.Tests.VoxelFeatures;

public class PyRadiomicsVoxelFeatureTests
{
    private const string Params = "setting:\n  binWidth: 10\nimageType:\n  Original: {}\n  Square: {}\nfeatureClass:\n  firstorder: [Mean, Entropy]\n  glcm: [Contrast]\n  shape:\nvoxelSetting:\n  kernelRadius: 1\n";

    [Fact]
    public void A_params_file_defines_the_channels_and_each_is_the_voxel_based_map_at_the_region_voxels()
    {
        using var tmp = new TempDirectory();
        var path = tmp.File("habitat.yaml");
        File.WriteAllText(path, Params);
        var feature = PyRadiomicsVoxelFeature.FromParamsFile(path);
        string[] expected =
        [
            "original_firstorder_Mean", "original_firstorder_Entropy", "original_glcm_Contrast",
            "square_firstorder_Mean", "square_firstorder_Entropy", "square_glcm_Contrast",
        ];
        Assert.Equal(expected, feature.ChannelNames);

        var (image, mask) = LocalFirstOrderFeaturesTests.Scan();
        var map = VoxelFeatureMaps.Compute(image, mask, [feature]);
        var settings = PyRadiomicsParamsFile.ParseSettings(Params) with { Label = 3 };
        var reference = PyRadiomicsVoxelExtractor.Extract(image, mask, settings).ToDictionary(m => m.Name, m => m.Map);
        var size = image.Geometry.Size;
        int checkedVoxels = 0;
        for (int c = 0; c < expected.Length; c++)
        {
            var r = reference[expected[c]];
            var corner = image.Geometry.PhysicalToIndex(r.Geometry.IndexToPhysical(Vec3.Zero));
            for (int z = 0; z < size.Z; z++)
            {
                for (int y = 0; y < size.Y; y++)
                {
                    for (int x = 0; x < size.X; x++)
                    {
                        int v = x + (size.X * (y + (size.Y * z)));
                        if (mask.Voxels[v] == 0)
                        {
                            continue;
                        }

                        double want = r[x - (int)Math.Round(corner.X), y - (int)Math.Round(corner.Y), z - (int)Math.Round(corner.Z)];
                        Assert.Equal((float)want, map.Image.Channel(c)[v]);
                        checkedVoxels++;
                    }
                }
            }
        }

        Assert.Equal(expected.Length * mask.Count(3), checkedVoxels);
    }

    [Fact]
    public void Resampling_or_only_shape_in_the_params_file_is_an_error_naming_it()
    {
        using var tmp = new TempDirectory();
        var resampled = tmp.File("resampled.yaml");
        File.WriteAllText(resampled, "setting:\n  resampledPixelSpacing: [1, 1, 1]\nfeatureClass:\n  firstorder:\n");
        var e = Assert.Throws<SettingsException>(() => PyRadiomicsVoxelFeature.FromParamsFile(resampled));
        Assert.Contains("resampled.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains("resampledPixelSpacing", e.Message, StringComparison.Ordinal);

        var shape = tmp.File("shape.yaml");
        File.WriteAllText(shape, "featureClass:\n  shape:\n");
        e = Assert.Throws<SettingsException>(() => PyRadiomicsVoxelFeature.FromParamsFile(shape));
        Assert.Contains("shape.yaml", e.Message, StringComparison.Ordinal);
    }
}
