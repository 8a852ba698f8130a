using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Radiomics.Imaging;
using Radiomics.Processing;

namespace Radiomics.Features.PyRadiomics;

/// <summary>
/// PyRadiomics' <c>diagnostics_*</c> columns (its <c>generalinfo.py</c>), with values from the toolkit's own code:
/// versions, the configuration, and per stage (<c>original</c>, <c>interpolated</c>, <c>resegmented</c>) the image's
/// and the mask's provenance. Tuples are written as Python writes them (<c>(0.78125, 0.78125, 6.5)</c>), x, y, z order.
/// </summary>
/// <remarks>
/// <c>Versions</c> name the toolkit and .NET (PyRadiomics lists itself, numpy, SimpleITK, PyWavelets and Python).
/// <c>Hash</c> is the SHA-1 of the voxel buffer in the file's pixel type, as SimpleITK's <c>Hash</c>; the mask's equals
/// PyRadiomics' when the mask is given as stored (<c>PyRadiomicsExtractor.Extract(Image, Image, …)</c>), otherwise it is
/// taken of the 8-bit label map.
/// <c>VolumeNum</c> counts 26-connected components of the ROI, as SimpleITK's fully connected component filter.
/// </remarks>
internal static class PyRadiomicsDiagnostics
{
    public static void Versions(List<KeyValuePair<string, string>> d)
    {
        d.Add(new("diagnostics_Versions_Toolkit", typeof(PyRadiomicsDiagnostics).Assembly.GetName().Version?.ToString(3) ?? "unknown"));
        d.Add(new("diagnostics_Versions_DotNet", Environment.Version.ToString()));
        d.Add(new("diagnostics_Versions_FeatureDefinitions", "pyradiomics"));
    }

