using Radiomics.Features;
using Radiomics.Habitats.Model;
using Radiomics.Imaging;

namespace Radiomics.Habitats.Tests.Model;

public class HabitatFeaturesTests
{
    [Fact]
    public void The_extractor_sees_each_non_empty_habitat_as_a_binary_mask()
    {
        var geometry = ImageGeometry.Create(5, 1, 1);
        var image = new Image<float>(geometry, [10, 20, 30, 40, 50]);
        var habitats = new LabelMap(new Image<byte>(geometry, [1, 1, 3, 3, 0]));
        var values = HabitatFeatures.Compute(image, habitats, k: 3, (img, mask) =>
        {
            var v = ((Image<float>)img).Voxels.ToArray();
            var m = mask.Voxels.ToArray();
            double mean = v.Where((_, i) => m[i] == 1).Average();
            return [new FeatureValue("intensity_statistics", "mean", "Q4LE", mean)];
        });
        Assert.Equal([1, 3], values.Select(v => v.Habitat));
        Assert.Equal([15.0, 35.0], values.Select(v => v.Value.Value));
        Assert.Throws<GeometryMismatchException>(() => HabitatFeatures.Compute(new Image<float>(ImageGeometry.Create(5, 1, 2)), habitats, 3, (_, _) => []));
    }
}
