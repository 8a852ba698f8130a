using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.IO;

public class ImageFileTests
{
    public static TheoryData<string> SharedNifti => new(
        "ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz",
        "ibsi/ibsi_1_ct_radiomics_phantom/nifti/mask/mask.nii.gz",
        "ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz",
        "ibsi/ibsi_2_digital_phantom/nifti/orientation/image/orientation.nii.gz");

    public static TheoryData<string> SharedNrrd => new(
        "data/pyradiomics/brain1_image.nrrd",
        "data/pyradiomics/breast1_label.nrrd",
        "data/pyradiomics/prostate_phantom_subvolume.nrrd");

    public static TheoryData<PixelType, int, string> TypesAndFormats()
    {
        var data = new TheoryData<PixelType, int, string>();
        foreach (var type in Enum.GetValues<PixelType>())
        {
            foreach (var ext in new[] { ".nii", ".nii.gz", ".nrrd", ".nhdr", ".mha", ".mhd" })
            {
                data.Add(type, 1, ext);
            }

            data.Add(type, 3, ".nii.gz");
            data.Add(type, 3, ".nrrd");
            data.Add(type, 3, ".mha");
        }

        return data;
    }

    [SharedDataTheory]
    [MemberData(nameof(SharedNifti))]
    public void Nifti_to_Nrrd_to_MetaImage_to_Nifti_keeps_values_and_geometry_exactly(string relativePath)
    {
        using var tmp = new TempDirectory();
        var original = ImageFile.Read(SharedData.Path(relativePath.Split('/')));
        ImageFile.Write(original, tmp.File("a.nrrd"));
        var nrrd = ImageFile.Read(tmp.File("a.nrrd"));
        ImageFile.Write(nrrd, tmp.File("b.mha"));
        var mha = ImageFile.Read(tmp.File("b.mha"));
        ImageFile.Write(mha, tmp.File("c.nii.gz"));
        var back = ImageFile.Read(tmp.File("c.nii.gz"));
        TestImages.AssertSame(original, nrrd, 0);
        TestImages.AssertSame(original, mha, 0);
        TestImages.AssertSame(original, back, 0);
    }

    [SharedDataTheory]
    [MemberData(nameof(SharedNrrd))]
    public void Nrrd_to_MetaImage_to_Nrrd_is_exact_and_Nifti_keeps_float_precision(string relativePath)
    {
        using var tmp = new TempDirectory();
        var original = ImageFile.Read(SharedData.Path(relativePath.Split('/')));
        ImageFile.Write(original, tmp.File("a.mha"));
        ImageFile.Write(ImageFile.Read(tmp.File("a.mha")), tmp.File("b.nrrd"));
        TestImages.AssertSame(original, ImageFile.Read(tmp.File("b.nrrd")), 0);
        ImageFile.Write(original, tmp.File("c.nii.gz"));
        // NIfTI-1 stores geometry as float32: equal to float precision.
        TestImages.AssertSame(original, ImageFile.Read(tmp.File("c.nii.gz")), 1e-4);
    }

    [Theory]
    [MemberData(nameof(TypesAndFormats))]
    public void Every_voxel_type_round_trips_through_every_format(PixelType type, int components, string extension)
    {
        using var tmp = new TempDirectory();
        var image = TestImages.RandomOfType(type, TestImages.Oblique(), seed: (int)type * 7 + components, components);
        string path = tmp.File("image" + extension);
        ImageFile.Write(image, path);
        var back = ImageFile.Read(path);
        // NIfTI stores the geometry in float32; NRRD and MetaImage write shortest round-trip decimals.
        TestImages.AssertSame(image, back, Nifti.IsNiftiPath(path) ? 2e-5 : 0);
        Assert.Empty(Directory.GetFiles(tmp.Path, "*.tmp"));
        Assert.Equal(new ImageHeader(back.Geometry, back.PixelType, back.Components), ImageFile.ReadHeader(path));
    }

    [SharedDataFact]
    public void ReadHeader_agrees_with_Read_for_every_shared_image()
    {
        var files = Directory.GetFiles(SharedData.Path("ibsi"), "*.nii.gz", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(SharedData.Path("data", "pyradiomics"), "*.nrrd"));
        foreach (var file in files)
        {
            var image = ImageFile.Read(file);
            Assert.Equal(new ImageHeader(image.Geometry, image.PixelType, image.Components), ImageFile.ReadHeader(file));
        }
    }

    [Fact]
    public void ReadHeader_reports_a_detached_data_file_that_is_missing()
    {
        using var tmp = new TempDirectory();
        ImageFile.Write(new Image<byte>(ImageGeometry.Create(2, 2, 2)), tmp.File("d.mhd"));
        File.Delete(tmp.File("d.zraw"));
        Assert.Equal(ImageFileProblem.NotFound, Assert.Throws<ImageFileException>(() => ImageFile.ReadHeader(tmp.File("d.mhd"))).Problem);
    }

    [Fact]
    public void Written_file_replaces_an_existing_one()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File("x.nii.gz");
        ImageFile.Write(TestImages.Random<short>(TestImages.Oblique(), 1), path);
        var second = TestImages.Random<short>(TestImages.Oblique(), 2);
        ImageFile.Write(second, path);
        TestImages.AssertSame(second, ImageFile.Read(path), 2e-5);
    }

    [Fact]
    public void Unknown_extension_is_a_typed_error()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("scan.png"), "png");
        var e = Assert.Throws<ImageFileException>(() => ImageFile.Read(tmp.File("scan.png")));
        Assert.Equal(ImageFileProblem.UnknownFormat, e.Problem);
        Assert.Contains("scan.png", e.Message, StringComparison.Ordinal);
        Assert.Equal(ImageFileProblem.UnknownFormat,
            Assert.Throws<ImageFileException>(() => ImageFile.Write(new Image<byte>(ImageGeometry.Create(1, 1, 1)), tmp.File("x.tif"))).Problem);
    }

    [Fact]
    public void Missing_file_is_a_typed_error()
    {
        var e = Assert.Throws<ImageFileException>(() => ImageFile.Read("/nonexistent/scan.nii.gz"));
        Assert.Equal(ImageFileProblem.NotFound, e.Problem);
        Assert.Equal("/nonexistent/scan.nii.gz", e.FilePath);
    }

    [Fact]
    public void Write_into_an_impossible_place_fails_without_leaving_files()
    {
        using var tmp = new TempDirectory();
        string blocker = tmp.File("not-a-folder");
        File.WriteAllText(blocker, "x");
        var e = Assert.Throws<ImageFileException>(() => ImageFile.Write(new Image<byte>(ImageGeometry.Create(2, 2, 2)), Path.Combine(blocker, "out.nii")));
        Assert.Equal(ImageFileProblem.WriteFailed, e.Problem);
        Assert.Single(Directory.GetFiles(tmp.Path));
    }

    [Fact]
    public void ReadLabelMap_rejects_non_label_values()
    {
        using var tmp = new TempDirectory();
        ImageFile.Write(new Image<float>(ImageGeometry.Create(2, 1, 1), [0f, 0.5f]), tmp.File("soft.nii"));
        var e = Assert.Throws<ImageFileException>(() => ImageFile.ReadLabelMap(tmp.File("soft.nii")));
        Assert.Equal(ImageFileProblem.UnsupportedDataType, e.Problem);
    }
}
