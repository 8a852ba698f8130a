using System.Globalization;
using Radiomics.Imaging;
using Radiomics.Processing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Radiomics.Features.PyRadiomics;

/// <summary>
/// Reads PyRadiomics params files (YAML or JSON, its sections <c>setting</c>, <c>imageType</c>, <c>featureClass</c> and
/// <c>voxelSetting</c>) onto <see cref="FeatureSettings"/> with <see cref="FeatureDefinitions.PyRadiomics"/> and a
/// <see cref="PyRadiomicsSettings"/>. Keys are PyRadiomics' own, case-sensitive; an unknown key or a value of the wrong
/// kind is a <see cref="SettingsException"/> naming the file, the line and the valid keys.
/// </summary>
public static class PyRadiomicsParamsFile
{
    /// <summary>The top-level sections of a params file.</summary>
    public static IReadOnlyList<string> Sections { get; } = ["setting", "imageType", "featureClass", "voxelSetting"];

    /// <summary>Every key of the <c>setting</c> section (and of an image type's overrides).</summary>
    public static IReadOnlyList<string> SettingKeys { get; } =
    [
        "minimumROIDimensions", "minimumROISize", "geometryTolerance", "correctMask", "additionalInfo", "label", "label_channel",
        "binWidth", "binCount", "normalize", "normalizeScale", "removeOutliers", "resampledPixelSpacing", "interpolator",
        "padDistance", "distances", "force2D", "force2Ddimension", "resegmentRange", "resegmentMode", "resegmentShape", "preCrop",
        "sigma", "start_level", "level", "wavelet", "gradientUseSpacing", "lbp2DRadius", "lbp2DSamples", "lbp2DMethod",
        "lbp3DLevels", "lbp3DIcosphereRadius", "lbp3DIcosphereSubdivision", "voxelArrayShift", "symmetricalGLCM", "weightingNorm",
        "gldm_a", "enableCExtensions",
    ];

    /// <summary>The keys of the <c>voxelSetting</c> section.</summary>
    public static IReadOnlyList<string> VoxelKeys { get; } = ["kernelRadius", "maskedKernel", "initValue", "voxelBatch"];

    private static readonly (string Name, Interpolator Value)[] Interpolators =
    [
        ("sitkNearestNeighbor", Interpolator.NearestNeighbour), ("sitkLinear", Interpolator.Linear), ("sitkBSpline", Interpolator.BSpline),
    ];

    private static readonly string[] UnsupportedInterpolators =
    [
        "sitkGaussian", "sitkLabelGaussian", "sitkHammingWindowedSinc", "sitkCosineWindowedSinc", "sitkWelchWindowedSinc",
        "sitkLanczosWindowedSinc", "sitkBlackmanWindowedSinc", "sitkBSplineResamplerOrder3", "sitkBSplineResampler",
    ];

    /// <summary>Whether YAML/JSON text looks like a PyRadiomics params file: a mapping whose keys are among its sections.</summary>
    public static bool IsParamsFile(string text)
    {
        try
        {
            var root = Root(text, "settings");
            return root is YamlMappingNode map && map.Children.Count > 0
                && map.Children.Keys.All(k => k is YamlScalarNode s && Sections.Contains(s.Value));
        }
        catch (SettingsException)
        {
            return false;
        }
    }

    public static FeatureSettings Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses a params file onto feature settings in the <c>pyradiomics</c> flavour.</summary>
    /// <exception cref="SettingsException">Malformed YAML/JSON, an unknown key, or a value PyRadiomics would refuse (naming the line).</exception>
    public static FeatureSettings Parse(string text, string source = "params file")
    {
        var py = ParseSettings(text, source);
        return new FeatureSettings
        {
            Definitions = FeatureDefinitions.PyRadiomics,
            PyRadiomics = py,
            Discretisation = py.BinCount is { } count
                ? DiscretisationSettings.FixedBinNumber(count)
                : DiscretisationSettings.FixedBinSize(py.BinWidth),
        };
    }

