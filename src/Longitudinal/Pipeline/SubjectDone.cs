using System.Text.Json;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>The marker a finished subject leaves (<c>done.json</c>): which settings produced it, its days, its timings.</summary>
public sealed record SubjectDone(
    string Subject, string SettingsHash, IReadOnlyDictionary<string, double> Days, IReadOnlyDictionary<string, double> TimingsSeconds, DateTimeOffset Finished)
{
    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Reads a marker; null when the file is missing or unreadable (the subject is then recomputed).</summary>
    public static SubjectDone? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SubjectDone>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
