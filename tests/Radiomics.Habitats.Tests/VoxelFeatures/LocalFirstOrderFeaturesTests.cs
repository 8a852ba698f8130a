using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Imaging;
using Radiomics.Processing;

namespace Radiomics.Habitats.Tests.VoxelFeatures;

public class LocalFirstOrderFeaturesTests
{
    private static readonly LocalStatistic[] All = Enum.GetValues<LocalStatistic>();

    /// <summary>A 22×19×9 scan on 0.8 × 0.8 × 2 mm voxels with a gradient, integer noise (ties) and a blob region with a hole.</summary>
    internal static (Image<float> Image, LabelMap Mask) Scan()
    {
        var geometry = ImageGeometry.Create(22, 19, 9, new Vec3(0.8, 0.8, 2.0));
        var image = new ImageBuilder<float>(geometry);
        var mask = new ImageBuilder<byte>(geometry);
        var random = new Random(17);
        for (int z = 0; z < 9; z++)
        {
            for (int y = 0; y < 19; y++)
            {
                for (int x = 0; x < 22; x++)
                {
                    image[x, y, z] = (float)(Math.Round(3 * x + (2 * y) - (5 * z) + (8 * Blobs.Gaussian(random))) + (random.Next(4) == 0 ? 0.25 : 0));
                    double r = Math.Sqrt(Math.Pow((x - 10) / 8.0, 2) + Math.Pow((y - 9) / 7.0, 2) + Math.Pow((z - 4) / 3.5, 2));
                    bool hole = Math.Abs(x - 12) <= 1 && Math.Abs(y - 9) <= 1 && z == 4;
                    mask[x, y, z] = r <= 1 && !hole ? (byte)3 : (byte)0;
                }
            }
        }

        return (image.ToImage(), new LabelMap(mask.ToImage()));
    }

    public static TheoryData<StructuringElement, bool> Kernels => new()
    {
        { StructuringElement.Box(1, RadiusUnit.Voxels), true },
        { StructuringElement.Box(1, RadiusUnit.Voxels), false },
        { StructuringElement.Box(2, RadiusUnit.Voxels), true },
        { StructuringElement.Ball(1, RadiusUnit.Voxels), false },
        { StructuringElement.Ball(2), true },
        { StructuringElement.Ball(2), false },
        { StructuringElement.Ball(3.5), true },
        { StructuringElement.Box(2.5), false },
    };

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Every_voxel_equals_the_statistic_of_its_neighbourhood_computed_directly(StructuringElement kernel, bool masked)
    {
        var (image, mask) = Scan();
        foreach (var binWidth in new double?[] { null, 7.5 })
        {
            var settings = new LocalFirstOrderSettings { Kernel = kernel, MaskedKernel = masked, Statistics = All, BinCount = 12, BinWidth = binWidth };
            var map = VoxelFeatureMaps.Compute(image, mask, [new LocalFirstOrderFeatures(settings)]).OnScanGrid();
            var reference = new DirectStatistics(image, mask, settings);
            int checkedVoxels = 0;
            foreach (int v in map.RegionVoxels())
            {
                var expected = reference.At(v);
                for (int c = 0; c < All.Length; c++)
                {
                    double actual = map.Image.Channel(c)[v];
                    double tolerance = 2e-5 * Math.Max(1, Math.Abs(expected[c])) + (All[c] is LocalStatistic.Skewness or LocalStatistic.Kurtosis ? 1e-4 : 0);
                    Assert.True(Math.Abs(actual - expected[c]) <= tolerance,
                        $"{All[c]} at voxel {v} ({kernel}, masked {masked}, bin width {binWidth}): map {actual}, direct {expected[c]}");
                }

                checkedVoxels++;
            }

            Assert.Equal(mask.Count(3), checkedVoxels);
        }
    }