    /// <summary>Parses only the PyRadiomics record.</summary>
    public static PyRadiomicsSettings ParseSettings(string text, string source = "params file")
    {
        ArgumentNullException.ThrowIfNull(text);
        var root = Root(text, source);
        if (root is null)
        {
            return new PyRadiomicsSettings();
        }

        if (root is not YamlMappingNode map)
        {
            throw Error(source, root, $"A params file is a mapping of the sections {string.Join(", ", Sections)}.");
        }

        var s = new PyRadiomicsSettings();
        YamlNode? imageTypes = null, featureClasses = null;
        foreach (var (keyNode, value) in map.Children)
        {
            var key = Key(source, keyNode, Sections, "section");
            switch (key)
            {
                case "setting":
                    s = ApplySettings(s, value, source);
                    break;
                case "voxelSetting":
                    s = s with { Voxel = ParseVoxel(value, source) };
                    break;
                case "imageType":
                    imageTypes = value;
                    break;
                case "featureClass":
                    featureClasses = value;
                    break;
            }
        }

        // Image types apply their overrides on top of the global settings, whatever the order of the sections.
        if (imageTypes is not null)
        {
            s = s with { ImageTypes = ParseImageTypes(imageTypes, s, source) };
        }

        if (featureClasses is not null)
        {
            s = s with { FeatureClasses = ParseClasses(featureClasses, source) };
        }

        Validate(s, source, root);
        return s;
    }

    /// <summary>Writes settings as a PyRadiomics params file (YAML) that <see cref="Parse"/> reads back to the same record.</summary>
    public static string ToYaml(PyRadiomicsSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var w = new System.Text.StringBuilder();
        var d = new PyRadiomicsSettings();
        w.AppendLine("setting:");
        void Line(string key, string value) => w.Append("  ").Append(key).Append(": ").AppendLine(value);
        Line("binWidth", N(s.BinWidth));
        if (s.BinCount is { } bc)
        {
            Line("binCount", bc.ToString(CultureInfo.InvariantCulture));
        }

        Line("label", s.Label.ToString(CultureInfo.InvariantCulture));
        Line("interpolator", s.Interpolator is { } ip ? Interpolators.First(i => i.Value == ip).Name : "null");
        Line("resampledPixelSpacing", s.ResampledPixelSpacing is { } sp ? $"[{N(sp.X)}, {N(sp.Y)}, {N(sp.Z)}]" : "null");
        Line("padDistance", s.PadDistance.ToString(CultureInfo.InvariantCulture));
        Line("preCrop", B(s.PreCrop));
        Line("normalize", B(s.Normalize));
        Line("normalizeScale", N(s.NormalizeScale));
        Line("removeOutliers", s.RemoveOutliers is { } ro ? N(ro) : "null");
        Line("resegmentRange", s.ResegmentRange is { } rr ? $"[{string.Join(", ", rr.Select(N))}]" : "null");
        Line("resegmentMode", s.ResegmentMode.ToString().ToLowerInvariant());
        Line("resegmentShape", B(s.ResegmentShape));
        Line("force2D", B(s.Force2D));
        Line("force2Ddimension", s.Force2DDimension.ToString(CultureInfo.InvariantCulture));
        Line("distances", $"[{string.Join(", ", s.Distances)}]");
        Line("symmetricalGLCM", B(s.SymmetricalGlcm));
        Line("weightingNorm", s.WeightingNorm is { } wn ? WeightingName(wn) : "null");
        Line("gldm_a", N(s.GldmA));
        Line("voxelArrayShift", N(s.VoxelArrayShift));
        Line("minimumROIDimensions", s.MinimumRoiDimensions.ToString(CultureInfo.InvariantCulture));
        Line("minimumROISize", s.MinimumRoiSize is { } mr ? mr.ToString(CultureInfo.InvariantCulture) : "null");
        Line("correctMask", B(s.CorrectMask));
        Line("geometryTolerance", s.GeometryTolerance is { } gt ? N(gt) : "null");
        Line("additionalInfo", B(s.AdditionalInfo));
        w.AppendLine("imageType:");
        foreach (var t in s.ImageTypes)
        {
            var o = t.Settings ?? s;
            var opts = t.Kind switch
            {
                PyRadiomicsImageKind.LoG => $"{{sigma: [{string.Join(", ", o.Sigma.Select(N))}]}}",
                PyRadiomicsImageKind.Wavelet => $"{{wavelet: {o.Wavelet}, level: {o.Level}, start_level: {o.StartLevel}}}",
                _ => "{}",
            };
            w.Append("  ").Append(t.Kind).Append(": ").AppendLine(opts);
        }

        w.AppendLine("featureClass:");
        foreach (var c in s.FeatureClasses)
        {
            w.Append("  ").Append(c.Name).Append(": ").AppendLine(c.Features.Count == 0 ? "" : $"[{string.Join(", ", c.Features)}]");
        }

        return w.ToString();

        static string B(bool b) => b ? "true" : "false";
    }

