using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Study;
using Radiomics.Synthetic;
using Radiomics.TestSupport;

namespace Radiomics.Longitudinal.Tests.Study;

public class SyntheticCohortTests
{
    private static readonly SyntheticCohortSettings Small = new()
    {
        Subjects = 2,
        TimePoints = 3,
        Scan = new SyntheticScanSettings { Size = new Size3(64, 64, 24), Spacing = new Vec3(1.5, 1.5, 3) },
    };

    [Fact]
    public void Written_cohort_loads_and_validates_without_problems()
    {
        using var tmp = new TempDirectory();
        var (manifest, truth) = SyntheticCohort.Write(Small, tmp.Path);
        var (cohort, load) = StudyManifest.Load(manifest);
        var report = load.Merge(StudyValidator.Validate(cohort));
        Assert.False(report.HasErrors, report.ToString());
        Assert.Equal(2, cohort.Subjects.Count);
        Assert.All(cohort.Subjects, s => Assert.Equal([0.0, 42.0, 84.0], s.TimePoints.Select(t => t.Day)));
        Assert.All(cohort.Subjects, s => Assert.True(s.Baseline.HasMask("tumour") && s.FollowUps.All(t => t.Masks.Count == 0)));
        Assert.Equal(6, truth.Count);
        Assert.True(File.Exists(Path.Combine(tmp.Path, truth[^1].TumourMaskPath)));
    }

    [Fact]
    public void Planted_volume_change_and_habitat_shift_are_in_the_truth()
    {
        using var tmp = new TempDirectory();
        var (_, truth) = SyntheticCohort.Write(Small, tmp.Path);
        var p1 = truth.Where(t => t.Subject == "P01").ToList();
        // Responder: −25 % per interval. Voxelised volumes follow the analytic scale within 3 %.
        Assert.Equal(0.75, p1[1].TumourVolume / p1[0].TumourVolume, 0.03);
        Assert.Equal(0.5625, p1[2].TumourVolume / p1[0].TumourVolume, 0.03);
        // The necrotic core's share grows; the viable layer darkens by 12 HU per interval.
        Assert.True(p1[2].HabitatVolumes[0] / p1[2].TumourVolume > p1[0].HabitatVolumes[0] / p1[0].TumourVolume + 0.05);
        Assert.Equal(p1[0].ViableIntensity - 24, p1[2].ViableIntensity);
    }

    [Fact]
    public void Viable_layer_intensity_is_planted_in_the_image()
    {
        var baseline = SyntheticScan.Create(Small.Scan);
        var darker = SyntheticScan.Create(Small.Scan with { ViableIntensity = Small.Scan.ViableIntensity - 20 });
        double Mean(SyntheticScan s) => Enumerable.Range(0, s.Image.VoxelCount).Where(i => s.Habitats.Voxels[i] == 2).Average(i => (double)s.Image.Voxels[i]);
        Assert.Equal(Small.Scan.ViableIntensity, Mean(baseline), 3.0);
        Assert.Equal(-20, Mean(darker) - Mean(baseline), 3.0);
    }

    [Fact]
    public void Same_seed_gives_identical_files()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        var small = Small with { Subjects = 1, TimePoints = 2 };
        SyntheticCohort.Write(small, a.Path);
        SyntheticCohort.Write(small, b.Path);
        var first = ImageFile.Read(Path.Combine(a.Path, "P01_t1.nii.gz"));
        var second = ImageFile.Read(Path.Combine(b.Path, "P01_t1.nii.gz"));
        Assert.True(first.AsBytes().SequenceEqual(second.AsBytes()));
    }
}
