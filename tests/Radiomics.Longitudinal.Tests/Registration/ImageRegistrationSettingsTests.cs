using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Radiomics.Longitudinal.Registration;

namespace Radiomics.Longitudinal.Tests.Registration;

public class ImageRegistrationSettingsTests
{
    private static readonly ImageRegistrationSettings Deformable = new DeformableRegistrationSettings().Deformable!;

    [Fact]
    public void A_small_image_keeps_every_voxel_at_its_finest_level()
    {
        // The prostate MR of the benchmark: 82×67×13 voxels; a quarter of them would be 17 861 samples.
        Assert.Equal(4, Deformable.StrideAt(2));
        Assert.Equal(1, Deformable.StrideAt(2, 82 * 67 * 13));
        // 150 000 voxels: stride 2 keeps 75 000 ≥ 65 536.
        Assert.Equal(2, Deformable.StrideAt(2, 150_000));
    }

    [Fact]
    public void A_large_image_is_sampled_as_the_percentages_say()
    {
        // The brain MR of the benchmark, 256×256×25: a quarter is 409 600 samples.
        Assert.Equal(4, Deformable.StrideAt(2, 256 * 256 * 25));
        Assert.Equal(2, Deformable.StrideAt(1, 128 * 128 * 25));
    }

    [Property]
    public Property The_stride_keeps_the_minimum_or_uses_every_voxel() =>
        Prop.ForAll(Gen.Choose(1, 5_000_000).ToArbitrary(), Gen.Choose(0, 2).ToArbitrary(), (voxels, level) =>
        {
            int stride = Deformable.StrideAt(level, voxels);
            return stride >= 1 && stride <= Deformable.StrideAt(level) && (stride == 1 || voxels / stride >= Deformable.MinimumSamples);
        });

    [Fact]
    public void A_negative_minimum_sample_count_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeformableRegistration(new DeformableRegistrationSettings { Deformable = Deformable with { MinimumSamples = -1 } }));
}