    private static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string WeightingName(PyRadiomicsWeightingNorm n) => n switch
    {
        PyRadiomicsWeightingNorm.NoWeighting => "no_weighting",
        _ => n.ToString().ToLowerInvariant(),
    };

    private static YamlNode? Root(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new SettingsException(source, (int)e.Start.Line, e.Message, e);
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" } ? null : stream.Documents[0].RootNode;
    }

    private static PyRadiomicsSettings ApplySettings(PyRadiomicsSettings s, YamlNode node, string source)
    {
        if (IsNull(node))
        {
            return s;
        }

        if (node is not YamlMappingNode map)
        {
            throw Error(source, node, "'setting' is a mapping of setting names to values.");
        }

        foreach (var (keyNode, v) in map.Children)
        {
            s = Apply(s, Key(source, keyNode, SettingKeys, "setting"), v, source);
        }

        return s;
    }

    private static PyRadiomicsSettings Apply(PyRadiomicsSettings s, string key, YamlNode v, string source) => key switch
    {
        "minimumROIDimensions" => s with { MinimumRoiDimensions = Int(v, source, key, 1, 3) },
        "minimumROISize" => s with { MinimumRoiSize = IsNull(v) ? null : Int(v, source, key, 1) },
        "geometryTolerance" => s with { GeometryTolerance = IsNull(v) ? null : Num(v, source, key, 0) },
        "correctMask" => s with { CorrectMask = Bool(v, source, key) },
        "additionalInfo" => s with { AdditionalInfo = Bool(v, source, key) },
        "label" => s with { Label = Int(v, source, key, 1) },
        "label_channel" => s with { LabelChannel = Int(v, source, key, 0) },
        "binWidth" => s with { BinWidth = PositiveNum(v, source, key) },
        "binCount" => s with { BinCount = IsNull(v) ? null : Int(v, source, key, 1) },
        "normalize" => s with { Normalize = Bool(v, source, key) },
        "normalizeScale" => s with { NormalizeScale = PositiveNum(v, source, key) },
        "removeOutliers" => s with { RemoveOutliers = IsNull(v) ? null : PositiveNum(v, source, key) },
        "resampledPixelSpacing" => s with { ResampledPixelSpacing = IsNull(v) ? null : Spacing(v, source) },
        "interpolator" => s with { Interpolator = IsNull(v) ? null : Interp(v, source) },
        "padDistance" => s with { PadDistance = Int(v, source, key, 0) },
        "distances" => s with { Distances = IntList(v, source, key, 1) },
        "force2D" => s with { Force2D = Bool(v, source, key) },
        "force2Ddimension" => s with { Force2DDimension = Int(v, source, key, 0, 2) },
        "resegmentRange" => s with { ResegmentRange = IsNull(v) ? null : Range(v, source) },
        "resegmentMode" => s with { ResegmentMode = Enum(v, source, key, [("absolute", PyRadiomicsResegmentMode.Absolute), ("relative", PyRadiomicsResegmentMode.Relative), ("sigma", PyRadiomicsResegmentMode.Sigma)]) },
        "resegmentShape" => s with { ResegmentShape = Bool(v, source, key) },
        "preCrop" => s with { PreCrop = Bool(v, source, key) },
        "sigma" => s with { Sigma = NumList(v, source, key).Select(x => x > 0 && x <= MaximumSigma ? x : throw Error(source, v, $"'sigma' values are LoG widths in mm, greater than 0 and at most {MaximumSigma}; got {x}.")).ToList() },
        "start_level" => s with { StartLevel = Int(v, source, key, 0) },
        "level" => s with { Level = Int(v, source, key, 1) },
        "wavelet" => s with { Wavelet = Str(v, source, key) },
        "gradientUseSpacing" => s with { GradientUseSpacing = Bool(v, source, key) },
        "lbp2DRadius" => s with { Lbp2DRadius = PositiveNum(v, source, key) },
        "lbp2DSamples" => s with { Lbp2DSamples = Int(v, source, key, 1) },
        "lbp2DMethod" => s with { Lbp2DMethod = Enum(v, source, key, [("default", "default"), ("ror", "ror"), ("uniform", "uniform"), ("var", "var")]) },
        "lbp3DLevels" => s with { Lbp3DLevels = Int(v, source, key, 1) },
        "lbp3DIcosphereRadius" => s with { Lbp3DIcosphereRadius = PositiveNum(v, source, key) },
        "lbp3DIcosphereSubdivision" => s with { Lbp3DIcosphereSubdivision = Int(v, source, key, 0) },
        "voxelArrayShift" => s with { VoxelArrayShift = Num(v, source, key) },
        "symmetricalGLCM" => s with { SymmetricalGlcm = Bool(v, source, key) },
        "weightingNorm" => s with
        {
            WeightingNorm = IsNull(v) ? null : Enum(v, source, key, [("infinity", PyRadiomicsWeightingNorm.Infinity), ("euclidean", PyRadiomicsWeightingNorm.Euclidean), ("manhattan", PyRadiomicsWeightingNorm.Manhattan), ("no_weighting", PyRadiomicsWeightingNorm.NoWeighting)]),
        },
        "gldm_a" => s with { GldmA = Int(v, source, key, 0) },
        "enableCExtensions" => s with { EnableCExtensions = Bool(v, source, key) },
        _ => throw Error(source, v, $"Unknown setting '{key}'."),
    };

