using System.Globalization;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Processing;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Radiomics.Features;

/// <summary>
/// <see cref="FeatureSettings"/> as YAML (snake_case keys, e.g. <c>resampling: {spacing: [2, 2, 2], interpolator: linear}</c>),
/// both ways. Unknown keys are errors, so a typo never silently falls back to a default.
/// </summary>
public static partial class FeatureSettingsYaml
{
    private static readonly IYamlTypeConverter[] Converters =
    [
        new Vec3Converter(),
        new FamiliesConverter(),
        new AggregationListConverter(),
        new ImageTypeListConverter(),
        new VoxelFeatureSettingsConverter(),
        new ScalarConverter<Interpolator>(
            [(Interpolator.NearestNeighbour, "nearest"), (Interpolator.Linear, "linear"), (Interpolator.BSpline, "bspline")]),
        new ScalarConverter<DiscretisationMethod>(
            [(DiscretisationMethod.None, "none"), (DiscretisationMethod.FixedBinNumber, "fixed_bin_number"), (DiscretisationMethod.FixedBinSize, "fixed_bin_size")]),
        new ScalarConverter<FeatureDimensionality>([(FeatureDimensionality.ThreeD, "3D"), (FeatureDimensionality.TwoD, "2D")]),
        new ScalarConverter<FeatureDefinitions>([(FeatureDefinitions.Ibsi, "ibsi"), (FeatureDefinitions.PyRadiomics, "pyradiomics")]),
        new ScalarConverter<Processing.Normalisation.NormalisationMethod>(
            [(Processing.Normalisation.NormalisationMethod.None, "none"), (Processing.Normalisation.NormalisationMethod.ZScore, "z_score"),
             (Processing.Normalisation.NormalisationMethod.Percentile, "percentile"), (Processing.Normalisation.NormalisationMethod.Nyul, "nyul")]),
        new ScalarConverter<Processing.Normalisation.NormalisationRegion>(
            [(Processing.Normalisation.NormalisationRegion.Foreground, "foreground"), (Processing.Normalisation.NormalisationRegion.Roi, "roi"),
             (Processing.Normalisation.NormalisationRegion.Reference, "reference"), (Processing.Normalisation.NormalisationRegion.Image, "image")]),
    ];

