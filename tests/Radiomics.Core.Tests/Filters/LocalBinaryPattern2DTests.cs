using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Radiomics.Core.Tests.IO.Dicom;
using Radiomics.Filters;
using Radiomics.Imaging;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Filters;

/// <summary>PyRadiomics' LBP2D image type (scikit-image's local_binary_pattern per slice).</summary>
public class LocalBinaryPattern2DTests
{
    /// <summary>
    /// One axial slice: centre 5, right 6, up (row − 1) 4, left 7, down 5. With P = 4 and R = 1 the samples fall on
    /// voxels, in the order right, up, left, down; bits 1, 0, 1, 1.
    /// </summary>
    private static Image<double> Cross()
    {
        var image = new ImageBuilder<double>(ImageGeometry.Create(3, 3, 1));
        image[1, 1, 0] = 5;
        image[2, 1, 0] = 6;
        image[1, 0, 0] = 4;
        image[0, 1, 0] = 7;
        image[1, 2, 0] = 5;
        return image.ToImage();
    }

    [Theory]
    [InlineData(LocalBinaryPatternMethod.Default, 13)] // 1 + 4 + 8
    [InlineData(LocalBinaryPatternMethod.RotationInvariant, 7)] // rotations of 1101b: 1110b, 0111b, 1011b
    [InlineData(LocalBinaryPatternMethod.Uniform, 3)] // two changes (1→0, 0→1): the number of ones
    [InlineData(LocalBinaryPatternMethod.Variance, 1.25)] // samples 6, 4, 7, 5: mean 5.5, ddof 0
    public void Centre_of_a_hand_computed_cross_has_the_pattern_of_each_method(LocalBinaryPatternMethod method, double expected)
    {
        var lbp = new LocalBinaryPattern2DSettings { Samples = 4, Radius = 1, Method = method }.Apply(Cross());
        Assert.Equal(expected, lbp[1, 1, 0], 12);
    }

    [Fact]
    public void Uniform_pattern_with_more_than_two_changes_is_P_plus_one_and_the_wrap_is_not_counted()
    {
        // Samples right, up, left, down = 6, 4, 6, 4 around 5: bits 1, 0, 1, 0, three changes → P + 1.
        var image = new ImageBuilder<double>(ImageGeometry.Create(3, 3, 1));
        (image[1, 1, 0], image[2, 1, 0], image[1, 0, 0], image[0, 1, 0], image[1, 2, 0]) = (5, 6, 4, 6, 4);
        Assert.Equal(5, new LocalBinaryPattern2DSettings { Samples = 4 }.Apply(image.ToImage())[1, 1, 0]);

        // Bits 0, 1, 1, 0: two changes, and the wrap from the last to the first sample would add none.
        image = image.ToImage().ToBuilder();
        (image[2, 1, 0], image[1, 0, 0], image[0, 1, 0], image[1, 2, 0]) = (4, 6, 6, 4);
        Assert.Equal(2, new LocalBinaryPattern2DSettings { Samples = 4 }.Apply(image.ToImage())[1, 1, 0]);

        // Bits 1, 0, 0, 1: two changes counted, the wrap (1 → 1) none.
        image = image.ToImage().ToBuilder();
        (image[2, 1, 0], image[1, 0, 0], image[0, 1, 0], image[1, 2, 0]) = (6, 4, 4, 6);
        Assert.Equal(2, new LocalBinaryPattern2DSettings { Samples = 4 }.Apply(image.ToImage())[1, 1, 0]);
    }

