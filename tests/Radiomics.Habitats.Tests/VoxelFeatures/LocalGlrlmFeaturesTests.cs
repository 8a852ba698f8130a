using Radiomics.Habitats.VoxelFeatures;

namespace Radiomics.Habitats.Tests.VoxelFeatures;

/// <summary>Local GLRLM by hand; the comparison with whole-region GLRLM is in <see cref="LocalLevelSetFamilyTests"/>.</summary>
public class LocalGlrlmFeaturesTests
{
    [Fact]
    public void A_constant_full_box_has_the_runs_counted_by_hand()
    {
        // 3×3×3 box of one level: 3 axis directions with 9 runs of 3; 6 face diagonals with, per slice, runs of
        // 3, 2, 2, 1, 1; 4 body diagonals with 1 run of 3, 6 of 2, 12 of 1. In all 49 runs of 3, 60 of 2, 84 of 1.
        var (image, mask) = WholeRegionReference.RandomScan(5, constant: 40);
        var map = VoxelFeatureMaps.Compute(image, mask, [new LocalGlrlmFeatures(new LocalTextureSettings { MaskedKernel = false })]).OnScanGrid();
        int centre = 3 + (7 * (2 + (6 * 2)));
        double runs = 49 + 60 + 84;
        Assert.True(mask.Image.Voxels[centre] != 0);
        Assert.Equal((84 + (60 / 4.0) + (49 / 9.0)) / runs, map.Channel("glrlm_short_runs_emphasis_box1vox")[centre], 5);
        Assert.Equal((84 + (60 * 4.0) + (49 * 9.0)) / runs, map.Channel("glrlm_long_runs_emphasis_box1vox")[centre], 4);
        Assert.Equal(runs / (13 * 27), map.Channel("glrlm_run_percentage_box1vox")[centre], 5);
        Assert.Equal(1, map.Channel("glrlm_normalised_grey_level_non-uniformity_box1vox")[centre], 5);
        Assert.Equal(((84 * 84) + (60 * 60) + (49 * 49)) / (runs * runs), map.Channel("glrlm_normalised_run_length_non-uniformity_box1vox")[centre], 5);
    }
}
