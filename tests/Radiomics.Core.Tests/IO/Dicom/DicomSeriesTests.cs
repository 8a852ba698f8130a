using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.IO.Dicom;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.IO.Dicom;

/// <summary>Series assembly: geometry from the slice headers, per-slice rescale, and a typed error for every broken series.</summary>
public class DicomSeriesTests
{
    [Fact]
    public void Series_reads_with_geometry_from_the_headers_and_values_as_stored()
    {
        using var tmp = new TempDirectory();
        // Files written out of order: assembly sorts along the normal, not by name.
        SyntheticSeries.Write(tmp.Path, [35, 30, 32.5, 37.5]);
        var image = (Image<short>)ImageFile.Read(tmp.Path);
        var g = image.Geometry;
        Assert.Equal(new Size3(6, 5, 4), g.Size);
        Assert.Equal(new Vec3(0.5, 0.75, 2.5), g.Spacing);
        Assert.Equal(new Vec3(-10, -20, 30), g.Origin);
        Assert.Equal(Matrix3.Identity, g.Direction);
        int[] slices = [1, 2, 0, 3]; // z order 30, 32.5, 35, 37.5 came from files 1, 2, 0, 3
        for (int z = 0; z < 4; z++)
        {
            Assert.Equal(SyntheticSeries.Value(4, 3, slices[z]), image[4, 3, z]);
        }

        // Any one file of the series reads the same volume.
        var fromFile = ImageFile.Read(Path.Combine(tmp.Path, "slice002.dcm"));
        Assert.True(fromFile.Geometry.Matches(g));
        Assert.Equal(ImageFile.ReadHeader(tmp.Path).Geometry, g);
    }

    [Fact]
    public void Per_slice_rescale_gives_a_float_image()
    {
        using var tmp = new TempDirectory();
        SyntheticSeries.Write(tmp.Path, SyntheticSeries.Regular(3), edit: (k, w) => w.Numbers(DicomTags.RescaleSlope, "DS", 0.5 * (k + 1)).Numbers(DicomTags.RescaleIntercept, "DS", -1024));
        var image = Assert.IsType<Image<float>>(ImageFile.Read(tmp.Path));
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(0.5 * (k + 1) * SyntheticSeries.Value(2, 1, k) - 1024, image[2, 1, k], 1e-3);
        }
    }

    [Theory]
    [InlineData(new double[] { 30, 32.5, 37.5, 40 }, DicomSeriesProblem.MissingSlice, "missing between 32.5 and 37.5")]
    [InlineData(new double[] { 30, 32.5, 32.5, 35 }, DicomSeriesProblem.DuplicateSlice, "same position 32.5")]
    [InlineData(new double[] { 30, 32.5, 36, 38.5 }, DicomSeriesProblem.IrregularSpacing, "varies from 2.5 mm")]
    public void Broken_series_is_a_typed_error_naming_the_series_and_the_gap(double[] positions, DicomSeriesProblem problem, string detail)
    {
        using var tmp = new TempDirectory();
        SyntheticSeries.Write(tmp.Path, positions);
        var e = Assert.Throws<DicomSeriesException>(() => ImageFile.Read(tmp.Path));
        Assert.Equal(problem, e.Problem);
        Assert.Contains(detail, e.Message, StringComparison.Ordinal);
        Assert.Contains(tmp.Path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_slice_is_accepted_and_resampled_when_asked()
    {
        using var tmp = new TempDirectory();
        SyntheticSeries.Write(tmp.Path, [30, 32.5, 37.5, 40]);
        var image = (Image<float>)DicomSeries.Read(tmp.Path, new DicomSeriesOptions { ResampleIrregular = true });
        Assert.Equal(5, image.Geometry.Size.Z);
        Assert.Equal(2.5, image.Geometry.Spacing.Z, 1e-9);
        // The missing slice at 35 mm is the mean of its neighbours (files 1 and 2).
        Assert.Equal((SyntheticSeries.Value(3, 2, 1) + SyntheticSeries.Value(3, 2, 2)) / 2.0, image[3, 2, 2], 1e-4);
        Assert.Equal(SyntheticSeries.Value(3, 2, 2), image[3, 2, 3], 1e-4);
    }

    [Fact]
    public void Mixed_orientation_is_a_typed_error()
    {
        using var tmp = new TempDirectory();
        SyntheticSeries.Write(tmp.Path, SyntheticSeries.Regular(4), edit: (k, w) =>
        {
            if (k == 2)
            {
                w.Numbers(DicomTags.ImageOrientationPatient, "DS", 1, 0, 0, 0, 0, -1);
            }
        });
        var e = Assert.Throws<DicomSeriesException>(() => ImageFile.Read(tmp.Path));
        Assert.Equal(DicomSeriesProblem.MixedSlices, e.Problem);
        Assert.Contains("orientation", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gantry_tilt_is_an_error_unless_accepted_then_the_grid_follows_the_slices()
    {
        using var tmp = new TempDirectory();
        // Each slice moves 0.5 mm in y per 2.5 mm in z: a tilt of atan(0.2) = 11.31°.
        SyntheticSeries.Write(tmp.Path, SyntheticSeries.Regular(4), edit: (k, w) => w.Numbers(DicomTags.ImagePositionPatient, "DS", -10, -20 + 0.5 * k, 30 + 2.5 * k));
        var e = Assert.Throws<DicomSeriesException>(() => ImageFile.Read(tmp.Path));
        Assert.Equal(DicomSeriesProblem.GantryTilt, e.Problem);
        Assert.Contains("11.31°", e.Message, StringComparison.Ordinal);
        var image = DicomSeries.Read(tmp.Path, new DicomSeriesOptions { ResampleIrregular = true });
        var last = image.Geometry.IndexToPhysical(0, 0, 3);
        Assert.Equal(-18.5, last.Y, 1e-6);
        Assert.Equal(37.5, last.Z, 1e-6);
    }

    [Fact]
    public void Two_echoes_need_a_volume_choice()
    {
        using var tmp = new TempDirectory();
        SyntheticSeries.Write(tmp.Path, [30, 32.5, 35, 30, 32.5, 35], edit: (k, w) => w.Numbers(DicomTags.EchoNumbers, "IS", k < 3 ? 1 : 2));
        var e = Assert.Throws<DicomSeriesException>(() => DicomSeries.Read(tmp.Path));
        Assert.Equal(DicomSeriesProblem.Ambiguous, e.Problem);
        Assert.Contains("echo 2", e.Message, StringComparison.Ordinal);
        var second = DicomSeries.Read(tmp.Path, new DicomSeriesOptions { Volume = 2 });
        Assert.Equal(3, second.Geometry.Size.Z);
        Assert.Equal(SyntheticSeries.Value(1, 1, 4), ((Image<short>)second)[1, 1, 1]);
    }

    [Fact]
    public void A_folder_with_two_series_names_both()
    {
        using var tmp = new TempDirectory();
        SyntheticSeries.Write(Path.Combine(tmp.Path, "a"), SyntheticSeries.Regular(2));
        SyntheticSeries.Write(Path.Combine(tmp.Path, "b"), SyntheticSeries.Regular(2));
        var e = Assert.Throws<DicomSeriesException>(() => DicomSeries.Read(tmp.Path));
        Assert.Equal(DicomSeriesProblem.Ambiguous, e.Problem);
        Assert.Contains("2 image series", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, ImageFile.Read(Path.Combine(tmp.Path, "b")).Geometry.Size.Z);
    }
}