    /// <summary>Largest LoG sigma accepted, mm (PyRadiomics uses 0.5 to 5; a wider kernel than any body only costs time).</summary>
    private const double MaximumSigma = 500;

    private static PyRadiomicsVoxelSettings ParseVoxel(YamlNode node, string source)
    {
        var voxel = new PyRadiomicsVoxelSettings();
        if (IsNull(node))
        {
            return voxel;
        }

        if (node is not YamlMappingNode map)
        {
            throw Error(source, node, "'voxelSetting' is a mapping.");
        }

        foreach (var (keyNode, v) in map.Children)
        {
            var key = Key(source, keyNode, VoxelKeys, "voxel setting");
            voxel = key switch
            {
                "kernelRadius" => voxel with { KernelRadius = Int(v, source, key, 1) },
                "maskedKernel" => voxel with { MaskedKernel = Bool(v, source, key) },
                "initValue" => voxel with { InitValue = Num(v, source, key) },
                _ => voxel with { VoxelBatch = Int(v, source, key, -1) },
            };
        }

        return voxel;
    }

    private static List<PyRadiomicsImageType> ParseImageTypes(YamlNode node, PyRadiomicsSettings global, string source)
    {
        if (node is not YamlMappingNode map || map.Children.Count == 0)
        {
            throw Error(source, node, $"'imageType' maps at least one image type to its options ({string.Join(", ", System.Enum.GetNames<PyRadiomicsImageKind>())}), e.g. 'Original: {{}}'.");
        }

        var list = new List<PyRadiomicsImageType>();
        foreach (var (keyNode, v) in map.Children)
        {
            var name = Key(source, keyNode, System.Enum.GetNames<PyRadiomicsImageKind>(), "image type");
            var kind = System.Enum.Parse<PyRadiomicsImageKind>(name);
            PyRadiomicsSettings? own = null;
            if (v is YamlMappingNode options && options.Children.Count > 0)
            {
                own = global;
                foreach (var (optionKey, optionValue) in options.Children)
                {
                    own = Apply(own, Key(source, optionKey, SettingKeys, $"setting of image type {name}"), optionValue, source);
                }
            }
            else if (!IsNull(v) && v is not YamlMappingNode)
            {
                throw Error(source, v, $"The options of image type {name} are a mapping (use {{}} for none).");
            }

            list.Add(new PyRadiomicsImageType(kind, own));
        }

        return list;
    }