    private static readonly ISerializer Serializer = Converters
        .Aggregate(new SerializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance), (b, c) => b.WithTypeConverter(c))
        .WithTypeInspector(inner => new SettableOnly(inner))
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.Preserve)
        .Build();

    private static readonly IDeserializer Deserializer = Converters
        .Aggregate(new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance), (b, c) => b.WithTypeConverter(c))
        .WithDuplicateKeyChecking()
        .Build();

    public static string ToYaml(FeatureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Serializer.Serialize(settings);
    }

    /// <summary>Parses settings; keys left out keep their defaults. The result is validated.</summary>
    /// <exception cref="SettingsException">The YAML is malformed, has an unknown key or value, or describes settings that cannot work (naming <paramref name="source"/> and the line).</exception>
    public static FeatureSettings FromYaml(string yaml, string source = "settings")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        FeatureSettings? settings;
        try
        {
            settings = Deserializer.Deserialize<FeatureSettings?>(yaml);
        }
        catch (YamlException e)
        {
            var inner = e.InnerException is { } i and not YamlException ? $": {i.Message}" : "";
            throw new SettingsException(source, (int)e.Start.Line, UnknownKey(e.Message) ?? $"{e.Message}{inner}", e);
        }

        settings ??= new FeatureSettings();
        try
        {
            settings.Validate();
        }
        catch (ArgumentException e)
        {
            throw new SettingsException(source, null, e.Message, e);
        }

        return settings;
    }

    /// <summary>YamlDotNet's "Property 'x' not found on type 'T'" in plain words, with the keys that are valid there.</summary>
    private static string? UnknownKey(string message)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message, "^Property '(?<key>[^']+)' not found on type '(?<type>[^']+)'", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        if (!m.Success || typeof(FeatureSettings).Assembly.GetType(m.Groups["type"].Value) is not { } type)
        {
            return null;
        }

        var keys = type.GetProperties().Where(p => p.CanWrite).Select(p => UnderscoredNamingConvention.Instance.Apply(p.Name)).Order(StringComparer.Ordinal);
        return $"unknown key '{m.Groups["key"].Value}'; valid keys here: {string.Join(", ", keys)}.";
    }

    /// <summary>
    /// Reads a settings file: the toolkit's YAML, or a PyRadiomics params file (YAML or JSON), told apart by its keys
    /// (only <c>setting</c>, <c>imageType</c>, <c>featureClass</c> and <c>voxelSetting</c> ⇒ PyRadiomics, read by
    /// <see cref="PyRadiomics.PyRadiomicsParamsFile"/>).
    /// </summary>
    /// <exception cref="SettingsException">The file is malformed or holds an unknown key or a bad value (naming the line).</exception>
    public static FeatureSettings Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var text = File.ReadAllText(path);
        return PyRadiomics.PyRadiomicsParamsFile.IsParamsFile(text)
            ? PyRadiomics.PyRadiomicsParamsFile.Parse(text, path)
            : FromYaml(text, path);
    }

    /// <summary>Writes the settings (atomically) with a comment naming the toolkit version.</summary>
    public static void Save(FeatureSettings settings, string path, string? comment = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var version = typeof(FeatureSettings).Assembly.GetName().Version?.ToString(3) ?? "unknown";
        var header = $"# Radiomics toolkit {version} feature settings" + (comment is null ? "" : $": {comment}") + "\n";
        var body = settings.Definitions == FeatureDefinitions.PyRadiomics
            ? "# pyradiomics flavour: a PyRadiomics params file\n" + PyRadiomics.PyRadiomicsParamsFile.ToYaml(settings.PyRadiomics ?? new PyRadiomics.PyRadiomicsSettings())
            : ToYaml(settings);
        AtomicFile.WriteAllText(path, header + body);
    }

    private static string ReadScalar(IParser parser) => parser.Consume<Scalar>().Value;

    private static void Flow(IEmitter emitter, IEnumerable<string> items, ScalarStyle style = ScalarStyle.Plain)
    {
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow));
        foreach (var item in items)
        {
            emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, item, style, true, style != ScalarStyle.Plain));
        }

        emitter.Emit(new SequenceEnd());
    }

    private static List<string> ReadSequence(IParser parser)
    {
        var items = new List<string>();
        if (parser.TryConsume<Scalar>(out var single))
        {
            // A single value is accepted where a list is expected ("families: all").
            items.Add(single.Value);
            return items;
        }

        parser.Consume<SequenceStart>();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            items.Add(ReadScalar(parser));
        }

        return items;
    }

    /// <summary>Only properties that YAML can set again are written (computed ones such as <c>IsNone</c> are not).</summary>
    private sealed class SettableOnly(ITypeInspector inner) : YamlDotNet.Serialization.TypeInspectors.TypeInspectorSkeleton
    {
        public override IEnumerable<IPropertyDescriptor> GetProperties(Type type, object? container) =>
            inner.GetProperties(type, container).Where(p => p.CanWrite && !(container is FeatureSettings { Habitats: null } && string.Equals(p.Name, "habitats", StringComparison.OrdinalIgnoreCase)));

        public override string GetEnumName(Type enumType, string name) => inner.GetEnumName(enumType, name);

        public override string GetEnumValue(object enumValue) => inner.GetEnumValue(enumValue);

        public override bool HasParseMethod(Type type) => inner.HasParseMethod(type);

        public override object? Parse(string value, Type type) => inner.Parse(value, type);
    }

    /// <summary>Vec3 as a flow sequence [x, y, z].</summary>
    private sealed class Vec3Converter : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type == typeof(Vec3);

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
        {
            var items = ReadSequence(parser);
            if (items.Count != 3)
            {
                throw new YamlException($"A spacing needs three numbers [x, y, z]; got {items.Count}.");
            }

            var v = items.Select(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? d : throw new YamlException($"'{s}' is not a number.")).ToArray();
            return new Vec3(v[0], v[1], v[2]);
        }

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer)
        {
            var v = (Vec3)value!;
            Flow(emitter, [N(v.X), N(v.Y), N(v.Z)]);
        }

        private static string N(double d) => d.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Feature families as a list of family keys.</summary>
    private sealed class FamiliesConverter : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type == typeof(FeatureFamilies);

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
        {
            try
            {
                return FeatureFamilyKeys.Parse(ReadSequence(parser));
            }
            catch (ArgumentException e)
            {
                throw new YamlException(e.Message);
            }
        }

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
            Flow(emitter, ((FeatureFamilies)value!).ToKeys());
    }

    /// <summary>Texture aggregation methods in IBSI wording ("3D, merged").</summary>
    private sealed class AggregationListConverter : IYamlTypeConverter
    {
        // Collection expressions give compiler-made list types, so any sequence of aggregations is accepted.
        // (The runtime lets int[] pass as a sequence of an int-based enum; integer arrays are not aggregations.)
        public bool Accepts(Type type) => typeof(IEnumerable<TextureAggregation>).IsAssignableFrom(type) && !(type.IsArray && type.GetElementType() != typeof(TextureAggregation));

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
        {
            var items = ReadSequence(parser);
            try
            {
                var list = items.Select(TextureAggregations.Parse).ToList();
                return type == typeof(TextureAggregation[]) ? list.ToArray() : list;
            }
            catch (ArgumentException e)
            {
                throw new YamlException(
                    $"{e.Message} Known: {string.Join("; ", Enum.GetValues<TextureAggregation>().Select(a => a.ToIbsiString()))}.");
            }
        }

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
            Flow(emitter, ((IEnumerable<TextureAggregation>)value!).Select(a => a.ToIbsiString()), ScalarStyle.DoubleQuoted);
    }

    /// <summary>
    /// The list of image types: a sequence of one-key maps (<c>- laplacian_of_gaussian: {sigma: 3}</c>), each read and
    /// written as an <see cref="Filters.ImageType"/>.
    /// </summary>
    private sealed class ImageTypeListConverter : IYamlTypeConverter
    {
        public bool Accepts(Type type) => typeof(IEnumerable<Filters.ImageType>).IsAssignableFrom(type);

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
        {
            parser.Consume<SequenceStart>();
            var list = new List<Filters.ImageType>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                var start = parser.Current?.Start ?? Mark.Empty;
                var item = (Filters.ImageType?)rootDeserializer(typeof(Filters.ImageType))
                    ?? throw new YamlException(start, start, "An image type entry is empty; name one filter, e.g. 'original: {}'.");
                try
                {
                    item.Settings().Validate();
                }
                catch (ArgumentException e)
                {
                    throw new YamlException(start, start, e.Message);
                }

                list.Add(item);
            }

            return type.IsArray ? list.ToArray() : list;
        }

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer)
        {
            emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
            foreach (var item in (IEnumerable<Filters.ImageType>)value!)
            {
                // Only the filter the entry names: "- laplacian_of_gaussian: {...}", not every unset alternative.
                var property = typeof(Filters.ImageType).GetProperties().First(p => p.PropertyType.IsSubclassOf(typeof(Filters.FilterSettings)) && p.GetValue(item) is not null);
                emitter.Emit(new MappingStart());
                emitter.Emit(new Scalar(UnderscoredNamingConvention.Instance.Apply(property.Name)));
                serializer(property.GetValue(item), property.PropertyType);
                emitter.Emit(new MappingEnd());
            }

            emitter.Emit(new SequenceEnd());
        }
    }

    /// <summary>An enum as fixed words.</summary>
    private sealed class ScalarConverter<T>((T Value, string Text)[] names) : IYamlTypeConverter where T : struct, Enum
    {
        public bool Accepts(Type type) => type == typeof(T);

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
        {
            var text = ReadScalar(parser);
            foreach (var (v, t) in names)
            {
                if (string.Equals(t, text.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return v;
                }
            }

            throw new YamlException($"'{text}' is not one of: {string.Join(", ", names.Select(n => n.Text))}.");
        }

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer)
        {
            var v = (T)value!;
            var text = Array.Find(names, n => EqualityComparer<T>.Default.Equals(n.Value, v)).Text ?? v.ToString();
            emitter.Emit(new Scalar(text));
        }
    }
}
