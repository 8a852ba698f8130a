using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Longitudinal.Study;
using Radiomics.TestSupport;

namespace Radiomics.Longitudinal.Tests.Study;

public class StudyFolderTests
{
    private static readonly ImageGeometry Grid = new(new Size3(4, 4, 2), new Vec3(1, 1, 2), Vec3.Zero, Matrix3.Identity);

    private static void Write(TempDirectory tmp, params string[] relative)
    {
        foreach (var r in relative)
        {
            ImageFile.Write(new Image<short>(Grid), tmp.File(r));
        }
    }

    [Fact]
    public void Folders_give_subjects_time_points_days_and_regions()
    {
        using var tmp = new TempDirectory();
        Write(tmp,
            "P1/2024-03-20/image.nii.gz",
            "P1/2024-01-10/image.nii.gz", "P1/2024-01-10/mask.nii.gz", "P1/2024-01-10/mask_node.nrrd",
            "P1/t1_2024-02-07/image.mha", "P1/t1_2024-02-07/liver.nii.gz",
            "P2/week0/image.nii.gz", "P2/week0/mask.nii.gz", "P2/day42/image.nii.gz");
        var (cohort, report) = StudyFolder.Load(tmp.Path);
        Assert.Empty(report.Problems);
        Assert.Equal(["P1", "P2"], cohort.Subjects.Select(s => s.Id));
        var p1 = cohort["P1"];
        Assert.Equal(["2024-01-10", "t1_2024-02-07", "2024-03-20"], p1.TimePoints.Select(t => t.Id));
        Assert.Equal([0.0, 28.0, 70.0], p1.TimePoints.Select(t => t.Day));
        Assert.Equal(["node", "tumour"], p1.Baseline.Masks.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Path.GetFullPath(tmp.File("P1/2024-01-10/mask_node.nrrd")), p1.Baseline.Masks["node"]);
        Assert.Equal(["liver"], p1.TimePoints[1].Masks.Keys);
        Assert.Empty(p1.TimePoints[2].Masks);
        Assert.Equal([0.0, 42.0], cohort["P2"].TimePoints.Select(t => t.Day));
    }

    [Fact]
    public void Missing_images_and_undated_folders_are_reported_with_their_paths()
    {
        using var tmp = new TempDirectory();
        Write(tmp, "P1/first/image.nii.gz", "P1/second/image.nii.gz", "P2/base/scan.nii.gz", "P2/base/mask.nii.gz", "P2/later/image.nii.gz");
        var (cohort, report) = StudyFolder.Load(tmp.Path);
        Assert.Contains(report.Warnings, p => p.Kind == StudyProblemKind.MissingDate && p.Subject == "P1");
        Assert.Contains(report.Errors, p => p.Kind == StudyProblemKind.MissingFile && p.Subject == "P2" && p.TimePoint == "base" && p.Path!.EndsWith("base", StringComparison.Ordinal));
        Assert.Equal(["first", "second"], cohort["P1"].TimePoints.Select(t => t.Id));
    }

    [Fact]
    public void A_folder_without_subjects_or_a_missing_path_is_a_clear_error()
    {
        using var tmp = new TempDirectory();
        var e = Assert.Throws<StudyException>(() => StudyFolder.Load(tmp.Path));
        Assert.Contains("image.nii.gz", e.Message, StringComparison.Ordinal);
        Assert.Throws<StudyException>(() => StudyFolder.Load(tmp.File("absent")));
        Assert.Contains("neither a manifest CSV nor a study folder", Assert.Throws<StudyException>(() => StudyFolder.LoadManifestOrFolder(tmp.File("absent"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_files_and_study_folders_load_through_one_entry_point()
    {
        using var tmp = new TempDirectory();
        Write(tmp, "study/P1/day0/image.nii.gz", "study/P1/day0/mask.nii.gz", "study/P1/day30/image.nii.gz", "P1_t0.nii.gz");
        File.WriteAllText(tmp.File("manifest.csv"), "subject,timepoint,date,image,mask\nP1,t0,0,P1_t0.nii.gz,\n");
        Assert.Equal([0.0, 30.0], StudyFolder.LoadManifestOrFolder(tmp.File("study")).Cohort["P1"].TimePoints.Select(t => t.Day));
        Assert.Equal("t0", StudyFolder.LoadManifestOrFolder(tmp.File("manifest.csv")).Cohort["P1"].Baseline.Id);
    }
}