    private static List<PyRadiomicsFeatureClass> ParseClasses(YamlNode node, string source)
    {
        if (node is not YamlMappingNode map || map.Children.Count == 0)
        {
            throw Error(source, node, $"'featureClass' maps at least one feature class ({string.Join(", ", PyRadiomicsNames.Classes)}) to its features (empty: all).");
        }

        var list = new List<PyRadiomicsFeatureClass>();
        foreach (var (keyNode, v) in map.Children)
        {
            var name = Key(source, keyNode, PyRadiomicsNames.Classes, "feature class");
            IReadOnlyList<string> features = IsNull(v) ? [] : v switch
            {
                YamlSequenceNode seq => [.. seq.Children.Select(c => c is YamlScalarNode sc && sc.Value is { } text ? text : throw Error(source, c, $"The features of class {name} are names."))],
                _ => throw Error(source, v, $"The features of class {name} are a list of names (or empty for all)."),
            };
            foreach (var feature in features)
            {
                if (!PyRadiomicsCatalogue.Features(name).Contains(feature))
                {
                    var at = ((YamlSequenceNode)v).Children.First(c => ((YamlScalarNode)c).Value == feature);
                    throw Error(source, at, $"Feature class {name} has no feature '{feature}'; valid: {string.Join(", ", PyRadiomicsCatalogue.Features(name))}.");
                }
            }

            list.Add(new PyRadiomicsFeatureClass(name, features));
        }

        return list;
    }

    private static void Validate(PyRadiomicsSettings s, string source, YamlNode root)
    {
        if (s.FeatureClasses.Any(c => c.Name == "shape2D") && !s.Force2D)
        {
            throw Error(source, root, "Feature class shape2D needs 'force2D: true' in 'setting'.");
        }

        if (s.ResegmentRange is { Count: < 1 or > 2 })
        {
            throw Error(source, root, "'resegmentRange' holds one or two thresholds.");
        }
    }

    private static string Key(string source, YamlNode node, IReadOnlyList<string> valid, string what)
    {
        if (node is YamlScalarNode { Value: { } key } && valid.Contains(key))
        {
            return key;
        }

        var text = node is YamlScalarNode sc ? sc.Value : node.ToString();
        var close = valid.FirstOrDefault(k => string.Equals(k, text, StringComparison.OrdinalIgnoreCase));
        var hint = close is null ? "" : $" (did you mean '{close}'?)";
        throw Error(source, node, $"Unknown {what} '{text}'{hint}; valid keys: {string.Join(", ", valid)}.");
    }

