using Radiomics.Imaging;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Longitudinal.Transforms.IO;
using Radiomics.TestSupport;

namespace Radiomics.Longitudinal.Tests.Transforms.IO;

public class RegistrationFolderTests
{
    private static readonly AffineTransform Affine = new(new Matrix3(1.1, 0, 0, 0, 0.9, 0.1, 0, 0, 1), new Vec3(2, -1, 0.5), new Vec3(4, 4, 4));

    [Fact]
    public void The_folder_holds_the_field_and_the_affine_in_both_formats_and_reads_back_as_the_field()
    {
        using var tmp = new TempDirectory();
        var grid = ImageGeometry.Create(8, 8, 6, new Vec3(1, 1, 2));
        var transform = new CompositeTransform(new TranslationTransform(new Vec3(0.5, 0, 0)), Affine);
        var field = DisplacementField.Sample(transform, grid);
        RegistrationFolder.Write(tmp.File("reg"), field, RegistrationFolder.AffineStage(transform));

        Assert.True(File.Exists(tmp.File("reg/displacement.nii.gz")));
        var fromJson = AffineTransformJson.Read(tmp.File("reg/affine.json"));
        var fromTfm = ItkTransformText.Read(tmp.File("reg/affine.tfm"));
        var p = new Vec3(3, -2, 7);
        var expectedAffine = new TranslationTransform(new Vec3(0.5, 0, 0)).ToAffine().TransformPoint(p);
        Assert.Equal(expectedAffine, fromJson.TransformPoint(p));
        Assert.Equal(expectedAffine, fromTfm.TransformPoint(p));

        var read = Assert.IsType<DisplacementFieldTransform>(RegistrationFolder.ReadTransform(tmp.File("reg")));
        var q = grid.IndexToPhysical(4, 3, 2);
        Assert.True((read.TransformPoint(q) - transform.TransformPoint(q)).Norm < 1e-4);
        Assert.Empty(Directory.EnumerateFiles(tmp.File("reg"), "*.tmp"));
    }

    [Fact]
    public void Writing_without_an_affine_removes_one_left_by_an_earlier_run()
    {
        using var tmp = new TempDirectory();
        var field = new Image<float>(ImageGeometry.Create(4, 4, 4), 3);
        RegistrationFolder.Write(tmp.File("reg"), field, Affine);
        Assert.True(File.Exists(tmp.File("reg/affine.tfm")));
        RegistrationFolder.Write(tmp.File("reg"), field, null);
        Assert.False(File.Exists(tmp.File("reg/affine.tfm")));
        Assert.False(File.Exists(tmp.File("reg/affine.json")));
        Assert.True(File.Exists(tmp.File("reg/displacement.nii.gz")));
    }

    [Fact]
    public void Without_a_field_the_affine_is_the_transform()
    {
        using var tmp = new TempDirectory();
        Directory.CreateDirectory(tmp.File("reg"));
        ItkTransformText.Write(Affine, tmp.File("reg/affine.tfm"));
        var p = new Vec3(1, 2, 3);
        Assert.Equal(Affine.TransformPoint(p), RegistrationFolder.ReadTransform(tmp.File("reg")).TransformPoint(p));
        AffineTransformJson.Write(Affine, tmp.File("reg/affine.json"));
        Assert.Equal(Affine.TransformPoint(p), RegistrationFolder.ReadTransform(tmp.File("reg")).TransformPoint(p));
    }

    [Fact]
    public void An_empty_or_missing_folder_is_a_not_found_error_naming_it()
    {
        using var tmp = new TempDirectory();
        var empty = Assert.Throws<TransformFileException>(() => RegistrationFolder.ReadTransform(tmp.Path));
        Assert.Equal(tmp.Path, empty.FilePath);
        Assert.Contains("no displacement.nii.gz, affine.json or affine.tfm", empty.Message, StringComparison.Ordinal);
        Assert.Throws<TransformFileException>(() => RegistrationFolder.ReadTransform(tmp.File("absent")));
    }
}
