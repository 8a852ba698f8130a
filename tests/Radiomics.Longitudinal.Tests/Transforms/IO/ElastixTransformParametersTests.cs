using System.Diagnostics;
using Radiomics.Imaging;
using Radiomics.Longitudinal.Tests.Registration;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Longitudinal.Transforms.IO;
using Radiomics.TestSupport;

namespace Radiomics.Longitudinal.Tests.Transforms.IO;

public class ElastixTransformParametersTests
{
    /// <summary>A complete transform parameter file as elastix writes it (transformix runs on it).</summary>
    internal static string ParameterFile(string transform, string parameters, string extra = "", string initial = "NoInitialTransform") => $$"""
        (Transform "{{transform}}")
        (NumberOfParameters {{parameters.Split(' ').Length}})
        (TransformParameters {{parameters}})
        (InitialTransformParametersFileName "{{initial}}")
        (HowToCombineTransforms "Compose")
        // Image specific
        (FixedImageDimension 3)
        (MovingImageDimension 3)
        (FixedInternalImagePixelType "float")
        (MovingInternalImagePixelType "float")
        (Size 12 10 8)
        (Index 0 0 0)
        (Spacing 2 2.5 3)
        (Origin -8 -6 -4)
        (Direction 1 0 0 0 1 0 0 0 1)
        (UseDirectionCosines "true")
        {{extra}}
        (ResampleInterpolator "FinalBSplineInterpolator")
        (FinalBSplineInterpolationOrder 3)
        (Resampler "DefaultResampler")
        (DefaultPixelValue 0)
        (ResultImageFormat "nii.gz")
        (ResultImagePixelType "float")
        (CompressResultImage "false")
        """;

    private static void AssertClose(Vec3 expected, Vec3 actual, double tolerance = 1e-9) =>
        Assert.True((expected - actual).Norm < tolerance, $"expected {expected}, got {actual}");

    private static ITransform ReadText(TempDirectory tmp, string text, string name = "TransformParameters.0.txt")
    {
        File.WriteAllText(tmp.File(name), text);
        return ElastixTransformParameters.Read(tmp.File(name));
    }

    [Fact]
    public void An_Euler_file_rotating_90_degrees_about_its_centre_maps_points_worked_out_by_hand()
    {
        using var tmp = new TempDirectory();
        var t = ReadText(tmp, ParameterFile("EulerTransform", "0 0 1.5707963267948966 1 2 3", "(CenterOfRotationPoint 10 0 0)\n(ComputeZYX \"false\")"));
        AssertClose(new Vec3(11, 3, 3), t.TransformPoint(new Vec3(11, 0, 0)));
        AssertClose(new Vec3(6, 2, 5), t.TransformPoint(new Vec3(10, 5, 2)));
    }

    [Fact]
    public void ComputeZYX_changes_the_rotation_order_as_in_ITK()
    {
        using var tmp = new TempDirectory();
        const string angles = "1.5707963267948966 1.5707963267948966 0 0 0 0";
        AssertClose(new Vec3(0, 1, 0), ReadText(tmp, ParameterFile("EulerTransform", angles, "(CenterOfRotationPoint 0 0 0)")).TransformPoint(new Vec3(1, 0, 0)));
        AssertClose(new Vec3(0, 0, -1), ReadText(tmp, ParameterFile("EulerTransform", angles, "(CenterOfRotationPoint 0 0 0)\n(ComputeZYX \"true\")")).TransformPoint(new Vec3(1, 0, 0)));
    }

    [Fact]
    public void Affine_translation_and_similarity_files_give_the_points_worked_out_by_hand()
    {
        using var tmp = new TempDirectory();
        var affine = ReadText(tmp, ParameterFile("AffineTransform", "0 -1 0 1 0 0 0 0 1 1 2 3", "(CenterOfRotationPoint 10 0 0)"));
        AssertClose(new Vec3(11, 3, 3), affine.TransformPoint(new Vec3(11, 0, 0)));
        var translation = ReadText(tmp, ParameterFile("TranslationTransform", "1 -2 3.5"));
        AssertClose(new Vec3(2, -1, 4.5), translation.TransformPoint(new Vec3(1, 1, 1)));
        // Versor of 90° about Z, scale 2, centre (10,0,0): (11,0,0) → offset (1,0,0) → (0,2,0) → (10,2,0) → +t (11,4,3).
        var similarity = ReadText(tmp, ParameterFile("SimilarityTransform", "0 0 0.70710678118654757 1 2 3 2", "(CenterOfRotationPoint 10 0 0)"));
        AssertClose(new Vec3(11, 4, 3), similarity.TransformPoint(new Vec3(11, 0, 0)));
    }