    private static SettingsException Error(string source, YamlNode node, string problem) =>
        new(source, (int)node.Start.Line, problem);

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "null" or "~" or "None" or "Null" or "NULL" };

    private static string Str(YamlNode v, string source, string key) =>
        v is YamlScalarNode { Value: { Length: > 0 } text } ? text : throw Error(source, v, $"'{key}' is a name.");

    private static double Num(YamlNode v, string source, string key, double? min = null)
    {
        if (v is YamlScalarNode { Value: { } text } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            && (min is null || d >= min))
        {
            return d;
        }

        if (v is YamlScalarNode { Value: "nan" or "NaN" or ".nan" })
        {
            return double.NaN;
        }

        throw Error(source, v, $"'{key}' is a number{(min is null ? "" : $" of at least {min}")}.");
    }

    private static double PositiveNum(YamlNode v, string source, string key)
    {
        var d = Num(v, source, key);
        return d > 0 ? d : throw Error(source, v, $"'{key}' must be greater than 0.");
    }

    private static int Int(YamlNode v, string source, string key, int min, int max = int.MaxValue)
    {
        if (v is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= min && i <= max)
        {
            return i;
        }

        throw Error(source, v, max == int.MaxValue ? $"'{key}' is a whole number of at least {min}." : $"'{key}' is a whole number from {min} to {max}.");
    }

    private static bool Bool(YamlNode v, string source, string key) => v is YamlScalarNode { Value: { } text }
        ? text.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw Error(source, v, $"'{key}' is true or false."),
        }
        : throw Error(source, v, $"'{key}' is true or false.");

    private static T Enum<T>(YamlNode v, string source, string key, (string Name, T Value)[] names)
    {
        if (v is YamlScalarNode { Value: { } text })
        {
            foreach (var (name, value) in names)
            {
                if (name == text)
                {
                    return value;
                }
            }
        }

        throw Error(source, v, $"'{key}' is one of: {string.Join(", ", names.Select(n => n.Name))}.");
    }

    private static Interpolator Interp(YamlNode v, string source)
    {
        if (v is YamlScalarNode { Value: { } text })
        {
            foreach (var (name, value) in Interpolators)
            {
                if (name == text)
                {
                    return value;
                }
            }

            if (UnsupportedInterpolators.Contains(text))
            {
                throw Error(source, v, $"The interpolator '{text}' is not available in the toolkit; use one of: {string.Join(", ", Interpolators.Select(i => i.Name))}.");
            }
        }

        throw Error(source, v, $"'interpolator' is one of: {string.Join(", ", Interpolators.Select(i => i.Name))}.");
    }

    private static List<double> NumList(YamlNode v, string source, string key) => v switch
    {
        YamlSequenceNode seq => [.. seq.Children.Select(c => Num(c, source, key))],
        YamlScalarNode => [Num(v, source, key)],
        _ => throw Error(source, v, $"'{key}' is a list of numbers."),
    };

    private static List<int> IntList(YamlNode v, string source, string key, int min) => v switch
    {
        YamlSequenceNode { Children.Count: > 0 } seq => [.. seq.Children.Select(c => Int(c, source, key, min))],
        _ => throw Error(source, v, $"'{key}' is a list of whole numbers of at least {min}."),
    };

    private static Vec3 Spacing(YamlNode v, string source)
    {
        var list = NumList(v, source, "resampledPixelSpacing");
        if (list.Count != 3 || list.Any(x => x != 0 && !Processing.ResamplingSettings.InRange(x)))
        {
            throw Error(source, v, $"'resampledPixelSpacing' is three spacings [x, y, z], each from {Processing.ResamplingSettings.MinimumSpacing} to {Processing.ResamplingSettings.MaximumSpacing} mm or 0 (keeps an axis).");
        }

        return new Vec3(list[0], list[1], list[2]);
    }

    private static List<double> Range(YamlNode v, string source)
    {
        var list = NumList(v, source, "resegmentRange");
        return list.Count is 1 or 2 ? list : throw Error(source, v, "'resegmentRange' holds one or two thresholds.");
    }
}
