using System.Text.Json;
using System.Text.RegularExpressions;

namespace Radiomics.Plotting.Tests.Schema;

/// <summary>
/// Checks figure JSON against plotly.js's attribute schema (a trimmed <c>Plotly.PlotSchema.get()</c>, made by
/// tools/plotly/extract-schema.sh): every attribute must exist for its trace type or in the layout, frame or config,
/// and values must fit the attribute's value type and enumerated values. plotly.js silently ignores unknown
/// attributes, so without this check a misspelt attribute would just not take effect.
/// </summary>
internal sealed class PlotlySchema
{
    private static readonly Regex NumberedSubplot = new(@"^(xaxis|yaxis|scene)([2-9]|[1-9][0-9]+)$", RegexOptions.CultureInvariant);

    private readonly JsonElement _root;

    private readonly Dictionary<string, JsonElement> _traceLayoutAttributes = new(StringComparer.Ordinal);

    private PlotlySchema(JsonElement root)
    {
        _root = root;
        // Trace types add layout attributes of their own (barmode, boxmode, violinmode, ...).
        foreach (var trace in root.GetProperty("traces").EnumerateObject())
        {
            if (trace.Value.TryGetProperty("layoutAttributes", out var extra))
            {
                foreach (var a in extra.EnumerateObject())
                {
                    _traceLayoutAttributes[a.Name] = a.Value;
                }
            }
        }
    }