    [Fact]
    public void Voxels_outside_the_region_stay_zero_and_channels_are_named_after_statistic_and_kernel()
    {
        var (image, mask) = Scan();
        var feature = new LocalFirstOrderFeatures(new LocalFirstOrderSettings
        {
            Kernel = StructuringElement.Ball(2.5),
            Statistics = [LocalStatistic.Mean, LocalStatistic.Percentile90],
            ChannelPrefix = "ct_",
        });
        Assert.Equal(["ct_mean_ball2.5mm", "ct_p90_ball2.5mm"], feature.ChannelNames);
        var cropped = VoxelFeatureMaps.Compute(image, mask, [new IntensityFeature(), feature]);
        Assert.Equal(["intensity", "ct_mean_ball2.5mm", "ct_p90_ball2.5mm"], cropped.ChannelNames);
        Assert.Equal(image.Geometry, cropped.ScanGeometry);
        var map = cropped.OnScanGrid();
        Assert.Equal(image.Geometry, map.Geometry);
        var region = mask.Voxels;
        for (int i = 0; i < region.Length; i++)
        {
            if (region[i] == 0)
            {
                Assert.Equal(0f, map.Channel("ct_mean_ball2.5mm")[i]);
            }
            else
            {
                Assert.Equal(image.Voxels[i], map.Channel("intensity")[i]);
            }
        }
    }

    [Fact]
    public void A_constant_neighbourhood_has_zero_spread_skewness_kurtosis_and_entropy()
    {
        var geometry = ImageGeometry.Create(6, 6, 6);
        var image = new ImageBuilder<float>(geometry);
        image.Voxels.Fill(1234.5f);
        var mask = new ImageBuilder<byte>(geometry);
        mask.Voxels.Fill(1);
        var map = VoxelFeatureMaps.Compute(image.ToImage(), new LabelMap(mask.ToImage()), [new LocalFirstOrderFeatures(new LocalFirstOrderSettings { Statistics = All })]);
        for (int c = 0; c < All.Length; c++)
        {
            float expected = All[c] switch
            {
                LocalStatistic.Mean or LocalStatistic.Minimum or LocalStatistic.Maximum or LocalStatistic.Median
                    or LocalStatistic.Percentile10 or LocalStatistic.Percentile90 or LocalStatistic.RootMeanSquare => 1234.5f,
                LocalStatistic.Uniformity => 1f,
                _ => float.NaN,
            };
            var channel = map.Image.Channel(c);
            if (float.IsNaN(expected))
            {
                if (All[c] == LocalStatistic.Energy)
                {
                    Assert.Equal(8 * 1234.5 * 1234.5, channel[0], 1e-3 * 8 * 1234.5 * 1234.5);
                }
                else
                {
                    Assert.All(channel.ToArray(), v => Assert.Equal(0f, v));
                }
            }
            else
            {
                Assert.All(channel.ToArray(), v => Assert.Equal(expected, v));
            }
        }
    }

    [Fact]
    public void A_map_is_written_as_a_multi_channel_image_with_its_channel_names()
    {
        var (image, mask) = Scan();
        var map = VoxelFeatureMaps.Compute(image, mask, [new IntensityFeature(), new LocalFirstOrderFeatures()]);
        using var dir = new Radiomics.TestSupport.TempDirectory();
        string path = dir.File("features.nii.gz");
        map.Write(path);
        Assert.True(File.Exists(dir.File("features.channels.json")));
        var back = VoxelFeatureMap.Read(path, map.Region);
        Assert.Equal(map.ChannelNames, back.ChannelNames);
        Assert.Equal(map.Image.Voxels.ToArray(), back.Image.Voxels.ToArray());
        Assert.True(back.Geometry.Matches(map.Geometry));
    }

