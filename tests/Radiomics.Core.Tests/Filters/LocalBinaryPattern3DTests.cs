using FsCheck;
using FsCheck.Fluent;
using Radiomics.Filters;
using Radiomics.Imaging;

namespace Radiomics.Core.Tests.Filters;

/// <summary>PyRadiomics' LBP3D (spherical-harmonics LBP on an icosphere) as maps and as the flavour's ROI maps.</summary>
public class LocalBinaryPattern3DTests
{
    private static Image<double> Random(int seed, int n = 7)
    {
        var random = new Random(seed);
        var image = new ImageBuilder<double>(ImageGeometry.Create(n, n, n));
        for (int z = 0; z < n; z++)
        {
            for (int y = 0; y < n; y++)
            {
                for (int x = 0; x < n; x++)
                {
                    image[x, y, z] = random.NextDouble() * 100;
                }
            }
        }

        return image.ToImage();
    }

    [Fact]
    public void Icosphere_of_one_subdivision_has_42_unit_vertices_closed_under_the_axis_symmetries()
    {
        var vertices = LocalBinaryPattern3DSettings.Icosphere(1);
        Assert.Equal(42, vertices.Count);
        Assert.All(vertices, v => Assert.Equal(1, v.Norm, 12));
        bool Contains(Vec3 p) => vertices.Any(v => (v - p).Norm < 1e-12);
        Assert.All(vertices, v => Assert.True(Contains(new Vec3(v.Y, v.Z, v.X)) && Contains(new Vec3(-v.X, -v.Y, v.Z))));
    }

