using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Imaging;

namespace Radiomics.Habitats.Tests.VoxelFeatures;

public class ChannelStackTests
{
    [Fact]
    public void Stacked_maps_keep_every_channel_under_its_prefixed_name_and_the_regions_voxels()
    {
        var geometry = ImageGeometry.Create(4, 3, 2);
        var image = new ImageBuilder<float>(geometry);
        var other = new ImageBuilder<float>(geometry);
        for (int i = 0; i < image.Voxels.Length; i++)
        {
            image.Voxels[i] = i;
            other.Voxels[i] = 100 + (2 * i);
        }

        var mask = new ImageBuilder<byte>(geometry);
        mask[1, 1, 0] = 1;
        mask[2, 1, 1] = 1;
        var region = new LabelMap(mask.ToImage());
        var features = new IVoxelFeature[] { new IntensityFeature(), new LocalFirstOrderFeatures(new LocalFirstOrderSettings { Statistics = [LocalStatistic.Mean] }) };
        var t2 = VoxelFeatureMaps.Compute(image.ToImage(), region, features);
        var adc = VoxelFeatureMaps.Compute(other.ToImage(), region, features);

        var stacked = ChannelStack.Stack(["T2", "ADC"], [t2, adc]);

        Assert.Equal([.. t2.ChannelNames.Select(n => "T2." + n), .. adc.ChannelNames.Select(n => "ADC." + n)], stacked.ChannelNames.ToArray());
        Assert.Equal("T2.intensity", stacked.ChannelNames[0]);
        var rows = stacked.ToMatrix();
        Assert.Equal(2, rows.Rows);
        Assert.Equal(t2.ToMatrix().Values.ToArray(), Column(rows, 0, 1));
        Assert.Equal(adc.ToMatrix().Values.ToArray(), Column(rows, 2, 3));
        Assert.Equal(geometry, stacked.ScanGeometry);
        Assert.Throws<ArgumentException>(() => ChannelStack.Stack(["T2"], [t2, adc]));
    }

    private static double[] Column(Radiomics.Habitats.Clustering.FeatureMatrix m, int first, int second) =>
        [.. Enumerable.Range(0, m.Rows).SelectMany(r => new[] { m[r, first], m[r, second] })];
}
