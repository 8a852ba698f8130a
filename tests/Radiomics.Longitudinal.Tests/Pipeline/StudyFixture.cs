using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Longitudinal.Study;
using Radiomics.Synthetic;

namespace Radiomics.Longitudinal.Tests.Pipeline;

/// <summary>Small synthetic cohorts and quick study settings for pipeline tests.</summary>
internal static class StudyFixture
{
    /// <summary>A responder (−25 % per interval) and a progressor (+10 %), three scans each, small grids.</summary>
    public static readonly SyntheticCohortSettings Cohort = new()
    {
        Subjects = 2,
        TimePoints = 3,
        VolumeChangePerInterval = [-0.25, 0.10],
        FollowUpMasksInManifest = true,
        Scan = new SyntheticScanSettings { Size = new Size3(64, 64, 24), Spacing = new Vec3(1.5, 1.5, 3) },
    };

    /// <summary>First-order and morphological features only: fast, and enough to check volumes and intensities.</summary>
    public static readonly StudySettings Quick = new()
    {
        Features = new FeatureSettings { Families = FeatureFamilies.Morphology | FeatureFamilies.IntensityStatistics },
        Registration = null,
        Habitats = null,
        WriteMaps = false,
    };

    public static (Cohort Cohort, ValidationReport Report, IReadOnlyList<SyntheticTruth> Truth) Write(string folder, SyntheticCohortSettings? settings = null)
    {
        var (manifest, truth) = SyntheticCohort.Write(settings ?? Cohort, folder);
        var (cohort, report) = StudyManifest.Load(manifest);
        return (cohort, report, truth);
    }
}
