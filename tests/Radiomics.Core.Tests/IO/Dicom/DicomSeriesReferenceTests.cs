using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.IO.Dicom;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.IO.Dicom;

/// <summary>The header-only reference to a series equals what reading the whole series gives, and a SEG written from it is the same.</summary>
public class DicomSeriesReferenceTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reference_from_the_headers_equals_the_reference_of_the_read_volume(bool irregular)
    {
        using var tmp = new TempDirectory();
        SyntheticSeries.Write(tmp.File("ct"), irregular ? [30, 32.5, 35, 40, 42.5, 45] : SyntheticSeries.Regular(6), nx: 9, ny: 7);
        // A gap resampled onto regular slices: the reference must describe the resampled grid, as the volume has it.
        var options = new DicomSeriesOptions { ResampleIrregular = irregular };
        var volume = DicomSeries.ReadVolume(tmp.File("ct"), options);
        var reference = DicomSeries.ReadReference(tmp.File("ct"), options);

        Assert.True(reference.Geometry.Matches(volume.Image.Geometry, 1e-9));
        Assert.Equal(volume.SeriesInstanceUid, reference.SeriesInstanceUid);
        Assert.Equal(volume.FrameOfReferenceUid, reference.FrameOfReferenceUid);
        Assert.Equal(volume.Modality, reference.Modality);
        Assert.Equal(volume.Instances, reference.Instances);
        Assert.Equal(6, reference.Instances.Count);
        Assert.Equal(irregular ? 7 : 6, reference.Geometry.Size.Z);
    }

    [Fact]
    public void Segmentation_from_the_reference_holds_the_same_labels_and_references_as_from_the_volume()
    {
        using var tmp = new TempDirectory();
        SyntheticSeries.Write(tmp.File("ct"), SyntheticSeries.Regular(4), nx: 8, ny: 6);
        var volume = DicomSeries.ReadVolume(tmp.File("ct"));
        var labels = new ImageBuilder<byte>(volume.Image.Geometry);
        labels[2, 3, 1] = 1;
        labels[5, 1, 2] = 2;
        var map = new LabelMap(labels.ToImage());
        DicomSegmentationWriter.Write(map, volume, tmp.File("a.dcm"));
        DicomSegmentationWriter.Write(map, DicomSeries.ReadReference(tmp.File("ct")), tmp.File("b.dcm"));

        var a = DicomSegmentation.Read(tmp.File("a.dcm"));
        var b = DicomSegmentation.Read(tmp.File("b.dcm"));
        Assert.Equal(a.ReferencedSeriesInstanceUid, b.ReferencedSeriesInstanceUid);
        Assert.Equal(volume.SeriesInstanceUid, b.ReferencedSeriesInstanceUid);
        Assert.Equal(a.ToLabelMap(geometry: volume.Image.Geometry).Voxels.ToArray(), b.ToLabelMap(geometry: volume.Image.Geometry).Voxels.ToArray());
        Assert.Equal(map.Voxels.ToArray(), b.ToLabelMap(geometry: volume.Image.Geometry).Voxels.ToArray());
    }

    [Fact]
    public void A_label_map_on_another_grid_is_refused_naming_the_series()
    {
        using var tmp = new TempDirectory();
        SyntheticSeries.Write(tmp.File("ct"), SyntheticSeries.Regular(4), nx: 8, ny: 6);
        var reference = DicomSeries.ReadReference(tmp.File("ct"));
        var other = new LabelMap(new Image<byte>(reference.Geometry.WithSize(new Size3(8, 6, 3)), new byte[8 * 6 * 3]));
        var e = Assert.Throws<GeometryMismatchException>(() => RtStructWriter.Write(other, reference, tmp.File("rt.dcm")));
        Assert.Contains(reference.SeriesInstanceUid, e.Message, StringComparison.Ordinal);
    }
}
