using Radiomics.Imaging;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Longitudinal.Transforms.IO;
using Radiomics.TestSupport;

namespace Radiomics.Longitudinal.Tests.Transforms.IO;

public class TransformFileTests
{
    private static readonly AffineTransform Rotation = new(new Matrix3(0, -1, 0, 1, 0, 0, 0, 0, 1), new Vec3(1, 2, 3), new Vec3(10, 0, 0));

    [Theory]
    [InlineData("t.json")]
    [InlineData("t.tfm")]
    [InlineData("t.txt")]
    public void Linear_transforms_written_in_any_text_format_read_back_by_extension(string name)
    {
        using var tmp = new TempDirectory();
        TransformFile.Write(Rotation, tmp.File(name));
        Assert.Equal(new Vec3(11, 3, 3), TransformFile.Read(tmp.File(name)).TransformPoint(new Vec3(11, 0, 0)));
    }

    [Fact]
    public void An_elastix_txt_file_is_told_from_an_ITK_one_by_its_content()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("TransformParameters.0.txt"), ElastixTransformParametersTests.ParameterFile("TranslationTransform", "1 2 3"));
        Assert.Equal(new Vec3(1, 2, 3), TransformFile.Read(tmp.File("TransformParameters.0.txt")).TransformPoint(Vec3.Zero));
        File.WriteAllText(tmp.File("itk.txt"), ItkTransformText.Serialize(new TranslationTransform(new Vec3(4, 5, 6))));
        Assert.Equal(new Vec3(4, 5, 6), TransformFile.Read(tmp.File("itk.txt")).TransformPoint(Vec3.Zero));
    }

    [Fact]
    public void A_transform_written_as_an_image_is_sampled_on_the_given_grid()
    {
        using var tmp = new TempDirectory();
        var grid = ImageGeometry.Create(6, 5, 4, new Vec3(2, 2, 2), new Vec3(5, -3, 1));
        TransformFile.Write(Rotation, tmp.File("field.nii.gz"), grid);
        var field = Assert.IsType<DisplacementFieldTransform>(TransformFile.Read(tmp.File("field.nii.gz")));
        var p = grid.IndexToPhysical(3, 2, 1);
        Assert.True((field.TransformPoint(p) - Rotation.TransformPoint(p)).Norm < 1e-4);
        Assert.Throws<TransformFileException>(() => TransformFile.Write(Rotation, tmp.File("nogrid.nii.gz")));
    }

    [Fact]
    public void Unknown_missing_and_non_linear_cases_are_typed_errors_naming_the_file()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("notes.txt"), "hello\n");
        var unknown = Assert.Throws<TransformFileException>(() => TransformFile.Read(tmp.File("notes.txt")));
        Assert.Equal(TransformFileProblem.UnknownFormat, unknown.Problem);
        Assert.Contains("notes.txt", unknown.Message, StringComparison.Ordinal);

        var missing = Assert.Throws<TransformFileException>(() => TransformFile.Read(tmp.File("none.tfm")));
        Assert.Equal(TransformFileProblem.NotFound, missing.Problem);

        var field = new DisplacementFieldTransform(new Image<float>(ImageGeometry.Create(4, 4, 4), 3));
        var json = Assert.Throws<TransformFileException>(() => TransformFile.Write(field, tmp.File("field.json")));
        Assert.Equal(TransformFileProblem.Unsupported, json.Problem);
        Assert.Throws<TransformFileException>(() => TransformFile.Write(Rotation, tmp.File("t.xyz")));
    }
}
