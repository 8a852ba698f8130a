using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Longitudinal.Study;
using Radiomics.TestSupport;

namespace Radiomics.Longitudinal.Tests.Study;

/// <summary>The manifest's <c>channel</c> column: multi-parametric visits, their reference channel and their problems.</summary>
public class MultiChannelManifestTests
{
    private static readonly ImageGeometry T2 = ImageGeometry.Create(8, 8, 4, new Vec3(1, 1, 2));
    private static readonly ImageGeometry Adc = ImageGeometry.Create(4, 4, 2, new Vec3(2, 2, 4), new Vec3(0.5, 0.5, 1));

    private static void WriteScan(string path, ImageGeometry g) => ImageFile.Write(new Image<short>(g), path);

    private static (Cohort Cohort, ValidationReport Report) Load(TempDirectory tmp, string manifest, string? reference = null)
    {
        File.WriteAllText(tmp.File("study.csv"), manifest);
        var (cohort, report) = StudyManifest.Load(tmp.File("study.csv"), reference);
        return (cohort, report.Merge(StudyValidator.Validate(cohort)));
    }

    private static TempDirectory Files(ImageGeometry? adc = null)
    {
        var tmp = new TempDirectory();
        foreach (var t in new[] { "t0", "t1" })
        {
            WriteScan(tmp.File($"{t}_t2.nii.gz"), T2);
            WriteScan(tmp.File($"{t}_adc.nii.gz"), adc ?? Adc);
            WriteScan(tmp.File($"{t}_mask_t2.nii.gz"), T2);
            WriteScan(tmp.File($"{t}_mask_adc.nii.gz"), adc ?? Adc);
        }

        return tmp;
    }

    [Fact]
    public void Rows_of_one_visit_become_its_channels_the_first_listed_being_the_reference()
    {
        using var tmp = Files();
        var (cohort, report) = Load(tmp, """
            subject,timepoint,date,channel,image,mask
            P1,t0,0,T2,t0_t2.nii.gz,t0_mask_t2.nii.gz
            P1,t0,0,ADC,t0_adc.nii.gz,
            P1,t1,30,T2,t1_t2.nii.gz,
            P1,t1,30,ADC,t1_adc.nii.gz,t1_mask_adc.nii.gz
            """);
        Assert.Empty(report.Problems);
        var (t0, t1) = (cohort["P1"].Baseline, cohort["P1"].TimePoints[1]);
        Assert.Equal(["T2", "ADC"], t0.Channels.Select(c => c.Id));
        Assert.Equal("T2", t0.ReferenceChannel);
        Assert.Equal(tmp.File("t0_t2.nii.gz"), t0.ImagePath);
        Assert.Equal(tmp.File("t0_adc.nii.gz"), t0.Channels[1].ImagePath);
        Assert.Equal("T2", t0.MaskChannel("tumour"));
        Assert.Equal("ADC", t1.MaskChannel("tumour"));
    }

    [Fact]
    public void A_named_reference_channel_becomes_the_visits_image()
    {
        using var tmp = Files();
        var (cohort, report) = Load(tmp, """
            subject,timepoint,date,channel,image,mask
            P1,t0,0,T2,t0_t2.nii.gz,t0_mask_t2.nii.gz
            P1,t0,0,ADC,t0_adc.nii.gz,
            """, reference: "ADC");
        Assert.Empty(report.Errors);
        Assert.Equal(tmp.File("t0_adc.nii.gz"), cohort["P1"].Baseline.ImagePath);
        Assert.Equal("T2", cohort["P1"].Baseline.MaskChannel("tumour"));
    }

