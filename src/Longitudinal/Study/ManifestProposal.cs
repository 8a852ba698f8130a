using System.Text;
using Radiomics.IO;

namespace Radiomics.Longitudinal.Study;

/// <summary>One row of a proposed manifest; paths are absolute here and written relative to the manifest's folder.</summary>
/// <param name="Subject">Subject ID (a plain name).</param>
/// <param name="TimePoint">Time point ID (a plain name).</param>
/// <param name="Date">ISO date (yyyy-mm-dd), or null when the scan has none.</param>
/// <param name="Image">The image: a DICOM series folder or one file of the series.</param>
/// <param name="Mask">The RTSTRUCT or SEG file, or null (the mask is then propagated from baseline).</param>
/// <param name="Region">Region name, or null for the default region.</param>
/// <param name="Roi">The RTSTRUCT ROI (name, or number when names repeat).</param>
/// <param name="Segment">The SEG segment number.</param>
public sealed record ProposedManifestRow(
    string Subject, string TimePoint, string? Date, string Image, string? Mask, string? Region, string? Roi, int? Segment);

/// <summary>
/// A manifest proposed from what a folder tree holds (<see cref="DicomManifestProposal"/>), with notes on every choice
/// the user should review (series left out, masks without a series, IDs changed to plain names). Written as a manifest
/// CSV whose notes are <c>#</c> comment lines, which <see cref="StudyManifest.Load"/> skips.
/// </summary>
public sealed record ManifestProposal(string Root, IReadOnlyList<ProposedManifestRow> Rows, IReadOnlyList<string> Notes)
{
    public const string Header = "subject,timepoint,date,image,mask,region,roi,segment";

    public int Subjects => Rows.Select(r => r.Subject).Distinct(StringComparer.Ordinal).Count();

    public int TimePoints => Rows.Select(r => (r.Subject, r.TimePoint)).Distinct().Count();

    public int Masks => Rows.Count(r => r.Mask is not null);

    /// <summary>Writes the manifest atomically; image and mask paths relative to <paramref name="path"/>'s folder.</summary>
    public void Write(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var text = new StringBuilder();
        text.Append("# Proposed by 'radiomics study --dicom' from ").Append(OneLine(Root)).Append(": review it before running the study.\n");
        text.Append("# Paths are relative to this file's folder; roi names an RTSTRUCT's ROI, segment a DICOM SEG's segment number.\n");
        foreach (var note in Notes)
        {
            text.Append("# note: ").Append(OneLine(note)).Append('\n');
        }

        text.Append(Header).Append('\n');
        foreach (var r in Rows)
        {
            string?[] fields =
            [
                r.Subject, r.TimePoint, r.Date, Path.GetRelativePath(folder, r.Image), r.Mask is null ? null : Path.GetRelativePath(folder, r.Mask),
                r.Region, r.Roi, r.Segment?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ];
            text.AppendJoin(',', fields.Select(Field)).Append('\n');
        }

        AtomicFile.WriteAllText(path, text.ToString());
    }

    /// <summary>RFC 4180 quoting when a value holds a separator, a quote, a line break or starts like a comment.</summary>
    private static string Field(string? value)
    {
        value ??= "";
        bool quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value.StartsWith('#') || value != value.Trim();
        return quote ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");
}
