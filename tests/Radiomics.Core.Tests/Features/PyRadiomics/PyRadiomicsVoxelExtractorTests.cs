using Radiomics.Features.PyRadiomics;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Features.PyRadiomics;

public sealed class PyRadiomicsVoxelExtractorTests
{
    private static readonly string[] Checked =
    [
        "firstorder_Mean", "firstorder_Variance", "firstorder_Median", "firstorder_Entropy", "firstorder_Uniformity",
        "glcm_Contrast", "glcm_JointEntropy", "glcm_JointEnergy", "glcm_DifferenceAverage",
        "glrlm_ShortRunEmphasis", "glrlm_RunEntropy", "glszm_SmallAreaEmphasis", "glszm_ZonePercentage",
        "gldm_SmallDependenceEmphasis", "gldm_DependenceEntropy", "ngtdm_Coarseness",
    ];

    /// <summary>
    /// Where a voxel's 3×3×3 kernel lies inside the ROI, each map's value is the whole-region feature of that kernel as
    /// an ROI of its own. Only features that do not depend on the bin numbers themselves are compared: the maps keep the
    /// ROI's bin numbers (⌊X/W⌋ − ⌊min_ROI/W⌋ + 1), a region of its own starts from its own minimum.
    /// </summary>
    [SharedDataFact]
    public void Brain1_maps_equal_the_whole_region_features_of_each_kernel()
    {
        var image = ImageFile.Read(SharedData.Path("data", "pyradiomics", "brain1_image.nrrd"));
        var mask = ImageFile.ReadLabelMap(SharedData.Path("data", "pyradiomics", "brain1_label.nrrd"));
        var full = mask.Select(1);
        var box = full.BoundingBox()!.Value;

        // A slab of the ROI keeps the test short: three slices around the middle one.
        int zc = (box.Min.Z + box.Max.Z) / 2;
        var slab = new ImageBuilder<byte>(mask.Geometry);
        for (int z = zc - 1; z <= zc + 1; z++)
        {
            for (int y = 0; y < mask.Geometry.Size.Y; y++)
            {
                for (int x = 0; x < mask.Geometry.Size.X; x++)
                {
                    slab[x, y, z] = full.Voxels[x + (mask.Geometry.Size.X * (y + (mask.Geometry.Size.Y * z)))];
                }
            }
        }

        var roi = new LabelMap(slab.ToImage());
        var settings = new PyRadiomicsSettings
        {
            FeatureClasses = [.. PyRadiomicsFeatureClass.Defaults.Where(c => c.Name != "shape")],
            Voxel = new PyRadiomicsVoxelSettings { KernelRadius = 1, InitValue = -7 },
        };
        var maps = PyRadiomicsVoxelExtractor.Extract(image, roi, settings).ToDictionary(m => m.Name, m => m.Map);
        Assert.Equal(18 + 24 + 16 + 16 + 14 + 5, maps.Count);

        int compared = 0;
        var g = mask.Geometry.Size;
        for (int y = box.Min.Y + 1; y < box.Max.Y && compared < 4; y += 3)
        {
            for (int x = box.Min.X + 1; x < box.Max.X && compared < 4; x += 3)
            {
                if (!Cube(roi, x, y, zc).All(i => roi.Voxels[i] != 0))
                {
                    continue;
                }

                var kernel = new ImageBuilder<byte>(mask.Geometry);
                foreach (var i in Cube(roi, x, y, zc))
                {
                    kernel.Voxels[i] = 1;
                }

                var region = PyRadiomicsExtractor.Extract(image, new LabelMap(kernel.ToImage()), settings);
                foreach (var feature in Checked)
                {
                    var map = maps["original_" + feature];
                    var centre = map.Geometry.PhysicalToIndex(mask.Geometry.IndexToPhysical(new Vec3(x, y, zc)));
                    double value = map[(int)Math.Round(centre.X), (int)Math.Round(centre.Y), (int)Math.Round(centre.Z)];
                    double expected = region["original_" + feature];
                    Assert.True(Math.Abs(value - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{feature} at ({x}, {y}, {zc}): map {value}, kernel as ROI {expected}");
                }

                compared++;
            }
        }

        Assert.Equal(4, compared);
        var mean = maps["original_firstorder_Mean"];
        Assert.Equal(-7, mean[0, 0, 0]); // a corner of the padded box is outside the ROI: initValue
    }

    [Fact]
    public void Only_shape_classes_cannot_be_mapped()
    {
        var g = ImageGeometry.Create(4, 4, 4);
        var labels = new ImageBuilder<byte>(g);
        labels[1, 1, 1] = labels[2, 1, 1] = 1;
        var settings = new PyRadiomicsSettings { FeatureClasses = [new PyRadiomicsFeatureClass("shape", [])] };
        var e = Assert.Throws<SettingsException>(() => PyRadiomicsVoxelExtractor.Extract(new Image<short>(g), new LabelMap(labels.ToImage()), settings, "p.yaml"));
        Assert.Contains("p.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains("shape", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_names_are_the_names_of_the_computed_maps_for_every_image_type()
    {
        var g = ImageGeometry.Create(7, 7, 5);
        var image = new ImageBuilder<double>(g);
        var labels = new ImageBuilder<byte>(g);
        var random = new Random(4);
        for (int z = 0; z < 5; z++)
        {
            for (int y = 0; y < 7; y++)
            {
                for (int x = 0; x < 7; x++)
                {
                    image[x, y, z] = 100 + random.Next(50);
                    labels[x, y, z] = x is > 1 and < 5 && y is > 1 and < 5 && z is > 0 and < 4 ? (byte)1 : (byte)0;
                }
            }
        }

        var settings = new PyRadiomicsSettings
        {
            BinWidth = 5,
            Sigma = [1, 2.5],
            ImageTypes = [.. Enum.GetValues<PyRadiomicsImageKind>().Select(k => new PyRadiomicsImageType(k, null))],
            FeatureClasses = [new PyRadiomicsFeatureClass("firstorder", ["Mean"]), new PyRadiomicsFeatureClass("ngtdm", []), new PyRadiomicsFeatureClass("shape", [])],
        };
        var maps = PyRadiomicsVoxelExtractor.Extract(image.ToImage(), new LabelMap(labels.ToImage()), settings);
        Assert.Equal(PyRadiomicsVoxelExtractor.MapNames(settings).Order(StringComparer.Ordinal), maps.Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.Contains(maps, m => m.Name == "log-sigma-2-5-mm-3D_ngtdm_Busyness");
        Assert.Contains(maps, m => m.Name == "wavelet-HLH_firstorder_Mean");
        Assert.Contains(maps, m => m.Name == "lbp-3D-k_firstorder_Mean");
        Assert.Equal((1 + 2 + 8 + 4 + 1 + 1 + 3) * 6, maps.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Kernel_matrices_on_the_kernel_levels_equal_PyRadiomics_rows_for_every_ROI_level(bool maskedKernel)
    {
        var g = ImageGeometry.Create(9, 8, 6);
        var image = new ImageBuilder<double>(g);
        var labels = new ImageBuilder<byte>(g);
        var random = new Random(11);
        for (int z = 0; z < 6; z++)
        {
            for (int y = 0; y < 8; y++)
            {
                for (int x = 0; x < 9; x++)
                {
                    image[x, y, z] = random.Next(0, 60);
                    labels[x, y, z] = (x - 4) * (x - 4) + (y - 4) * (y - 4) + (z - 3) * (z - 3) <= 9 ? (byte)1 : (byte)0;
                }
            }
        }

        var settings = new PyRadiomicsSettings
        {
            BinWidth = 6,
            FeatureClasses = [.. PyRadiomicsFeatureClass.Defaults.Where(c => c.Name != "shape")],
            Voxel = new PyRadiomicsVoxelSettings { KernelRadius = 1, MaskedKernel = maskedKernel },
        };
        var fast = PyRadiomicsVoxelExtractor.Extract(image.ToImage(), new LabelMap(labels.ToImage()), settings, "s", kernelLevelsOnly: true);
        var full = PyRadiomicsVoxelExtractor.Extract(image.ToImage(), new LabelMap(labels.ToImage()), settings, "s", kernelLevelsOnly: false).ToDictionary(m => m.Name, m => m.Map);
        foreach (var map in fast)
        {
            var a = map.Map.Voxels;
            var b = full[map.Name].Voxels;
            for (int i = 0; i < a.Length; i++)
            {
                Assert.True(
                    (double.IsNaN(a[i]) && double.IsNaN(b[i])) || Math.Abs(a[i] - b[i]) <= 1e-9 * Math.Max(1, Math.Abs(b[i])),
                    $"{map.Name}, voxel {i}: {a[i]} with the kernel's levels, {b[i]} with the ROI's");
            }
        }
    }

    private static IEnumerable<int> Cube(LabelMap roi, int x, int y, int z)
    {
        var s = roi.Geometry.Size;
        for (int dz = -1; dz <= 1; dz++)
        {
            for (int dy = -1; dy <= 1; dy++)
            {
                for (int dx = -1; dx <= 1; dx++)
                {
                    yield return x + dx + (s.X * (y + dy + (s.Y * (z + dz))));
                }
            }
        }
    }
}
