using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.IO.Dicom;
using Radiomics.Longitudinal.Study;
using Radiomics.TestSupport;

namespace Radiomics.Longitudinal.Tests.Study;

/// <summary>DICOM in the study manifest: series folders or files as images, RTSTRUCT/SEG masks with roi/segment columns, and the proposed manifest.</summary>
public class DicomManifestTests
{
    private static readonly ImageGeometry Grid = ImageGeometry.Create(12, 10, 6, new Vec3(0.8, 0.8, 2.5), new Vec3(-5, -4, 10));

    /// <summary>One CT series (and a SEG of a 2×2×2 cube at <paramref name="corner"/> with one segment, "GTV") in <paramref name="folder"/>.</summary>
    private static (string Series, string Seg, LabelMap Labels) Scan(string folder, string patient, string date, int corner, string description = "CT")
    {
        var image = new ImageBuilder<short>(Grid);
        for (int i = 0; i < image.VoxelCount; i++)
        {
            image.Voxels[i] = (short)((i * 7) % 300);
        }

        string series = Path.Combine(folder, description);
        DicomSeriesWriter.Write(image.ToImage(), series, new DicomSeriesWriterSettings { PatientId = patient, StudyDate = date, SeriesDescription = description });
        var labels = new ImageBuilder<byte>(Grid);
        for (int z = 1; z < 3; z++)
        {
            for (int y = corner; y < corner + 2; y++)
            {
                for (int x = corner; x < corner + 2; x++)
                {
                    labels[x, y, z] = 1;
                }
            }
        }

        string seg = Path.Combine(folder, "seg.dcm");
        var map = new LabelMap(labels.ToImage());
        DicomSegmentationWriter.Write(map, DicomSeries.ReadVolume(series), seg, new DicomSegmentationWriterSettings { SegmentLabels = new Dictionary<int, string> { [1] = "GTV" } });
        return (series, seg, map);
    }

    [Fact]
    public void Proposed_manifest_pairs_each_study_date_with_the_series_its_seg_refers_to_and_loads_back()
    {
        using var tmp = new TempDirectory();
        var t0 = Scan(tmp.File("dicom/a/2024-01"), "P01", "20240108", 2);
        var t1 = Scan(tmp.File("dicom/a/2024-03"), "P01", "20240304", 4);
        // A second series on the baseline day without a mask, and a patient whose ID is not a plain name, without masks.
        DicomSeriesWriter.Write(new Image<short>(Grid), tmp.File("dicom/a/2024-01/scout"), new DicomSeriesWriterSettings { PatientId = "P01", StudyDate = "20240108", SeriesDescription = "scout" });
        DicomSeriesWriter.Write(new Image<short>(Grid), tmp.File("dicom/b"), new DicomSeriesWriterSettings { PatientId = "../P 02", StudyDate = "20240110" });

        var proposal = DicomManifestProposal.Propose(tmp.File("dicom"));
        string manifest = tmp.File("study/manifest.csv");
        proposal.Write(manifest);
        Assert.Equal(2, proposal.Subjects);
        Assert.Equal(3, proposal.TimePoints);
        Assert.Equal(2, proposal.Masks);
        Assert.Contains(proposal.Notes, n => n.Contains("also there: CT 'scout'", StringComparison.Ordinal));
        Assert.Contains(proposal.Notes, n => n.Contains("'../P 02' is not a plain name; subject ID '_P_02'", StringComparison.Ordinal));
        Assert.Contains(proposal.Notes, n => n.Contains("subject _P_02, time point 2024-01-10: no RTSTRUCT or SEG", StringComparison.Ordinal));
        string text = File.ReadAllText(manifest);
        Assert.StartsWith("# Proposed by 'radiomics study --dicom'", text, StringComparison.Ordinal);
        Assert.Contains("P01,2024-01-08,2024-01-08,../dicom/a/2024-01/CT,../dicom/a/2024-01/seg.dcm,tumour,,1\n", text, StringComparison.Ordinal);
        Assert.Contains("_P_02,2024-01-10,2024-01-10,../dicom/b,,,,\n", text, StringComparison.Ordinal);

        var (cohort, report) = StudyManifest.Load(manifest);
        Assert.Empty(report.Problems);
        var p01 = cohort["P01"];
        Assert.Equal([0.0, 56.0], p01.TimePoints.Select(t => t.Day));
        Assert.Equal(Path.GetFullPath(t0.Series), p01.Baseline.ImagePath);
        Assert.Equal(new MaskSelection(Segment: 1), p01.Baseline.MaskSelections["tumour"]);
        var validation = StudyValidator.Validate(cohort);
        Assert.DoesNotContain(validation.Errors, p => p.Subject == "P01");

        // The masks read onto the series' grid equal the label maps the SEGs were made from.
        foreach (var (t, source) in p01.TimePoints.Zip([t0, t1]))
        {
            var image = ImageFile.Read<float>(t.ImagePath);
            Assert.True(image.Geometry.Matches(Grid));
            var mask = TimePointMasks.Read(t, "tumour", image.Geometry)!;
            Assert.Equal(source.Labels.Image.Voxels.ToArray(), mask.Image.Voxels.ToArray());
        }
    }

    [Fact]
    public void Roi_and_segment_columns_are_checked_with_their_manifest_lines()
    {
        using var tmp = new TempDirectory();
        var scan = Scan(tmp.File("dicom"), "P01", "20240108", 2);
        ImageFile.Write(new Image<byte>(Grid), tmp.File("label.nrrd"));
        File.WriteAllText(tmp.File("study.csv"), """
            # a comment line before the header
            subject,timepoint,date,image,mask,region,roi,segment
            P1,t0,2024-01-08,dicom/CT,dicom/seg.dcm,,,1
            # a comment between rows
            P1,t1,2024-01-09,dicom/CT,dicom/seg.dcm,,,7
            P2,t0,2024-01-08,dicom/CT,dicom/seg.dcm,,GTV,
            P3,t0,2024-01-08,dicom/CT,label.nrrd,,,2
            P4,t0,2024-01-08,dicom/CT,dicom/seg.dcm,,GTV,1
            P4,t1,2024-01-09,dicom/CT,dicom/seg.dcm,,,one
            """);
        var (cohort, report) = StudyManifest.Load(tmp.File("study.csv"));
        Assert.Contains(report.Errors, p => p.Kind == StudyProblemKind.InvalidRow && p.Line == 8 && p.Message.Contains("both an ROI", StringComparison.Ordinal));
        Assert.Contains(report.Errors, p => p.Kind == StudyProblemKind.InvalidRow && p.Line == 9 && p.Message.Contains("segment 'one'", StringComparison.Ordinal));
        Assert.Equal(3, cohort["P1"].Baseline.SourceLine);

        var validation = StudyValidator.Validate(cohort);
        Assert.DoesNotContain(validation.Errors, p => p.Line == 3);
        Assert.Contains(validation.Errors, p => p.Line == 5 && p.Message.Contains("has no segment 7; it holds 1 'GTV'", StringComparison.Ordinal));
        Assert.Contains(validation.Errors, p => p.Line == 6 && p.Message.Contains("is a DICOM SEG; name its segment number", StringComparison.Ordinal));
        Assert.Contains(validation.Errors, p => p.Line == 7 && p.Message.Contains("neither an RTSTRUCT nor a DICOM SEG, so the segment column", StringComparison.Ordinal));
        Assert.Contains("line 5", validation.ToString(), StringComparison.Ordinal);
        Assert.Equal(8, TimePointMasks.Read(cohort["P1"].Baseline, "tumour", Grid)!.Count(1));
        Assert.True(File.Exists(scan.Seg));
    }
}
