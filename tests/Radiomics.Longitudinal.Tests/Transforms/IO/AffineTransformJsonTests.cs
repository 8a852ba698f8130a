using FsCheck;
using FsCheck.Fluent;
using Radiomics.Imaging;
using Radiomics.Longitudinal.Transforms.IO;
using Radiomics.TestSupport;
using static Radiomics.Longitudinal.Tests.Transforms.IO.TransformGenerators;

namespace Radiomics.Longitudinal.Tests.Transforms.IO;

public class AffineTransformJsonTests
{
    [Fact]
    public void Written_affines_read_back_mapping_points_identically()
    {
        Prop.ForAll(Affines.ToArbitrary(), Gen.ArrayOf(Points, 5).ToArbitrary(), (a, p) =>
            MaxDistance(a, AffineTransformJson.Parse(AffineTransformJson.Serialize(a)), p) < 1e-9).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_file_register_has_always_written_reads_with_its_centre()
    {
        // The layout of affine.json as 'radiomics register' wrote it before this reader existed.
        const string json = """
            {
              "convention": "fixed point x maps to moving point matrix · (x − center) + center + translation (mm, LPS; ITK's AffineTransform)",
              "matrix": [[0, -1, 0], [1, 0, 0], [0, 0, 1]],
              "translation": [1, 2, 3],
              "center": [10, 0, 0]
            }
            """;
        var a = AffineTransformJson.Parse(json);
        Assert.Equal(new Vec3(11, 3, 3), a.TransformPoint(new Vec3(11, 0, 0)));
        Assert.Equal(new Vec3(10, 0, 0), a.Centre);
    }

    [Theory]
    [InlineData("{ \"matrix\": [[1,0,0],[0,1,0]], \"translation\": [0,0,0] }", "'matrix' must be an array of 3 rows")]
    [InlineData("{ \"matrix\": [[1,0,0],[0,1,0],[0,0,1]] }", "'translation' is missing")]
    [InlineData("{ \"matrix\": [[1,0,0],[0,1,0],[0,0,\"a\"]], \"translation\": [0,0,0] }", "must hold finite numbers")]
    [InlineData("[1, 2, 3]", "the top level must be an object")]
    [InlineData("{ matrix", "not valid JSON")]
    public void Malformed_files_are_refused_naming_the_file(string json, string problem)
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("affine.json"), json);
        var e = Assert.Throws<TransformFileException>(() => AffineTransformJson.Read(tmp.File("affine.json")));
        Assert.Equal(tmp.File("affine.json"), e.FilePath);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }
}