    [Fact]
    public void Uniform_LBP_of_a_constant_image_is_P_inside_and_counts_the_zero_padding_at_the_edge()
    {
        var gen =
            from value in Gen.Choose(1, 1000)
            from nx in Gen.Choose(3, 6)
            from ny in Gen.Choose(3, 6)
            from nz in Gen.Choose(1, 3)
            select (value, nx, ny, nz);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var image = FilterPropertyTests.Constant(new Size3(c.nx, c.ny, c.nz), c.value);
            var lbp = new LocalBinaryPattern2DSettings { Samples = 4 }.Apply(image);
            for (int z = 0; z < c.nz; z++)
            {
                for (int y = 0; y < c.ny; y++)
                {
                    for (int x = 0; x < c.nx; x++)
                    {
                        // Beyond the slice the samples read 0 (< value): a corner loses two consecutive samples, an
                        // edge voxel one; every such pattern has at most two changes, so the value is the count.
                        int outside = (x == 0 ? 1 : 0) + (x == c.nx - 1 ? 1 : 0) + (y == 0 ? 1 : 0) + (y == c.ny - 1 ? 1 : 0);
                        if (lbp[x, y, z] != 4 - outside)
                        {
                            return false;
                        }
                    }
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Rotation_invariant_LBP_follows_a_quarter_turn_of_the_slice()
    {
        var gen = Gen.Choose(0, 99).ArrayOf(25).Select(a => a.Select(v => (double)v).ToArray());
        Prop.ForAll(gen.ToArbitrary(), values =>
        {
            var image = new Image<double>(ImageGeometry.Create(5, 5, 1), values);
            var turned = new ImageBuilder<double>(ImageGeometry.Create(5, 5, 1));
            for (int y = 0; y < 5; y++)
            {
                for (int x = 0; x < 5; x++)
                {
                    turned[4 - y, x, 0] = image[x, y, 0];
                }
            }

            var settings = new LocalBinaryPattern2DSettings { Samples = 4, Method = LocalBinaryPatternMethod.RotationInvariant };
            var a = settings.Apply(image);
            var b = settings.Apply(turned.ToImage());
            for (int y = 1; y < 4; y++)
            {
                for (int x = 1; x < 4; x++)
                {
                    if (a[x, y, 0] != b[4 - y, x, 0])
                    {
                        return false;
                    }
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Slices_are_taken_across_the_chosen_dimension()
    {
        // The cross of Cross() laid in the x–z plane: with slices across y (dimension 1) the rows are z.
        var image = new ImageBuilder<double>(ImageGeometry.Create(3, 1, 3));
        image[1, 0, 1] = 5;
        image[2, 0, 1] = 6;
        image[1, 0, 0] = 4;
        image[0, 0, 1] = 7;
        image[1, 0, 2] = 5;
        var settings = new LocalBinaryPattern2DSettings { Samples = 4, Method = LocalBinaryPatternMethod.Default, SliceDimension = 1 };
        Assert.Equal(13, settings.Apply(image.ToImage())[1, 0, 1]);
        Assert.Equal("lbp-2D", settings.ImageTypeName());
    }

    [ScikitImageFact]
    public void Matches_scikit_image_on_every_method_radius_and_slice_dimension()
    {
        using var tmp = new TempDirectory();
        var size = new Size3(7, 6, 5);
        var image = new ImageBuilder<double>(ImageGeometry.Create(size.X, size.Y, size.Z));
        var random = new Random(16);
        for (int i = 0; i < image.VoxelCount; i++)
        {
            // Few grey levels, so that ties between a sample and its centre occur.
            image[i % size.X, i / size.X % size.Y, i / (size.X * size.Y)] = random.Next(0, 6) * 10;
        }

        string input = Path.Combine(tmp.Path, "input.csv"), output = Path.Combine(tmp.Path, "lbp.csv");
        File.WriteAllText(input, $"{size.Z},{size.Y},{size.X}\n" + string.Join(",", image.Voxels.ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "\n");
        ExternalTool.Run(PydicomFixture.Python, ScikitImageFactAttribute.Script!, input, output);
        int cases = 0;
        foreach (var line in File.ReadLines(output))
        {
            var parts = line.Split(',');
            var settings = new LocalBinaryPattern2DSettings
            {
                Method = parts[0] switch
                {
                    "default" => LocalBinaryPatternMethod.Default,
                    "ror" => LocalBinaryPatternMethod.RotationInvariant,
                    "uniform" => LocalBinaryPatternMethod.Uniform,
                    _ => LocalBinaryPatternMethod.Variance,
                },
                Samples = int.Parse(parts[1], CultureInfo.InvariantCulture),
                Radius = double.Parse(parts[2], CultureInfo.InvariantCulture),
                SliceDimension = int.Parse(parts[3], CultureInfo.InvariantCulture),
            };
            var expected = parts.Skip(4).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var actual = settings.Apply(image.ToImage()).Voxels.ToArray();
            Assert.Equal(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(
                    double.IsNaN(expected[i]) ? double.IsNaN(actual[i]) : Math.Abs(expected[i] - actual[i]) <= 1e-9 * Math.Max(1, Math.Abs(expected[i])),
                    $"{line[..line.IndexOf(',', line.IndexOf(',', line.IndexOf(',', line.IndexOf(',') + 1) + 1) + 1)]}: voxel {i} is {actual[i]}, scikit-image {expected[i]}");
            }

            cases++;
        }

        Assert.Equal(36, cases);
    }
}

/// <summary>A fact that needs scikit-image in Debian's python (python3-skimage); skipped with a message when it is absent.</summary>
public sealed class ScikitImageFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> SkipReason = new(() =>
    {
        if (Script is null || !File.Exists(PydicomFixture.Python))
        {
            return "Debian's /usr/bin/python3 or make_lbp2d_reference.py is missing; the scikit-image comparison is skipped.";
        }

        try
        {
            ExternalTool.Run(PydicomFixture.Python, "-c", "import skimage.feature");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "python3-skimage is not installed (apt-get install python3-skimage); the scikit-image comparison is skipped.";
        }
    });

    public ScikitImageFactAttribute()
    {
        if (SkipReason.Value is { } reason)
        {
            Skip = reason;
        }
    }

    public static string? Script => SharedData.RepositoryRoot is { } repo
        ? Path.Combine(repo, "tests", "Radiomics.Core.Tests", "Filters", "make_lbp2d_reference.py")
        : null;
}
