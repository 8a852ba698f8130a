using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Radiomics.Features;
using Radiomics.IO;

namespace Radiomics.Tables;

/// <summary>
/// Where a feature table's numbers came from: the toolkit version and the settings (their hash, and the settings
/// themselves as YAML so a table read back knows them again). Kept beside the CSV in <c>&lt;table&gt;.provenance.json</c>,
/// so the CSV stays a plain table for pandas, R and spreadsheets.
/// </summary>
/// <param name="ToolkitVersion">Version of the toolkit that computed the values.</param>
/// <param name="SettingsHash">First 16 hex digits of the SHA-256 of <paramref name="SettingsYaml"/>: equal hashes, equal settings.</param>
/// <param name="SettingsYaml">The feature settings as YAML (<see cref="FeatureSettingsYaml"/>).</param>
public sealed record TableProvenance(string ToolkitVersion, string SettingsHash, string SettingsYaml)
{
    private const string Format = "radiomics-table-provenance";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The version of this toolkit (major.minor.patch).</summary>
    public static string CurrentToolkitVersion { get; } = typeof(TableProvenance).Assembly.GetName().Version?.ToString(3) ?? "unknown";

    /// <summary>Provenance of values computed now with <paramref name="settings"/>.</summary>
    public static TableProvenance For(FeatureSettings settings)
    {
        string yaml = FeatureSettingsYaml.ToYaml(settings);
        return new TableProvenance(CurrentToolkitVersion, Hash(yaml), yaml);
    }

    /// <summary>The sidecar file of the table at <paramref name="tablePath"/>.</summary>
    public static string SidecarPath(string tablePath) => tablePath + ".provenance.json";

    /// <summary>The settings again (null when they no longer parse, e.g. written by a version with other keys).</summary>
    public FeatureSettings? Settings()
    {
        try
        {
            return FeatureSettingsYaml.FromYaml(SettingsYaml, "table provenance");
        }
        catch (SettingsException)
        {
            return null;
        }
    }

    /// <summary>Writes the sidecar of the table at <paramref name="tablePath"/> (atomically), or removes a stale one when <paramref name="provenance"/> is null.</summary>
    internal static void WriteBeside(string tablePath, TableProvenance? provenance)
    {
        string path = SidecarPath(tablePath);
        if (provenance is null)
        {
            File.Delete(path);
            return;
        }

        var file = new ProvenanceFile(Format, provenance.ToolkitVersion, provenance.SettingsHash, provenance.SettingsYaml);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(file, Json) + "\n");
    }

    /// <summary>The sidecar of the table at <paramref name="tablePath"/>, or null when there is none.</summary>
    /// <exception cref="TableFileException">The sidecar exists but is not a provenance file.</exception>
    internal static TableProvenance? ReadBeside(string tablePath)
    {
        string path = SidecarPath(tablePath);
        if (!File.Exists(path))
        {
            return null;
        }

        ProvenanceFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ProvenanceFile>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new TableFileException(path, null, $"the provenance file is not valid JSON ({e.Message}).");
        }

        if (file is not { Format: Format, ToolkitVersion: not null, SettingsHash: not null, SettingsYaml: not null })
        {
            throw new TableFileException(path, null, $"not a table provenance file (expected \"format\": \"{Format}\" with toolkit_version, settings_hash and settings_yaml).");
        }

        return new TableProvenance(file.ToolkitVersion, file.SettingsHash, file.SettingsYaml);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private sealed record ProvenanceFile(string? Format, string? ToolkitVersion, string? SettingsHash, string? SettingsYaml);
}