    [Fact]
    public void Mismatched_grids_empty_regions_and_duplicate_channels_are_clear_errors()
    {
        var (image, mask) = Scan();
        var other = new LabelMap(new Image<byte>(ImageGeometry.Create(22, 19, 9)));
        Assert.Throws<GeometryMismatchException>(() => VoxelFeatureMaps.Compute(image, other, [new IntensityFeature()]));
        var empty = new LabelMap(new Image<byte>(image.Geometry));
        Assert.Contains("empty", Assert.Throws<Radiomics.Features.EmptyRoiException>(() => VoxelFeatureMaps.Compute(image, empty, [new IntensityFeature()])).Message, StringComparison.Ordinal);
        Assert.Contains("label 9", Assert.Throws<Radiomics.Features.EmptyRoiException>(() => VoxelFeatureMaps.Compute(image, mask, [new IntensityFeature()], label: 9)).Message, StringComparison.Ordinal);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => VoxelFeatureMaps.Compute(image, mask, [new IntensityFeature(), new IntensityFeature()])).Message, StringComparison.Ordinal);
    }

    /// <summary>The statistics of one neighbourhood computed from their definitions, by gathering its voxels.</summary>
    private sealed class DirectStatistics
    {
        private readonly Image<float> _image;
        private readonly LabelMap _mask;
        private readonly LocalFirstOrderSettings _settings;
        private readonly IReadOnlyList<Index3> _offsets;
        private readonly double _min;
        private readonly double _max;

        public DirectStatistics(Image<float> image, LabelMap mask, LocalFirstOrderSettings settings)
        {
            _image = image;
            _mask = mask;
            _settings = settings;
            _offsets = settings.Kernel.Offsets(image.Geometry.Spacing);
            // Discretisation range: the voxels that can enter a neighbourhood (region, or its box grown by the kernel).
            var box = mask.BoundingBox()!.Value;
            if (!settings.MaskedKernel)
            {
                box = box.Pad(settings.Kernel.HalfExtent(image.Geometry.Spacing), image.Geometry.Size);
            }

            _min = double.PositiveInfinity;
            _max = double.NegativeInfinity;
            for (int z = box.Min.Z; z <= box.Max.Z; z++)
            {
                for (int y = box.Min.Y; y <= box.Max.Y; y++)
                {
                    for (int x = box.Min.X; x <= box.Max.X; x++)
                    {
                        if (!settings.MaskedKernel || mask[x, y, z] != 0)
                        {
                            _min = Math.Min(_min, image[x, y, z]);
                            _max = Math.Max(_max, image[x, y, z]);
                        }
                    }
                }
            }
        }

        public double[] At(int voxel)
        {
            var size = _image.Geometry.Size;
            int x0 = voxel % size.X, y0 = voxel / size.X % size.Y, z0 = voxel / (size.X * size.Y);
            var values = new List<double>();
            foreach (var o in _offsets)
            {
                int x = x0 + o.X, y = y0 + o.Y, z = z0 + o.Z;
                if (size.Contains(x, y, z) && (!_settings.MaskedKernel || _mask[x, y, z] != 0))
                {
                    values.Add(_image[x, y, z]);
                }
            }

            var sorted = values.Order().ToArray();
            int n = sorted.Length;
            double mean = sorted.Average();
            double m2 = sorted.Sum(v => Math.Pow(v - mean, 2)) / n;
            double m3 = sorted.Sum(v => Math.Pow(v - mean, 3)) / n;
            double m4 = sorted.Sum(v => Math.Pow(v - mean, 4)) / n;
            bool constant = sorted[0] == sorted[^1];
            double Percentile(double p)
            {
                double h = (n - 1) * p;
                int lo = (int)Math.Floor(h);
                return lo + 1 < n ? sorted[lo] + ((h - lo) * (sorted[lo + 1] - sorted[lo])) : sorted[lo];
            }

            var levels = sorted.Select(Level).GroupBy(l => l).Select(g => (double)g.Count() / n).ToArray();
            return All.Select(s => s switch
            {
                LocalStatistic.Mean => mean,
                LocalStatistic.Variance => m2,
                LocalStatistic.StandardDeviation => Math.Sqrt(m2),
                LocalStatistic.Skewness => constant ? 0 : m3 / Math.Pow(m2, 1.5),
                LocalStatistic.Kurtosis => constant ? 0 : (m4 / (m2 * m2)) - 3,
                LocalStatistic.Minimum => sorted[0],
                LocalStatistic.Maximum => sorted[^1],
                LocalStatistic.Median => Percentile(0.5),
                LocalStatistic.Percentile10 => Percentile(0.1),
                LocalStatistic.Percentile90 => Percentile(0.9),
                LocalStatistic.InterquartileRange => Percentile(0.75) - Percentile(0.25),
                LocalStatistic.Range => sorted[^1] - sorted[0],
                LocalStatistic.Energy => sorted.Sum(v => v * v),
                LocalStatistic.RootMeanSquare => Math.Sqrt(sorted.Sum(v => v * v) / n),
                LocalStatistic.Entropy => -levels.Sum(p => p * Math.Log2(p)),
                LocalStatistic.Uniformity => levels.Sum(p => p * p),
                _ => throw new ArgumentOutOfRangeException(nameof(voxel)),
            }).ToArray();
        }

        private int Level(double v) => _settings.BinWidth is { } w
            ? (int)Math.Floor((v - _min) / w) + 1
            : _max == _min ? 1 : Math.Min(_settings.BinCount, (int)Math.Floor(_settings.BinCount * (v - _min) / (_max - _min)) + 1);
    }
}