    public static PlotlySchema Load { get; } = new(JsonDocument.Parse(File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "Schema", "plotly-schema-subset.json"))).RootElement);

    public string PlotlyVersion => _root.GetProperty("plotlyVersion").GetString()!;

    public bool HasTraceType(string type) => _root.GetProperty("traces").TryGetProperty(type, out _);

    /// <summary>Every problem found in a figure's JSON, as "path: problem"; empty when the figure is valid.</summary>
    public List<string> Validate(string figureJson)
    {
        var problems = new List<string>();
        using var doc = JsonDocument.Parse(figureJson);
        var figure = doc.RootElement;
        foreach (var member in figure.EnumerateObject())
        {
            switch (member.Name)
            {
                case "data":
                    ValidateTraces(member.Value, "data", problems);
                    break;
                case "layout":
                    ValidateLayout(member.Value, "layout", problems);
                    break;
                case "frames":
                    ValidateFrames(member.Value, problems);
                    break;
                case "config":
                    ValidateObject(member.Value, _root.GetProperty("config"), "config", problems);
                    break;
                default:
                    problems.Add($"{member.Name}: not a plotly.js figure member");
                    break;
            }
        }

        return problems;
    }

    private void ValidateTraces(JsonElement data, string path, List<string> problems)
    {
        int i = 0;
        foreach (var trace in data.EnumerateArray())
        {
            string at = $"{path}[{i++}]";
            if (!trace.TryGetProperty("type", out var type) || !_root.GetProperty("traces").TryGetProperty(type.GetString()!, out var schema))
            {
                problems.Add($"{at}: missing or unknown trace type");
                continue;
            }

            var attributes = schema.GetProperty("attributes");
            foreach (var member in trace.EnumerateObject())
            {
                if (member.Name != "type")
                {
                    ValidateMember(member, attributes, at, problems);
                }
            }
        }
    }

    private void ValidateLayout(JsonElement layout, string path, List<string> problems)
    {
        var attributes = _root.GetProperty("layout").GetProperty("layoutAttributes");
        foreach (var member in layout.EnumerateObject())
        {
            var m = NumberedSubplot.Match(member.Name);
            if (m.Success)
            {
                ValidateValue(member.Value, attributes.GetProperty(m.Groups[1].Value), $"{path}.{member.Name}", problems);
            }
            else if (_traceLayoutAttributes.TryGetValue(member.Name, out var traceAttribute))
            {
                ValidateValue(member.Value, traceAttribute, $"{path}.{member.Name}", problems);
            }
            else
            {
                ValidateMember(member, attributes, path, problems);
            }
        }
    }

    private void ValidateFrames(JsonElement frames, List<string> problems)
    {
        var entry = _root.GetProperty("frames").GetProperty("items").GetProperty("frames_entry");
        int i = 0;
        foreach (var frame in frames.EnumerateArray())
        {
            string at = $"frames[{i++}]";
            foreach (var member in frame.EnumerateObject())
            {
                if (!entry.TryGetProperty(member.Name, out _))
                {
                    problems.Add($"{at}.{member.Name}: not a plotly.js frame attribute");
                }
                else if (member.Name == "data")
                {
                    ValidateTraces(member.Value, $"{at}.data", problems);
                }
                else if (member.Name == "layout")
                {
                    ValidateLayout(member.Value, $"{at}.layout", problems);
                }
            }
        }
    }

    private static void ValidateMember(JsonProperty member, JsonElement attributes, string path, List<string> problems)
    {
        string at = $"{path}.{member.Name}";
        if (!attributes.TryGetProperty(member.Name, out var attribute))
        {
            problems.Add($"{at}: no such plotly.js attribute");
            return;
        }

        ValidateValue(member.Value, attribute, at, problems);
    }

    private static void ValidateObject(JsonElement value, JsonElement attributes, string path, List<string> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: expected an object, got {value.ValueKind}");
            return;
        }

        foreach (var member in value.EnumerateObject())
        {
            ValidateMember(member, attributes, path, problems);
        }
    }

    private static void ValidateValue(JsonElement value, JsonElement attribute, string path, List<string> problems)
    {
        if (attribute.TryGetProperty("valType", out var valType))
        {
            ValidateLeaf(value, attribute, valType.GetString()!, path, problems);
            return;
        }

        if (attribute.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object)
        {
            // An array attribute such as layout.sliders: {items: {slider: {...}}}; each element is one such object.
            if (value.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{path}: expected an array, got {value.ValueKind}");
                return;
            }

            var element = items.EnumerateObject().First().Value;
            int i = 0;
            foreach (var item in value.EnumerateArray())
            {
                ValidateObject(item, element, $"{path}[{i++}]", problems);
            }

            return;
        }

        ValidateObject(value, attribute, path, problems);
    }

    private static void ValidateLeaf(JsonElement value, JsonElement attribute, string valType, string path, List<string> problems)
    {
        bool arrayOk = attribute.TryGetProperty("arrayOk", out var a) && a.GetBoolean();
        if (arrayOk && value.ValueKind == JsonValueKind.Array && valType != "data_array" && valType != "info_array")
        {
            int i = 0;
            foreach (var item in value.EnumerateArray())
            {
                ValidateLeaf(item, attribute, valType, $"{path}[{i++}]", problems);
            }

            return;
        }

        if (value.ValueKind == JsonValueKind.Null && valType is "number" or "integer" or "data_array")
        {
            return;
        }

        string? problem = valType switch
        {
            "data_array" => value.ValueKind == JsonValueKind.Array ? null : "expected a data array",
            "number" or "angle" => value.ValueKind == JsonValueKind.Number ? null : "expected a number",
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _) ? null : "expected an integer",
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "expected true or false",
            "string" or "subplotid" => value.ValueKind == JsonValueKind.String ? null : $"expected a {valType} string",
            // Numbers are colours too where a colour scale maps them (marker.color with arrayOk).
            "color" => value.ValueKind == JsonValueKind.String || (arrayOk && value.ValueKind == JsonValueKind.Number) ? null : "expected a colour",
            "colorscale" => value.ValueKind is JsonValueKind.String or JsonValueKind.Array ? null : "expected a colour scale",
            "colorlist" => value.ValueKind == JsonValueKind.Array ? null : "expected a list of colours",
            "info_array" => value.ValueKind == JsonValueKind.Array ? null : "expected an array",
            "enumerated" => CheckEnumerated(value, attribute),
            "flaglist" => CheckFlags(value, attribute),
            "any" => null,
            _ => null,
        };
        if (problem is not null)
        {
            problems.Add($"{path}: {problem} ({value.GetRawText()})");
        }
    }

    private static string? CheckEnumerated(JsonElement value, JsonElement attribute)
    {
        foreach (var allowed in attribute.GetProperty("values").EnumerateArray())
        {
            if (allowed.ValueKind == value.ValueKind && allowed.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return null;
            }

            if (allowed.ValueKind == JsonValueKind.Number && value.ValueKind == JsonValueKind.Number && allowed.GetDouble() == value.GetDouble())
            {
                return null;
            }

            if (allowed.ValueKind == JsonValueKind.String && value.ValueKind == JsonValueKind.String)
            {
                string pattern = allowed.GetString()!;
                string text = value.GetString()!;
                // Enumerations such as xref list subplot ids as regular expressions written "/^x([2-9]|...)$/".
                bool match = pattern.Length > 2 && pattern[0] == '/' && pattern[^1] == '/'
                    ? Regex.IsMatch(text, pattern[1..^1], RegexOptions.CultureInvariant)
                    : pattern == text;
                if (match)
                {
                    return null;
                }
            }
        }

        return "not one of the allowed values " + attribute.GetProperty("values").GetRawText();
    }

    private static string? CheckFlags(JsonElement value, JsonElement attribute)
    {
        // Extras are whole values other than flag combinations, e.g. "none", or true/false for config.scrollZoom.
        if (attribute.TryGetProperty("extras", out var extras) &&
            extras.EnumerateArray().Any(e => e.ValueKind == value.ValueKind && (e.ValueKind != JsonValueKind.String || e.GetString() == value.GetString())))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return "expected a flag list string";
        }

        string text = value.GetString()!;

        var flags = attribute.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ToHashSet();
        var bad = text.Split('+').Where(f => !flags.Contains(f)).ToList();
        return bad.Count == 0 ? null : $"unknown flags {string.Join(", ", bad)}";
    }
}