    public static void Configuration(List<KeyValuePair<string, string>> d, PyRadiomicsSettings s)
    {
        var yaml = PyRadiomicsParamsFile.ToYaml(s).Split('\n');
        var settings = yaml.SkipWhile(l => l != "setting:").Skip(1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))
            .Select(l => l.Trim().Split(": ", 2)).Select(p => $"'{p[0]}': {PythonValue(p[1])}");
        d.Add(new("diagnostics_Configuration_Settings", "{" + string.Join(", ", settings) + "}"));
        var types = s.ImageTypes.Select(t => t.Kind switch
        {
            PyRadiomicsImageKind.LoG => $"'LoG': {{'sigma': [{string.Join(", ", (t.Settings ?? s).Sigma.Select(Float))}]}}",
            _ => $"'{t.Kind}': {{}}",
        });
        d.Add(new("diagnostics_Configuration_EnabledImageTypes", "{" + string.Join(", ", types) + "}"));
    }

    /// <summary>The image's provenance; the hash and dimensionality only for the original image.</summary>
    public static void Image(List<KeyValuePair<string, string>> d, string stage, Image image, Image<double> values)
    {
        var g = image.Geometry;
        if (stage == "original")
        {
            d.Add(new("diagnostics_Image-original_Hash", Hash(image)));
            d.Add(new("diagnostics_Image-original_Dimensionality", g.Size.Z > 1 ? "3D" : "2D"));
        }

        d.Add(new($"diagnostics_Image-{stage}_Spacing", Tuple(g.Spacing.X, g.Spacing.Y, g.Spacing.Z)));
        d.Add(new($"diagnostics_Image-{stage}_Size", $"({g.Size.X}, {g.Size.Y}, {g.Size.Z})"));
        var (min, max) = values.Range();
        d.Add(new($"diagnostics_Image-{stage}_Mean", Float(values.Sum() / values.VoxelCount)));
        d.Add(new($"diagnostics_Image-{stage}_Minimum", Float(min)));
        d.Add(new($"diagnostics_Image-{stage}_Maximum", Float(max)));
    }

    /// <summary>The ROI's provenance; its hash only for the original mask, the image statistics in the ROI when an image is given.</summary>
    public static void Mask(List<KeyValuePair<string, string>> d, string stage, LabelMap roi, Image? stored, Image<double>? image)
    {
        var g = roi.Geometry;
        if (stored is not null)
        {
            d.Add(new($"diagnostics_Mask-{stage}_Hash", Hash(stored)));
        }

        d.Add(new($"diagnostics_Mask-{stage}_Spacing", Tuple(g.Spacing.X, g.Spacing.Y, g.Spacing.Z)));
        d.Add(new($"diagnostics_Mask-{stage}_Size", $"({g.Size.X}, {g.Size.Y}, {g.Size.Z})"));
        if (roi.BoundingBox() is { } b)
        {
            d.Add(new($"diagnostics_Mask-{stage}_BoundingBox", $"({b.Min.X}, {b.Min.Y}, {b.Min.Z}, {b.Size.X}, {b.Size.Y}, {b.Size.Z})"));
        }

        var labels = roi.Voxels;
        double sx = 0, sy = 0, sz = 0, sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        long n = 0;
        var size = g.Size;
        for (int z = 0, i = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++, i++)
                {
                    if (labels[i] == 0)
                    {
                        continue;
                    }

                    n++;
                    sx += x;
                    sy += y;
                    sz += z;
                    if (image is not null)
                    {
                        double v = image.Voxels[i];
                        sum += v;
                        min = Math.Min(min, v);
                        max = Math.Max(max, v);
                    }
                }
            }
        }

        d.Add(new($"diagnostics_Mask-{stage}_VoxelNum", n.ToString(CultureInfo.InvariantCulture)));
        d.Add(new($"diagnostics_Mask-{stage}_VolumeNum", ConnectedComponents.Count(roi, Connectivity.Vertex).ToString(CultureInfo.InvariantCulture)));
        if (n == 0)
        {
            return;
        }

        var centre = new Vec3(sx / n, sy / n, sz / n);
        d.Add(new($"diagnostics_Mask-{stage}_CenterOfMassIndex", Tuple(centre.X, centre.Y, centre.Z)));
        var world = g.IndexToPhysical(centre);
        d.Add(new($"diagnostics_Mask-{stage}_CenterOfMass", Tuple(world.X, world.Y, world.Z)));
        if (image is not null)
        {
            d.Add(new($"diagnostics_Mask-{stage}_Mean", Float(sum / n)));
            d.Add(new($"diagnostics_Mask-{stage}_Minimum", Float(min)));
            d.Add(new($"diagnostics_Mask-{stage}_Maximum", Float(max)));
        }
    }

    /// <summary>SHA-1 (hex) of the voxel buffer in its stored pixel type, as SimpleITK's <c>Hash</c>.</summary>
    public static string Hash(Image image) => Convert.ToHexStringLower(SHA1.HashData(image switch
    {
        Image<byte> i => MemoryMarshal.AsBytes(i.Voxels),
        Image<sbyte> i => MemoryMarshal.AsBytes(i.Voxels),
        Image<short> i => MemoryMarshal.AsBytes(i.Voxels),
        Image<ushort> i => MemoryMarshal.AsBytes(i.Voxels),
        Image<int> i => MemoryMarshal.AsBytes(i.Voxels),
        Image<uint> i => MemoryMarshal.AsBytes(i.Voxels),
        Image<long> i => MemoryMarshal.AsBytes(i.Voxels),
        Image<ulong> i => MemoryMarshal.AsBytes(i.Voxels),
        Image<float> i => MemoryMarshal.AsBytes(i.Voxels),
        Image<double> i => MemoryMarshal.AsBytes(i.Voxels),
        _ => [],
    }));

    /// <summary>A number as Python's <c>repr</c> writes a float (<c>2.0</c>, <c>0.78125</c>, <c>1e-05</c>).</summary>
    public static string Float(double v)
    {
        if (double.IsNaN(v))
        {
            return "nan";
        }

        if (double.IsInfinity(v))
        {
            return v > 0 ? "inf" : "-inf";
        }

        var r = v.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
        return r.Contains('.', StringComparison.Ordinal) || r.Contains('e', StringComparison.Ordinal) ? r : r + ".0";
    }

    private static string Tuple(double x, double y, double z) => $"({Float(x)}, {Float(y)}, {Float(z)})";

    private static string PythonValue(string yaml) => yaml switch
    {
        "null" => "None",
        "true" => "True",
        "false" => "False",
        _ when double.TryParse(yaml, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && !yaml.Contains('.', StringComparison.Ordinal) && !yaml.Contains('e', StringComparison.OrdinalIgnoreCase) => yaml,
        _ when double.TryParse(yaml, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) => Float(f),
        _ when yaml.StartsWith('[') => yaml,
        _ => $"'{yaml}'",
    };
}
