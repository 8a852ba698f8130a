using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Longitudinal.Study;
using Radiomics.TestSupport;

namespace Radiomics.Longitudinal.Tests.Study;

public class StudyManifestTests
{
    private static void WriteScan(string path, ImageGeometry g) => ImageFile.Write(new Image<short>(g), path);

    [Fact]
    public void Manifest_groups_rows_into_subjects_with_days_since_baseline()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("study.csv"), """
            subject,timepoint,date,image,mask,region
            P1,t0,2024-01-10,p1_t0.nii.gz,p1_t0_gtv.nii.gz,gtv
            P1,t0,2024-01-10,p1_t0.nii.gz,p1_t0_node.nii.gz,node
            P1,t2,2024-03-20,p1_t2.nii.gz,,
            P1,t1,2024-02-07,p1_t1.nii.gz,p1_t1_gtv.nii.gz,gtv
            P2,base,0,p2_a.nii.gz,p2_a_mask.nii.gz,
            P2,fu,42,p2_b.nii.gz,,
            """);
        var (cohort, report) = StudyManifest.Load(tmp.File("study.csv"));
        Assert.Empty(report.Problems);
        Assert.Equal(["P1", "P2"], cohort.Subjects.Select(s => s.Id));
        var p1 = cohort["P1"];
        Assert.Equal(["t0", "t1", "t2"], p1.TimePoints.Select(t => t.Id));
        Assert.Equal([0.0, 28.0, 70.0], p1.TimePoints.Select(t => t.Day));
        Assert.Equal(["gtv", "node"], p1.Baseline.Masks.Keys.Order());
        Assert.Equal(tmp.File("p1_t0_gtv.nii.gz"), p1.Baseline.Masks["gtv"]);
        Assert.Equal(["gtv", "node"], p1.Regions);
        var p2 = cohort["P2"];
        Assert.Equal([0.0, 42.0], p2.TimePoints.Select(t => t.Day));
        Assert.Equal(StudyManifest.DefaultRegion, p2.Baseline.Masks.Keys.Single());
        Assert.Equal(6, p2.Baseline.SourceLine);
    }

    [Fact]
    public void Bad_rows_are_reported_with_their_line_numbers()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("study.csv"), """
            subject,timepoint,date,image,mask
            P1,t0,2024-01-10,a.nii.gz,m.nii.gz
            P1,t1,next week,b.nii.gz,
            ,t0,2024-01-10,c.nii.gz,
            P2,t0,,d.nii.gz,m2.nii.gz
            P2,t0,,e.nii.gz,
            """);
        var (_, report) = StudyManifest.Load(tmp.File("study.csv"));
        Assert.Contains(report.Errors, p => p.Kind == StudyProblemKind.InvalidDate && p.Line == 3 && p.Subject == "P1");
        Assert.Contains(report.Errors, p => p.Kind == StudyProblemKind.InvalidRow && p.Line == 4);
        Assert.Contains(report.Errors, p => p.Kind == StudyProblemKind.InconsistentImage && p.Line == 6 && p.Subject == "P2");
        Assert.Contains(report.Warnings, p => p.Kind == StudyProblemKind.MissingDate && p.Subject == "P2");
        Assert.Contains("line 3", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_without_required_columns_is_refused()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("study.csv"), "patient,scan\nP1,a.nii\n");
        var e = Assert.Throws<StudyException>(() => StudyManifest.Load(tmp.File("study.csv")));
        Assert.Contains("subject", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_reports_missing_files_and_mask_grid_mismatch_and_keeps_valid_subjects()
    {
        using var tmp = new TempDirectory();
        var g = ImageGeometry.Create(8, 8, 4, new Vec3(1, 1, 2));
        WriteScan(tmp.File("a0.nii.gz"), g);
        WriteScan(tmp.File("a0m.nii.gz"), g);
        WriteScan(tmp.File("a1.nii.gz"), g);
        WriteScan(tmp.File("b0.nii.gz"), g);
        WriteScan(tmp.File("b0m.nii.gz"), g.WithSpacing(new Vec3(1, 1, 3)));
        File.WriteAllText(tmp.File("study.csv"), """
            subject,timepoint,date,image,mask
            A,t0,0,a0.nii.gz,a0m.nii.gz
            A,t1,30,a1.nii.gz,
            B,t0,0,b0.nii.gz,b0m.nii.gz
            B,t1,30,b1.nii.gz,
            """);
        var (cohort, load) = StudyManifest.Load(tmp.File("study.csv"));
        var report = load.Merge(StudyValidator.Validate(cohort));
        Assert.Contains(report.Errors, p => p.Kind == StudyProblemKind.GeometryMismatch && p.Subject == "B" && p.Line == 4);
        Assert.Contains(report.Errors, p => p.Kind == StudyProblemKind.MissingFile && p.Subject == "B" && p.Line == 5);
        Assert.DoesNotContain(report.Errors, p => p.Subject == "A");
        Assert.Equal(["A"], report.ValidPart(cohort).Subjects.Select(s => s.Id));
    }

    [Fact]
    public void Shards_partition_the_cohort()
    {
        var subjects = Enumerable.Range(0, 11)
            .Select(i => new Subject($"S{i:D2}", [new TimePoint("t0", null, 0, "x.nii", new Dictionary<string, string>())]))
            .Reverse().ToList();
        var cohort = new Cohort(subjects);
        var shards = Enumerable.Range(1, 4).Select(i => cohort.Shard(i, 4)).ToList();
        var all = shards.SelectMany(s => s.Subjects.Select(x => x.Id)).Order().ToList();
        Assert.Equal(cohort.Subjects.Select(s => s.Id).Order(), all);
        Assert.Equal((2, 8), Cohort.ParseShard("2/8"));
        Assert.Throws<InvalidInputException>(() => Cohort.ParseShard("9/8"));
        Assert.Throws<InvalidInputException>(() => cohort.Select(["S99"]));
    }
}
