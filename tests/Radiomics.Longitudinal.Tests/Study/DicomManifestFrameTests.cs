using Radiomics.Imaging;
using Radiomics.IO.Dicom;
using Radiomics.Longitudinal.Study;
using Radiomics.TestSupport;

namespace Radiomics.Longitudinal.Tests.Study;

/// <summary>
/// The proposed manifest and frames of reference: a follow-up in another frame than the baseline is normal, but a
/// mask (RTSTRUCT or SEG) in another frame than the image series it refers to is flagged, naming the file.
/// </summary>
public class DicomManifestFrameTests
{
    private static readonly ImageGeometry Grid = ImageGeometry.Create(10, 8, 5, new Vec3(0.8, 0.8, 2.5), new Vec3(-5, -4, 10));

    private const string ForeignFrame = "1.2.826.0.1.3680043.8.498.424242";

    /// <summary>A CT series in its own new frame of reference, and a mask of it written as if in <paramref name="maskFrame"/> (null: the series' frame).</summary>
    private static string Scan(string folder, string date, bool rtStruct, string? maskFrame)
    {
        var image = new Image<short>(Grid);
        string series = Path.Combine(folder, "CT");
        DicomSeriesWriter.Write(image, series, new DicomSeriesWriterSettings { PatientId = "P01", StudyDate = date });
        var labels = new ImageBuilder<byte>(Grid);
        labels[3, 3, 2] = labels[4, 3, 2] = labels[3, 4, 2] = 1;
        var volume = DicomSeries.ReadVolume(series);
        if (maskFrame is not null)
        {
            volume = volume with { FrameOfReferenceUid = maskFrame };
        }

        string mask = Path.Combine(folder, rtStruct ? "rtss.dcm" : "seg.dcm");
        if (rtStruct)
        {
            RtStructWriter.Write(new LabelMap(labels.ToImage()), volume, mask, new RtStructWriterSettings { RoiNames = new Dictionary<int, string> { [1] = "GTV" } });
        }
        else
        {
            DicomSegmentationWriter.Write(new LabelMap(labels.ToImage()), volume, mask, new DicomSegmentationWriterSettings { SegmentLabels = new Dictionary<int, string> { [1] = "GTV" } });
        }

        return mask;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Mask_in_another_frame_of_reference_than_its_series_is_flagged_by_file(bool rtStruct)
    {
        using var tmp = new TempDirectory();
        string baseline = Scan(tmp.File("dicom/t0"), "20240108", rtStruct, maskFrame: null);
        string followUp = Scan(tmp.File("dicom/t1"), "20240304", rtStruct, maskFrame: ForeignFrame);
        string later = Scan(tmp.File("dicom/t2"), "20240506", rtStruct, maskFrame: null);

        var proposal = DicomManifestProposal.Propose(tmp.File("dicom"));

        // Each time point is in its own frame (the writer makes a new one per series): no note for that.
        var flagged = proposal.Notes.Where(n => n.Contains("frame of reference", StringComparison.Ordinal)).ToList();
        var note = Assert.Single(flagged);
        Assert.Contains($"time point 2024-03-04: CHECK {followUp}", note, StringComparison.Ordinal);
        Assert.Contains(ForeignFrame, note, StringComparison.Ordinal);
        Assert.Contains(rtStruct ? "the RTSTRUCT lies in" : "the SEG lies in", note, StringComparison.Ordinal);
        Assert.DoesNotContain(proposal.Notes, n => n.Contains(baseline, StringComparison.Ordinal) || n.Contains(later, StringComparison.Ordinal));

        // The mask is still proposed (for the user to decide), with the note as a comment line in the file.
        Assert.Equal(3, proposal.Masks);
        string manifest = tmp.File("manifest.csv");
        proposal.Write(manifest);
        Assert.Contains(File.ReadLines(manifest), l => l.StartsWith("# note: ", StringComparison.Ordinal) && l.Contains(ForeignFrame, StringComparison.Ordinal));
    }
}