    [Fact]
    public void A_visit_without_the_reference_channel_is_an_error_naming_line_subject_and_time_point()
    {
        using var tmp = Files();
        var (_, report) = Load(tmp, """
            subject,timepoint,date,channel,image,mask
            P1,t0,0,T2,t0_t2.nii.gz,t0_mask_t2.nii.gz
            P1,t0,0,ADC,t0_adc.nii.gz,
            P1,t1,30,ADC,t1_adc.nii.gz,t1_mask_adc.nii.gz
            """, reference: "T2");
        var problem = Assert.Single(report.Errors, p => p.Kind == StudyProblemKind.MissingReferenceChannel);
        Assert.Equal(("P1", "t1", 4), (problem.Subject, problem.TimePoint, problem.Line));
        Assert.Contains("no reference channel 'T2'", problem.Message, StringComparison.Ordinal);
        Assert.Contains(report.Errors, p => p.Kind == StudyProblemKind.InconsistentChannels && p.TimePoint == "t1");
    }

    [Fact]
    public void A_channel_twice_with_other_images_and_bad_channel_ids_are_errors()
    {
        using var tmp = Files();
        var (_, report) = Load(tmp, """
            subject,timepoint,date,channel,image,mask
            P1,t0,0,T2,t0_t2.nii.gz,t0_mask_t2.nii.gz
            P1,t0,0,T2,t0_adc.nii.gz,
            P2,t0,0,T2,t0_t2.nii.gz,t0_mask_t2.nii.gz
            P2,t0,0,../adc,t0_adc.nii.gz,
            P3,t0,0,,t0_adc.nii.gz,
            """);
        Assert.Contains(report.Errors, p => p.Kind == StudyProblemKind.Duplicate && p.Line == 3 && p.Message.Contains("channel 'T2' is listed twice", StringComparison.Ordinal));
        Assert.Contains(report.Errors, p => p.Kind == StudyProblemKind.InvalidId && p.Subject == "P2" && p.Message.Contains("channel ID '../adc'", StringComparison.Ordinal));
        Assert.Contains(report.Errors, p => p.Kind == StudyProblemKind.InvalidRow && p.Line == 6);
    }

    [Fact]
    public void Channels_whose_grids_do_not_overlap_and_masks_off_their_channels_grid_are_errors()
    {
        using var tmp = Files(Adc.WithOrigin(new Vec3(500, 0, 0)));
        var (_, report) = Load(tmp, """
            subject,timepoint,date,channel,image,mask
            P1,t0,0,T2,t0_t2.nii.gz,
            P1,t0,0,ADC,t0_adc.nii.gz,t0_mask_t2.nii.gz
            """);
        var disjoint = Assert.Single(report.Errors, p => p.Kind == StudyProblemKind.DisjointChannels);
        Assert.Equal(("P1", "t0", 3), (disjoint.Subject, disjoint.TimePoint, disjoint.Line));
        Assert.Contains(report.Errors, p => p.Kind == StudyProblemKind.GeometryMismatch && p.Message.Contains("channel ADC", StringComparison.Ordinal));
    }

    [Fact]
    public void Overlap_compares_voxel_extents_in_physical_space()
    {
        Assert.True(Radiomics.Habitats.Workflows.ChannelGrids.Overlap(T2, Adc));
        Assert.False(Radiomics.Habitats.Workflows.ChannelGrids.Overlap(T2, T2.WithOrigin(new Vec3(8, 0, 0))));
        Assert.True(Radiomics.Habitats.Workflows.ChannelGrids.Overlap(T2, T2.WithOrigin(new Vec3(7.5, 0, 0))));
    }

    [Fact]
    public void A_reference_channel_for_a_manifest_without_channels_is_an_error()
    {
        using var tmp = Files();
        File.WriteAllText(tmp.File("study.csv"), "subject,timepoint,date,image,mask\nP1,t0,0,t0_t2.nii.gz,t0_mask_t2.nii.gz\n");
        Assert.Contains("needs a manifest with a channel column", Assert.Throws<StudyException>(() => StudyManifest.Load(tmp.File("study.csv"), "T2")).Message, StringComparison.Ordinal);
    }
}
