using FsCheck;
using FsCheck.Fluent;
using Radiomics.Imaging;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Longitudinal.Transforms.IO;
using Radiomics.TestSupport;
using static Radiomics.Longitudinal.Tests.Transforms.IO.TransformGenerators;

namespace Radiomics.Longitudinal.Tests.Transforms.IO;

public class ItkTransformTextTests
{
    private static void AssertClose(Vec3 expected, Vec3 actual, double tolerance = 1e-12) =>
        Assert.True((expected - actual).Norm < tolerance, $"expected {expected}, got {actual}");

    private static bool RoundTrips(ITransform t, Vec3[] points) =>
        MaxDistance(t, ItkTransformText.Parse(ItkTransformText.Serialize(t)), points) < 1e-9;

    [Fact]
    public void Affine_Euler_and_translation_files_map_points_as_the_transforms_they_were_written_from()
    {
        Prop.ForAll(Linear.ToArbitrary(), Gen.ArrayOf(Points, 5).ToArbitrary(), (t, p) => RoundTrips(t, p)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Composite_files_map_points_as_the_composites_they_were_written_from()
    {
        Prop.ForAll(Composites.ToArbitrary(), Gen.ArrayOf(Points, 5).ToArbitrary(), (t, p) => RoundTrips(t, p)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Euler_and_translation_keep_their_ITK_type_names()
    {
        var text = ItkTransformText.Serialize(new CompositeTransform(new Euler3DTransform(0.1, 0.2, 0.3, new Vec3(1, 2, 3), new Vec3(4, 5, 6)), new TranslationTransform(new Vec3(7, 8, 9))));
        Assert.StartsWith("#Insight Transform File V1.0\n", text, StringComparison.Ordinal);
        Assert.Contains("Transform: CompositeTransform_double_3_3\n", text, StringComparison.Ordinal);
        // The member applied first is listed last (ITK applies its queue from the end).
        Assert.True(text.IndexOf("TranslationTransform_double_3_3", StringComparison.Ordinal) < text.IndexOf("Euler3DTransform_double_3_3", StringComparison.Ordinal));
        Assert.Contains("Parameters: 0.1 0.2 0.3 1 2 3\nFixedParameters: 4 5 6 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_BSpline_file_round_trips_its_grid_and_coefficients()
    {
        var grid = new ImageGeometry(new Size3(5, 4, 6), new Vec3(10, 12, 8), new Vec3(-20, -15, -30), Matrix3.Rotation(new Vec3(0, 0, 1), 0.3));
        var rng = new Random(3);
        var coefficients = Enumerable.Range(0, 3 * (int)grid.VoxelCount).Select(_ => rng.NextDouble() * 4 - 2).ToArray();
        var spline = new BSplineTransform(grid, coefficients);
        var back = Assert.IsType<BSplineTransform>(ItkTransformText.Parse(ItkTransformText.Serialize(spline)));
        Assert.True(back.Grid.Matches(grid, 1e-12));
        Assert.Equal(coefficients, back.Coefficients.ToArray());
    }

    [Fact]
    public void A_hand_written_affine_rotating_90_degrees_about_a_centre_maps_points_worked_out_by_hand()
    {
        // Rotation by +90° about Z (x → y, y → −x) about the centre (10, 0, 0), then translation (1, 2, 3).
        const string text = """
            #Insight Transform File V1.0
            #Transform 0
            Transform: AffineTransform_double_3_3
            Parameters: 0 -1 0 1 0 0 0 0 1 1 2 3
            FixedParameters: 10 0 0
            """;
        var t = ItkTransformText.Parse(text);
        // (11,0,0): offset from the centre (1,0,0) turns into (0,1,0), back at (10,1,0), translated to (11,3,3).
        AssertClose(new Vec3(11, 3, 3), t.TransformPoint(new Vec3(11, 0, 0)));
        // (10,5,2): offset (0,5,2) turns into (−5,0,2), at (5,0,2), translated to (6,2,5).
        AssertClose(new Vec3(6, 2, 5), t.TransformPoint(new Vec3(10, 5, 2)));
    }

    [Theory]
    [InlineData("AffineTransform_float_3_3", "0 -1 0 1 0 0 0 0 1 1 2 3")]
    [InlineData("MatrixOffsetTransformBase_double_3_3", "0 -1 0 1 0 0 0 0 1 1 2 3")]
    [InlineData("Euler3DTransform_double_3_3", "0 0 1.5707963267948966 1 2 3")]
    [InlineData("VersorRigid3DTransform_double_3_3", "0 0 0.70710678118654757 1 2 3")]
    [InlineData("Similarity3DTransform_double_3_3", "0 0 0.70710678118654757 1 2 3 1")]
    public void Every_rigid_parameterisation_of_the_same_90_degree_rotation_gives_the_same_points(string type, string parameters)
    {
        var t = ItkTransformText.Parse($"#Insight Transform File V1.0\nTransform: {type}\nParameters: {parameters}\nFixedParameters: 10 0 0\n");
        AssertClose(new Vec3(11, 3, 3), t.TransformPoint(new Vec3(11, 0, 0)), 1e-9);
        AssertClose(new Vec3(6, 2, 5), t.TransformPoint(new Vec3(10, 5, 2)), 1e-9);
    }

    [Fact]
    public void Euler_angles_follow_ITKs_rotation_order_and_its_ComputeZYX_flag()
    {
        // AngleX = AngleY = 90°. Default R = Rz·Rx·Ry: Ry turns (1,0,0) into (0,0,−1), Rx turns that into (0,1,0).
        // ComputeZYX R = Rz·Ry·Rx: Rx leaves (1,0,0), Ry turns it into (0,0,−1).
        string EulerFile(int zyx) => $"#Insight Transform File V1.0\nTransform: Euler3DTransform_double_3_3\nParameters: 1.5707963267948966 1.5707963267948966 0 0 0 0\nFixedParameters: 0 0 0 {zyx}\n";
        AssertClose(new Vec3(0, 1, 0), ItkTransformText.Parse(EulerFile(0)).TransformPoint(new Vec3(1, 0, 0)), 1e-12);
        AssertClose(new Vec3(0, 0, -1), ItkTransformText.Parse(EulerFile(1)).TransformPoint(new Vec3(1, 0, 0)), 1e-12);
    }

    [Fact]
    public void In_a_composite_file_the_last_listed_transform_acts_first()
    {
        // Listed: translation by (10,0,0), then scaling by 2. ITK applies the scaling first: (1,1,1) → (2,2,2) → (12,2,2).
        // (The other order would give (22,2,2).)
        const string text = """
            #Insight Transform File V1.0
            #Transform 0
            Transform: CompositeTransform_double_3_3
            #Transform 1
            Transform: TranslationTransform_double_3_3
            Parameters: 10 0 0
            FixedParameters:
            #Transform 2
            Transform: AffineTransform_double_3_3
            Parameters: 2 0 0 0 2 0 0 0 2 0 0 0
            FixedParameters: 0 0 0
            """;
        var t = Assert.IsType<CompositeTransform>(ItkTransformText.Parse(text));
        AssertClose(new Vec3(12, 2, 2), t.TransformPoint(new Vec3(1, 1, 1)));
        Assert.IsType<AffineTransform>(t.Transforms[0]);
        Assert.IsType<TranslationTransform>(t.Transforms[1]);
    }

    [Theory]
    [InlineData("Transform: AffineTransform_double_3_3\nParameters: 1 0 0 0 1 0 0 0 1 0 0\nFixedParameters: 0 0 0\n", "needs 12 values; the file has 11")]
    [InlineData("Transform: AffineTransform_double_3_3\nParameters: 1 0 0 0 1 0 0 0 1 0 0 x\n", "'x' is not a finite number")]
    [InlineData("Transform: AffineTransform_double_2_2\nParameters: 1 0 0 1 0 0\n", "not a 3-D transform")]
    [InlineData("Transform: ScaleSkewVersor3DTransform_double_3_3\nParameters: 0 0 0 0 0 0 1 1 1 0 0 0 0 0 0\n", "is not read")]
    [InlineData("Transform: DisplacementFieldTransform_double_3_3\nParameters: 0\n", "dense fields are not read")]
    [InlineData("Parameters: 1 2 3\n", "before any 'Transform:' line")]
    [InlineData("#Insight Transform File V1.0\n", "no 'Transform:' line")]
    [InlineData("Transform: TranslationTransform_double_3_3\n", "has no Parameters line")]
    public void Malformed_or_unsupported_files_are_refused_naming_the_file_and_the_problem(string text, string problem)
    {
        using var tmp = new TempDirectory();
        string path = tmp.File("bad.tfm");
        File.WriteAllText(path, text);
        var e = Assert.Throws<TransformFileException>(() => ItkTransformText.Read(path));
        Assert.Equal(path, e.FilePath);
        Assert.StartsWith(path, e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_displacement_field_cannot_be_written_as_text()
    {
        using var tmp = new TempDirectory();
        var field = new DisplacementFieldTransform(new Image<float>(ImageGeometry.Create(4, 4, 4), 3));
        var e = Assert.Throws<TransformFileException>(() => ItkTransformText.Write(field, tmp.File("field.tfm")));
        Assert.Equal(TransformFileProblem.Unsupported, e.Problem);
        Assert.False(File.Exists(tmp.File("field.tfm")));
    }
}