    [Fact]
    public void A_chain_of_initial_transforms_applies_the_initial_one_first()
    {
        // elastix "Compose": T(x) = T1(T0(x)). T0 translates by (10,0,0), T1 scales by 2 about the origin:
        // (1,1,1) → (11,1,1) → (22,2,2). (The other order would give (12,2,2).)
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("TransformParameters.0.txt"), ParameterFile("TranslationTransform", "10 0 0"));
        File.WriteAllText(tmp.File("TransformParameters.1.txt"), ParameterFile("AffineTransform", "2 0 0 0 2 0 0 0 2 0 0 0", "(CenterOfRotationPoint 0 0 0)", initial: "TransformParameters.0.txt"));
        AssertClose(new Vec3(22, 2, 2), ElastixTransformParameters.Read(tmp.File("TransformParameters.1.txt")).TransformPoint(new Vec3(1, 1, 1)));
    }

    [Fact]
    public void An_initial_transform_named_by_the_path_elastix_was_given_is_found_beside_the_file()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("TransformParameters.0.txt"), ParameterFile("TranslationTransform", "10 0 0"));
        File.WriteAllText(tmp.File("TransformParameters.1.txt"), ParameterFile("TranslationTransform", "0 1 0", initial: "some/other/run/TransformParameters.0.txt"));
        AssertClose(new Vec3(10, 1, 0), ElastixTransformParameters.Read(tmp.File("TransformParameters.1.txt")).TransformPoint(Vec3.Zero));
    }

    [Fact]
    public void A_BSpline_file_is_refused_with_the_transformix_command_that_gives_a_field()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("TransformParameters.1.txt"), ParameterFile("BSplineTransform", "0 0 0"));
        var e = Assert.Throws<TransformFileException>(() => ElastixTransformParameters.Read(tmp.File("TransformParameters.1.txt")));
        Assert.Equal(TransformFileProblem.Unsupported, e.Problem);
        Assert.Contains("transformix -def all -tp TransformParameters.1.txt", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(Transform \"AffineTransform\")\n(TransformParameters 1 0 0)\n", "needs 12 values; the file has 3")]
    [InlineData("(Transform \"EulerTransform\")\n", "has no (TransformParameters")]
    [InlineData("(TransformParameters 1 0 0)\n", "no (Transform")]
    [InlineData("(Transform \"TranslationTransform\")\n(TransformParameters 1 0 zero)\n", "'zero' is not a finite number")]
    [InlineData("(Transform \"TranslationTransform\")\nTransformParameters 1 0 0\n", "is not a '(Key value …)' entry")]
    [InlineData("(Transform \"AffineDTITransform\")\n(TransformParameters 1 0 0)\n", "is not read")]
    [InlineData("(Transform \"TranslationTransform\")\n(TransformParameters 1 0 0)\n(UseDirectionCosines \"false\")\n", "ignores the image directions")]
    [InlineData("(Transform \"TranslationTransform\")\n(TransformParameters 1 0 0)\n(InitialTransformParametersFileName \"missing.txt\")\n", "named as the initial transform of")]
    public void Malformed_or_unsupported_files_are_refused_naming_the_file(string text, string problem)
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("TransformParameters.0.txt"), text);
        var e = Assert.Throws<TransformFileException>(() => ElastixTransformParameters.Read(tmp.File("TransformParameters.0.txt")));
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.Contains(".txt", e.FilePath, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_that_loops_is_refused()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("a.txt"), ParameterFile("TranslationTransform", "1 0 0", initial: "b.txt"));
        File.WriteAllText(tmp.File("b.txt"), ParameterFile("TranslationTransform", "1 0 0", initial: "a.txt"));
        var e = Assert.Throws<TransformFileException>(() => ElastixTransformParameters.Read(tmp.File("a.txt")));
        Assert.Contains("loops", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The decisive check of the conventions (rotation order, centre, chain order, LPS): transformix itself samples
    /// the same parameter files as a deformation field, which must agree with our reading of them.
    /// </summary>
    [ElastixFact]
    public void Transformix_deformation_field_agrees_with_our_reading_of_the_same_files()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("TransformParameters.0.txt"), ParameterFile("EulerTransform", "0.2 -0.3 0.4 5 -3 2", "(CenterOfRotationPoint 3 1 2)\n(ComputeZYX \"true\")"));
        File.WriteAllText(tmp.File("TransformParameters.1.txt"), ParameterFile("AffineTransform", "1.1 0.05 0 -0.02 0.95 0.1 0 0.03 1.2 1 2 -1", "(CenterOfRotationPoint 2 -1 0)", initial: tmp.File("TransformParameters.0.txt")));
        var ours = ElastixTransformParameters.Read(tmp.File("TransformParameters.1.txt"));

        Directory.CreateDirectory(tmp.File("out"));
        var info = new ProcessStartInfo("transformix") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-def", "all", "-tp", tmp.File("TransformParameters.1.txt"), "-out", tmp.File("out") })
        {
            info.ArgumentList.Add(a);
        }

        using (var p = Process.Start(info)!)
        {
            string log = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, log);
        }

        var fieldPath = Directory.EnumerateFiles(tmp.File("out"), "deformationField.*").First();
        var theirs = DisplacementFieldFile.Read(fieldPath);
        Assert.Equal(new Size3(12, 10, 8), theirs.Geometry.Size);
        double worst = 0;
        for (int z = 0; z < 8; z++)
        {
            for (int y = 0; y < 10; y++)
            {
                for (int x = 0; x < 12; x++)
                {
                    var point = theirs.Geometry.IndexToPhysical(x, y, z);
                    worst = Math.Max(worst, (theirs.DisplacementAt(x, y, z) + point - ours.TransformPoint(point)).Norm);
                }
            }
        }

        // The field is stored as float: about 1e-6 relative to coordinates of tens of mm.
        Assert.True(worst < 1e-3, $"worst disagreement with transformix {worst} mm");
    }
}
