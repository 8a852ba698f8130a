using System.Globalization;
using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.TestSupport;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Radiomics.Core.Tests.Features.Hostile;

/// <summary>
/// Hostile settings values, generated: every number of the toolkit's settings YAML (from the presets, so every section
/// is present) and of a PyRadiomics params file is replaced in turn by negative, zero, NaN, infinite, huge and
/// fractional values. Each file must either be refused with a <see cref="SettingsException"/> naming it, or extract
/// (on a small image) with at most a typed <see cref="RadiomicsException"/>; never an ArgumentException,
/// OverflowException or another untyped error from deep inside.
/// </summary>
public sealed class HostileSettingsTests(ITestOutputHelper output)
{
    private const string Source = "hostile-settings.yaml";

    /// <summary>Values every number is replaced with.</summary>
    private static readonly string[] HostileValues = ["-1", "0", ".nan", ".inf", "-.inf", "1e300", "2147483648", "0.5", "-2071986176"];

    private static readonly Lazy<(Image Image, LabelMap Mask)> Scan = new(() =>
    {
        var geometry = ImageGeometry.Create(14, 12, 8, new Vec3(1, 1.2, 2), Vec3.Zero);
        var image = new ImageBuilder<short>(geometry);
        var mask = new ImageBuilder<byte>(geometry);
        var random = new Random(19);
        for (int z = 0; z < 8; z++)
        {
            for (int y = 0; y < 12; y++)
            {
                for (int x = 0; x < 14; x++)
                {
                    image[x, y, z] = (short)(random.Next(-100, 300) + (10 * x));
                    mask[x, y, z] = (byte)((((x - 7) * (x - 7)) + ((y - 6) * (y - 6)) + ((z - 4) * (z - 4) * 2)) < 20 ? 1 : 0);
                }
            }
        }

        return ((Image)image.ToImage(), new LabelMap(mask.ToImage()));
    });

    public static TheoryData<string> Presets => new(FeaturePresets.Names);

    [Theory]
    [MemberData(nameof(Presets))]
    public void Every_number_of_a_preset_replaced_by_a_hostile_value_is_refused_by_name_or_extracts(string preset)
    {
        string yaml = FeatureSettingsYaml.ToYaml(FeaturePresets.Get(preset));
        var failures = new List<string>();
        int cases = 0;
        foreach (var (where, mutated) in Mutations(yaml))
        {
            cases++;
            if (Check(where, () => FeatureSettingsYaml.FromYaml(mutated, Source), s => FeatureExtractor.Extract(Scan.Value.Image, Scan.Value.Mask, s)) is { } failure)
            {
                failures.Add(failure);
            }
        }

        output.WriteLine($"{preset}: {cases} hostile settings files, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Every_number_of_a_pyradiomics_params_file_replaced_by_a_hostile_value_is_refused_by_name_or_extracts()
    {
        const string Params = """
            imageType:
              Original: {}
              LoG: {sigma: [1.0, 2.0]}
              Wavelet: {start_level: 0, level: 1}
              LBP2D: {lbp2DRadius: 1, lbp2DSamples: 8}
              Gradient: {}
            featureClass:
              firstorder: []
              glcm: []
              glrlm: []
              glszm: []
              gldm: []
              ngtdm: []
              shape: []
            setting:
              binWidth: 25
              label: 1
              resampledPixelSpacing: [2, 2, 2]
              padDistance: 5
              distances: [1]
              normalizeScale: 1
              removeOutliers: 3
              voxelArrayShift: 0
              gldm_a: 0
              minimumROIDimensions: 2
              minimumROISize: 1
              geometryTolerance: 0.0001
              resegmentRange: [-100, 400]
            """;
        var failures = new List<string>();
        int cases = 0;
        foreach (var (where, mutated) in Mutations(Params).Concat(Added(Params)))
        {
            cases++;
            if (Check(where, () => Radiomics.Features.PyRadiomics.PyRadiomicsParamsFile.Parse(mutated, Source), s => FeatureExtractor.Extract(Scan.Value.Image, Scan.Value.Mask, s)) is { } failure)
            {
                failures.Add(failure);
            }
        }

        output.WriteLine($"params: {cases} hostile params files, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Null when the outcome is acceptable, else what went wrong.</summary>
    private static string? Check(string where, Func<FeatureSettings> load, Action<FeatureSettings> extract)
    {
        FeatureSettings settings;
        try
        {
            settings = load();
        }
        catch (SettingsException e)
        {
            return e.Message.Contains(Source, StringComparison.Ordinal) ? null : $"{where}: refused without naming the file: {e.Message}";
        }
        catch (Exception e)
        {
            return $"{where}: loading threw {e.GetType().Name}: {e.Message}";
        }

        var run = Task.Run(() => extract(settings));
        try
        {
            if (!run.Wait(TimeSpan.FromSeconds(60)))
            {
                return $"{where}: accepted, and extraction did not finish within 60 s.";
            }
        }
        catch (AggregateException a) when (a.InnerException is RadiomicsException)
        {
            return null;
        }
        catch (AggregateException a)
        {
            var e = a.InnerException!;
            return $"{where}: accepted, then extraction threw {e.GetType().Name}: {e.Message} at {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}";
        }

        return null;
    }

    /// <summary>Every numeric scalar of the document, replaced in turn by each hostile value (path and the mutated text).</summary>
    private static IEnumerable<(string Where, string Yaml)> Mutations(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var numbers = new List<(string Path, YamlScalarNode Node)>();
        Collect(stream.Documents[0].RootNode, "", numbers);
        foreach (var (path, node) in numbers)
        {
            string original = node.Value!;
            foreach (string value in HostileValues)
            {
                node.Value = value;
                var writer = new StringWriter(CultureInfo.InvariantCulture);
                stream.Save(writer, assignAnchors: false);
                yield return ($"{path} = {value}", writer.ToString());
            }

            node.Value = original;
        }
    }

    /// <summary>Numeric settings a params file may add (voxel settings, the LBP 3D and image-type options), each with every hostile value.</summary>
    private static IEnumerable<(string Where, string Yaml)> Added(string yaml)
    {
        foreach (string key in new[] { "binCount", "lbp3DLevels", "lbp3DIcosphereRadius", "lbp3DIcosphereSubdivision", "force2Ddimension", "label_channel", "sigma" })
        {
            foreach (string value in HostileValues)
            {
                string v = key == "sigma" ? $"[{value}]" : value;
                yield return ($"setting.{key} = {value}", yaml.Replace("setting:\n", $"setting:\n  {key}: {v}\n", StringComparison.Ordinal));
            }
        }
    }

    private static void Collect(YamlNode node, string path, List<(string, YamlScalarNode)> numbers)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    Collect(value, path.Length == 0 ? ((YamlScalarNode)key).Value! : $"{path}.{((YamlScalarNode)key).Value}", numbers);
                }

                break;
            case YamlSequenceNode list:
                for (int i = 0; i < list.Children.Count; i++)
                {
                    Collect(list.Children[i], $"{path}[{i}]", numbers);
                }

                break;
            case YamlScalarNode scalar when double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                numbers.Add((path, scalar));
                break;
        }
    }
}