    /// <summary>
    /// m1 (the count of samples not below the centre) and the kurtosis depend only on the set of samples. A cyclic
    /// permutation of the axes and a half turn about an axis map the icosphere onto itself (a quarter turn does not),
    /// so they only permute a voxel's samples: the maps follow the image.
    /// </summary>
    [Fact]
    public void Count_and_kurtosis_maps_follow_the_icosphere_symmetries_of_the_image()
    {
        Prop.ForAll(Gen.Choose(0, 10000).ToArbitrary(), seed =>
        {
            var image = Random(seed);
            int n = image.Geometry.Size.X;
            var cyclic = new ImageBuilder<double>(image.Geometry);
            var halfTurn = new ImageBuilder<double>(image.Geometry);
            for (int z = 0; z < n; z++)
            {
                for (int y = 0; y < n; y++)
                {
                    for (int x = 0; x < n; x++)
                    {
                        cyclic[x, y, z] = image[y, z, x];
                        halfTurn[x, y, z] = image[n - 1 - x, n - 1 - y, z];
                    }
                }
            }

            foreach (var settings in new[] { new LocalBinaryPattern3DSettings { Level = 1 }, new LocalBinaryPattern3DSettings { Kurtosis = true } })
            {
                var a = settings.Apply(image);
                var b = settings.Apply(cyclic.ToImage());
                var c = settings.Apply(halfTurn.ToImage());
                for (int z = 2; z < n - 2; z++)
                {
                    for (int y = 2; y < n - 2; y++)
                    {
                        for (int x = 2; x < n - 2; x++)
                        {
                            if (Math.Abs(b[x, y, z] - a[y, z, x]) > 1e-9 || Math.Abs(c[x, y, z] - a[n - 1 - x, n - 1 - y, z]) > 1e-9)
                            {
                                return false;
                            }
                        }
                    }
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Roi_maps_equal_the_filter_maps_inside_the_roi_and_zero_outside()
    {
        var image = Random(3);
        var inside = new bool[image.VoxelCount];
        for (int i = 0; i < inside.Length; i += 3)
        {
            inside[i] = true;
        }

        var maps = LocalBinaryPattern3DSettings.RoiMaps(image.Voxels.ToArray(), image.Geometry.Size, inside, levels: 3, radius: 1, subdivision: 1);
        Assert.Equal(4, maps.Length);
        var expected = new[]
        {
            new LocalBinaryPattern3DSettings { Level = 1 }.Apply(image).Voxels.ToArray(),
            new LocalBinaryPattern3DSettings { Level = 2 }.Apply(image).Voxels.ToArray(),
            new LocalBinaryPattern3DSettings { Level = 3 }.Apply(image).Voxels.ToArray(),
            new LocalBinaryPattern3DSettings { Kurtosis = true }.Apply(image).Voxels.ToArray(),
        };
        for (int m = 0; m < 4; m++)
        {
            for (int i = 0; i < inside.Length; i++)
            {
                Assert.Equal(inside[i] ? expected[m][i] : 0, maps[m][i], 12);
            }
        }

        // Level 1 is √42 · (samples not below the centre) / 4π: a whole number of samples.
        double count = maps[0][0] * 4 * Math.PI / Math.Sqrt(42);
        Assert.Equal(Math.Round(count), count, 9);
    }

    /// <summary>
    /// PyRadiomics' arithmetic rebuilt with scipy (make_lbp3d_reference.py: map_coordinates order 3, sph_harm with
    /// PyRadiomics' arguments, scipy.stats.kurtosis) on a random 9³ image with an ROI away from the edge.
    /// </summary>
    [ScipyFact]
    public void Roi_maps_match_PyRadiomics_arithmetic_in_scipy()
    {
        using var tmp = new Radiomics.TestSupport.TempDirectory();
        var image = Random(16, 9);
        var inside = new bool[image.VoxelCount];
        var size = image.Geometry.Size;
        for (int z = 3; z < 6; z++)
        {
            for (int y = 2; y < 7; y++)
            {
                for (int x = 3; x < 7; x++)
                {
                    inside[x + (size.X * (y + (size.Y * z)))] = (x + y + z) % 4 != 0;
                }
            }
        }

        string input = Path.Combine(tmp.Path, "input.csv"), output = Path.Combine(tmp.Path, "lbp3d.csv");
        static string Line(IEnumerable<double> v) => string.Join(",", v.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        File.WriteAllText(input, $"{size.Z},{size.Y},{size.X}\n{Line(image.Voxels.ToArray())}\n{Line(inside.Select(b => b ? 1.0 : 0))}\n");
        Radiomics.Core.Tests.IO.Dicom.ExternalTool.Run(Radiomics.Core.Tests.IO.Dicom.PydicomFixture.Python, ScipyFactAttribute.Script!, input, output);
        var expected = File.ReadAllLines(output).Select(l => l.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var maps = LocalBinaryPattern3DSettings.RoiMaps(image.Voxels.ToArray(), size, inside, levels: 2, radius: 1, subdivision: 1);
        var roi = Enumerable.Range(0, inside.Length).Where(i => inside[i]).ToArray();
        Assert.Equal(3, expected.Length);
        for (int m = 0; m < 3; m++)
        {
            Assert.Equal(roi.Length, expected[m].Length);
            for (int k = 0; k < roi.Length; k++)
            {
                Assert.True(Math.Abs(expected[m][k] - maps[m][roi[k]]) <= 1e-9 * Math.Max(1, Math.Abs(expected[m][k])), $"map {m}, ROI voxel {k}: {maps[m][roi[k]]}, scipy {expected[m][k]}");
            }
        }
    }
}

/// <summary>A fact that needs scipy in Debian's python (python3-scipy); skipped with a message when it is absent.</summary>
public sealed class ScipyFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> SkipReason = new(() =>
    {
        if (Script is null || !File.Exists(Radiomics.Core.Tests.IO.Dicom.PydicomFixture.Python))
        {
            return "Debian's /usr/bin/python3 or make_lbp3d_reference.py is missing; the scipy comparison is skipped.";
        }

        try
        {
            Radiomics.Core.Tests.IO.Dicom.ExternalTool.Run(Radiomics.Core.Tests.IO.Dicom.PydicomFixture.Python, "-c", "import scipy.ndimage, scipy.special, scipy.stats");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "python3-scipy is not installed (apt-get install python3-scipy); the scipy comparison is skipped.";
        }
    });

    public ScipyFactAttribute()
    {
        if (SkipReason.Value is { } reason)
        {
            Skip = reason;
        }
    }

    public static string? Script => Radiomics.TestSupport.SharedData.RepositoryRoot is { } repo
        ? Path.Combine(repo, "tests", "Radiomics.Core.Tests", "Filters", "make_lbp3d_reference.py")
        : null;
}
