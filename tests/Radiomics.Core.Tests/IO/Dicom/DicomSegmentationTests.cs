using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.IO.Dicom;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.IO.Dicom;

/// <summary>A label map written as DICOM SEG reads back to the same labels on the source grid and on its own grid.</summary>
public class DicomSegmentationTests
{
    [Fact]
    public void Label_map_round_trips_through_a_segmentation_that_references_the_series()
    {
        using var tmp = new TempDirectory();
        SyntheticSeries.Write(tmp.File("ct"), SyntheticSeries.Regular(5), nx: 9, ny: 7);
        var volume = DicomSeries.ReadVolume(tmp.File("ct"));
        var labels = new ImageBuilder<byte>(volume.Image.Geometry);
        labels[1, 1, 1] = 1;
        labels[2, 1, 1] = 1;
        labels[8, 6, 3] = 2;
        labels[4, 3, 3] = 3;
        labels[4, 4, 4] = 3;
        var map = new LabelMap(labels.ToImage());
        string seg = tmp.File("seg.dcm");
        DicomSegmentationWriter.Write(map, volume, seg, new DicomSegmentationWriterSettings { SegmentLabels = new Dictionary<int, string> { [2] = "necrosis" } });

        var read = DicomSegmentation.Read(seg);
        Assert.Equal([1, 2, 3], read.Segments.Select(s => s.Number));
        Assert.Equal("necrosis", read.Segments[1].Label);
        Assert.Equal(volume.SeriesInstanceUid, read.ReferencedSeriesInstanceUid);
        Assert.Equal(labels.ToImage().Voxels.ToArray(), read.ToLabelMap(geometry: volume.Image.Geometry).Voxels.ToArray());
        var third = read.ToLabelMap(3, volume.Image.Geometry);
        Assert.Equal(2, third.Count(1));
        Assert.Equal(1, third[4, 4, 4]);

        // On its own grid (slices 1..4 that hold a segment), voxels keep their physical places.
        var own = read.ToLabelMap();
        Assert.Equal(4, own.Geometry.Size.Z);
        Assert.Equal(volume.Image.Geometry.IndexToPhysical(0, 0, 1), own.Geometry.Origin);
        Assert.Equal(2, own[8, 6, 2]);

        // Listing shows the segments; a mask option picks one.
        var entry = DicomListing.Scan(tmp.Path).Series.Single(s => s.Modality == "SEG");
        Assert.Equal("necrosis", entry.Regions[1].Name);
        Assert.Equal(2, DicomMasks.Read(seg, volume.Image.Geometry, segment: 3).Mask.Count(1));
        var missing = Assert.Throws<InvalidInputException>(() => DicomMasks.Read(seg, volume.Image.Geometry, segment: 7));
        Assert.Contains("no segment 7", missing.Message, StringComparison.Ordinal);
    }

    [ToolFact("dcmdump", "dcmtk")]
    public void Segmentation_is_valid_dicom_for_dcmtk()
    {
        using var tmp = new TempDirectory();
        SyntheticSeries.Write(tmp.File("ct"), SyntheticSeries.Regular(3));
        var volume = DicomSeries.ReadVolume(tmp.File("ct"));
        var labels = new ImageBuilder<byte>(volume.Image.Geometry);
        labels[1, 1, 1] = 1;
        DicomSegmentationWriter.Write(new LabelMap(labels.ToImage()), volume, tmp.File("seg.dcm"));

        // dcmdump stops with a non-zero exit on any parse error (-E); its dump must show the SEG's defining elements.
        string dump = ExternalTool.Output("dcmdump", "-E", "+P", "0008,0016", "+P", "0062,0008", "+P", "0062,0005", "+P", "0020,000e", tmp.File("seg.dcm"));
        Assert.Contains("=SegmentationStorage", dump, StringComparison.Ordinal);
        Assert.Contains("[AUTOMATIC]", dump, StringComparison.Ordinal);
        Assert.Contains(volume.SeriesInstanceUid, dump, StringComparison.Ordinal);
    }
}
