using System.Globalization;
using Radiomics.Processing;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Radiomics.Features;

public static partial class FeatureSettingsYaml
{
    /// <summary>
    /// The <c>habitats:</c> section (<see cref="VoxelFeatureSettings"/>), read key by key so that an unknown key, name
    /// or radius is an error at its own line naming the value.
    /// </summary>
    private sealed class VoxelFeatureSettingsConverter : IYamlTypeConverter
    {
        private static readonly string[] Keys = ["intensity", "local_statistics", "kernel", "radius", "radius_unit", "texture", "texture_radius", "texture_aggregation", "texture_distance", "image_types", "channels"];

        public bool Accepts(Type type) => type == typeof(VoxelFeatureSettings);

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
        {
            if (parser.TryConsume<Scalar>(out var empty))
            {
                return empty.Value is "" or "~" or "null" ? null : throw new YamlException(empty.Start, empty.End, $"habitats: '{empty.Value}' is not a section; give keys such as 'local_statistics: [mean]'.");
            }

            var start = parser.Consume<MappingStart>();
            var settings = new VoxelFeatureSettings();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = parser.Consume<Scalar>();
                settings = key.Value switch
                {
                    "intensity" => settings with { Intensity = Word(parser, "intensity", [(true, "true"), (false, "false")]) },
                    "local_statistics" => settings with { LocalStatistics = Names(parser, key.Value, VoxelFeatureSettings.StatisticNames, "local statistic") },
                    "kernel" => settings with { Kernel = Word(parser, "kernel", [(StructuringElementShape.Box, "box"), (StructuringElementShape.Ball, "ball")]) },
                    "radius" => settings with { Radius = Number(parser, "radius", 1e-9, 1000) },
                    "radius_unit" => settings with { RadiusUnit = Word(parser, "radius_unit", [(RadiusUnit.Voxels, "voxels"), (RadiusUnit.Millimetres, "mm")]) },
                    "texture" => settings with { Texture = Names(parser, key.Value, VoxelFeatureSettings.TextureFamilies, "local texture family") },
                    "texture_radius" => settings with { TextureRadius = (int)Number(parser, "texture_radius", 1, VoxelFeatureSettings.MaxTextureRadius, integer: true) },
                    "texture_aggregation" => settings with { TextureAggregation = Word(parser, "texture_aggregation", [.. Enum.GetValues<TextureAggregation>().Select(a => (a, a.ToIbsiString()))]) },
                    "texture_distance" => settings with { TextureDistance = (int)Number(parser, "texture_distance", 1, 2 * VoxelFeatureSettings.MaxTextureRadius, integer: true) },
                    "image_types" => settings with { ImageTypes = (List<Filters.ImageType>?)rootDeserializer(typeof(List<Filters.ImageType>)) ?? [] },
                    "channels" => settings with { Channels = ChannelSections(parser, rootDeserializer) },
                    _ => throw new YamlException(key.Start, key.End, $"unknown key '{key.Value}' in habitats; valid keys here: {string.Join(", ", Keys)}."),
                };
            }

            return settings.Problem() is { } problem ? throw new YamlException(start.Start, start.End, $"habitats: {problem}") : settings;
        }

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer)
        {
            var settings = (VoxelFeatureSettings)value!;
            emitter.Emit(new MappingStart());
            Pair(emitter, "intensity", settings.Intensity ? "true" : "false");
            emitter.Emit(new Scalar("local_statistics"));
            Flow(emitter, settings.LocalStatistics);
            Pair(emitter, "kernel", settings.Kernel == StructuringElementShape.Ball ? "ball" : "box");
            Pair(emitter, "radius", settings.Radius.ToString("R", CultureInfo.InvariantCulture));
            Pair(emitter, "radius_unit", settings.RadiusUnit == RadiusUnit.Millimetres ? "mm" : "voxels");
            emitter.Emit(new Scalar("texture"));
            Flow(emitter, settings.Texture);
            Pair(emitter, "texture_radius", settings.TextureRadius.ToString(CultureInfo.InvariantCulture));
            emitter.Emit(new Scalar("texture_aggregation"));
            emitter.Emit(new Scalar(null, null, settings.TextureAggregation.ToIbsiString(), ScalarStyle.DoubleQuoted, false, true));
            Pair(emitter, "texture_distance", settings.TextureDistance.ToString(CultureInfo.InvariantCulture));
            emitter.Emit(new Scalar("image_types"));
            if (settings.ImageTypes.Count == 0)
            {
                Flow(emitter, []);
            }
            else
            {
                serializer(settings.ImageTypes, typeof(IReadOnlyList<Filters.ImageType>));
            }

            if (settings.Channels is { Count: > 0 } channels)
            {
                emitter.Emit(new Scalar("channels"));
                emitter.Emit(new MappingStart());
                foreach (var (name, own) in channels)
                {
                    emitter.Emit(new Scalar(name));
                    serializer(own, typeof(VoxelFeatureSettings));
                }

                emitter.Emit(new MappingEnd());
            }

            emitter.Emit(new MappingEnd());
        }

        private static void Pair(IEmitter emitter, string key, string value)
        {
            emitter.Emit(new Scalar(key));
            emitter.Emit(new Scalar(value));
        }

        private static Dictionary<string, VoxelFeatureSettings> ChannelSections(IParser parser, ObjectDeserializer rootDeserializer)
        {
            parser.Consume<MappingStart>();
            var channels = new Dictionary<string, VoxelFeatureSettings>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var name = parser.Consume<Scalar>();
                if (name.Value.Length == 0 || !channels.TryAdd(name.Value, (VoxelFeatureSettings?)rootDeserializer(typeof(VoxelFeatureSettings)) ?? new VoxelFeatureSettings()))
                {
                    throw new YamlException(name.Start, name.End, $"habitats channels: channel '{name.Value}' is empty or given twice.");
                }
            }

            return channels;
        }

        private static List<string> Names(IParser parser, string key, IReadOnlyList<string> known, string what)
        {
            var start = parser.Current?.Start ?? Mark.Empty;
            var names = ReadSequence(parser).Select(n => n.Trim().ToLowerInvariant()).ToList();
            if (names.FirstOrDefault(n => !known.Contains(n, StringComparer.Ordinal)) is { } unknown)
            {
                throw new YamlException(start, start, $"habitats {key}: unknown {what} '{unknown}'; choose from {string.Join(", ", known)}.");
            }

            return names;
        }

        private static T Word<T>(IParser parser, string key, (T Value, string Text)[] words)
        {
            var scalar = parser.Consume<Scalar>();
            foreach (var (v, t) in words)
            {
                if (string.Equals(t, scalar.Value.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return v;
                }
            }

            throw new YamlException(scalar.Start, scalar.End, $"habitats {key}: '{scalar.Value}' is not one of: {string.Join(", ", words.Select(w => w.Text))}.");
        }

        private static double Number(IParser parser, string key, double min, double max, bool integer = false)
        {
            var scalar = parser.Consume<Scalar>();
            if (!double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value)
                || value < min || value > max || (integer && value != Math.Floor(value)))
            {
                string range = integer ? $"a whole number {min}..{max}" : $"a number above 0 and at most {max}";
                throw new YamlException(scalar.Start, scalar.End, $"habitats {key}: '{scalar.Value}' is not {range}.");
            }

            return value;
        }
    }
}
