using System.Globalization;
using System.Text;
using Radiomics.IO;
using Radiomics.IO.Dicom;

namespace Radiomics.Longitudinal.Study;

/// <summary>
/// Proposes a study manifest from a DICOM folder tree (headers only), for the user to review: subject = PatientID, time
/// point = StudyDate (yyyy-mm-dd); per time point one image series, preferring the series an RTSTRUCT or SEG refers to
/// (then the one with the most slices), with a row per ROI or segment of each mask that refers to it. When a subject's
/// masks hold a single structure name it is the default region ("tumour"); otherwise each structure is a region named
/// after it. Every choice that left something out is a note.
/// </summary>
public static class DicomManifestProposal
{
    public static ManifestProposal Propose(string root, int parallelism = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        string fullRoot = Path.GetFullPath(root);
        var listing = DicomListing.Scan(fullRoot, parallelism);
        var notes = listing.Unreadable.Select(u => $"left out, unreadable: {u.Message}").ToList();
        var images = listing.Series.Where(s => s.IsImage).ToList();
        var masks = listing.Series.Where(s => s.Modality is "RTSTRUCT" or "SEG" && !s.IsImage).ToList();
        if (images.Count == 0)
        {
            throw new Pipeline.StudyException($"{fullRoot}: no DICOM image series found (headers of {listing.Series.Sum(s => s.Files)} DICOM files read); nothing to propose.");
        }

        var imageUids = images.Select(s => s.SeriesInstanceUid).ToHashSet(StringComparer.Ordinal);
        foreach (var m in masks.Where(m => m.ReferencedSeriesInstanceUid is null || !imageUids.Contains(m.ReferencedSeriesInstanceUid)))
        {
            notes.Add(m.ReferencedSeriesInstanceUid is null
                ? $"{m.Modality} {m.FilePaths[0]} names no image series; it is left out (add it by hand with the image it was drawn on)."
                : $"{m.Modality} {m.FilePaths[0]} refers to series {m.ReferencedSeriesInstanceUid}, which is not under {fullRoot}; it is left out.");
        }

        var masksOf = masks.Where(m => m.ReferencedSeriesInstanceUid is not null).ToLookup(m => m.ReferencedSeriesInstanceUid!, StringComparer.Ordinal);
        var rows = new List<ProposedManifestRow>();
        var subjects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var patient in images.GroupBy(s => s.PatientId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            string subject = Unique(PlainId(patient.Key, "patient", "subject", notes), subjects);
            var timePoints = new List<(string Id, string? Date, DicomSeriesEntry Image, List<DicomSeriesEntry> Masks)>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var study in patient.GroupBy(s => s.StudyDate, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var candidates = study.ToList();
                var withMask = candidates.Where(c => masksOf.Contains(c.SeriesInstanceUid)).ToList();
                var chosen = (withMask.Count > 0 ? withMask : candidates)
                    .OrderByDescending(c => c.Size?.Z ?? c.Files).ThenBy(c => c.SeriesInstanceUid, StringComparer.Ordinal).First();
                string? date = IsoDate(study.Key);
                string id = Unique(date ?? "undated", ids);
                string where = $"subject {subject}, time point {id}";
                if (date is null)
                {
                    notes.Add($"{where}: StudyDate '{study.Key}' is not a date; fill in the date column (yyyy-mm-dd or a day number).");
                }

                if (withMask.Count == 0)
                {
                    notes.Add($"{where}: no RTSTRUCT or SEG refers to any of its series; the mask is left empty (propagated from the baseline).");
                }

                foreach (var other in candidates.Where(c => c != chosen))
                {
                    notes.Add($"{where}: chose {Describe(chosen)}; also there: {Describe(other)}{(masksOf.Contains(other.SeriesInstanceUid) ? " (with a mask)" : "")}.");
                }

                timePoints.Add((id, date, chosen, masksOf[chosen.SeriesInstanceUid].OrderBy(m => m.Modality, StringComparer.Ordinal).ThenBy(m => m.FilePaths[0], StringComparer.Ordinal).ToList()));
            }

            var structures = timePoints.SelectMany(t => t.Masks.SelectMany(m => m.Regions.Select(r => r.Name.Trim()))).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            bool single = structures.Count == 1;
            if (structures.Count > 1)
            {
                notes.Add($"subject {subject}: the masks hold {structures.Count} structures ({string.Join(", ", structures.Select(s => $"'{s}'"))}), each proposed as its own region; choose one with study --region NAME or rename it to '{StudyManifest.DefaultRegion}'.");
            }

            foreach (var (id, date, image, timeMasks) in timePoints)
            {
                string imagePath = ImagePath(image, images, listing.Unreadable);
                if (timeMasks.Count == 0)
                {
                    rows.Add(new ProposedManifestRow(subject, id, date, imagePath, null, null, null, null));
                    continue;
                }

                var regions = new HashSet<string>(StringComparer.Ordinal);
                foreach (var mask in timeMasks)
                {
                    if (OtherFrame(mask, image) is { } problem)
                    {
                        notes.Add($"subject {subject}, time point {id}: CHECK {mask.FilePaths[0]}: {problem}");
                    }

                    if (mask.FilePaths.Count > 1)
                    {
                        notes.Add($"subject {subject}, time point {id}: {mask.Modality} series {mask.SeriesInstanceUid} has {mask.FilePaths.Count} files; only {mask.FilePaths[0]} is proposed.");
                    }

                    if (mask.Regions.Count == 0)
                    {
                        notes.Add($"subject {subject}, time point {id}: {mask.FilePaths[0]} holds no ROI or segment; it is left out.");
                    }

                    bool rt = mask.Modality == "RTSTRUCT";
                    foreach (var (number, name) in mask.Regions)
                    {
                        string region = single ? StudyManifest.DefaultRegion : PlainId(name.Trim(), rt ? "ROI" : "segment", "region", notes, fallback: $"{(rt ? "roi" : "segment")}{number}");
                        if (!regions.Add(region))
                        {
                            notes.Add($"subject {subject}, time point {id}: a second structure named '{name}' ({mask.FilePaths[0]}, number {number}) is left out; region '{region}' is taken.");
                            continue;
                        }

                        bool repeated = mask.Regions.Count(r => string.Equals(r.Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)) > 1;
                        string? roi = rt ? (repeated || name.Trim().Length == 0 ? number.ToString(CultureInfo.InvariantCulture) : name.Trim()) : null;
                        rows.Add(new ProposedManifestRow(subject, id, date, imagePath, mask.FilePaths[0], region, roi, rt ? null : number));
                    }
                }
            }
        }

        return new ManifestProposal(fullRoot, rows, notes);
    }

    /// <summary>
    /// The series' own folder when nothing else there is an image (a folder reads as its one series); otherwise its
    /// first file (which names its series).
    /// </summary>
    private static string ImagePath(DicomSeriesEntry series, IReadOnlyList<DicomSeriesEntry> images, IReadOnlyList<ImageFileException> unreadable)
    {
        string folder = CommonFolder(series.FilePaths);
        bool Under(string path) => path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        bool shared = images.Any(o => o != series && o.FilePaths.Any(Under)) || unreadable.Any(u => Under(Path.GetFullPath(u.FilePath)));
        return shared ? series.FilePaths[0] : folder;
    }

    private static string CommonFolder(IReadOnlyList<string> paths)
    {
        string common = Path.GetDirectoryName(paths[0]) ?? ".";
        foreach (var p in paths)
        {
            while (!p.StartsWith(common + Path.DirectorySeparatorChar, StringComparison.Ordinal) && Path.GetDirectoryName(common) is { } up)
            {
                common = up;
            }
        }

        return common;
    }

    /// <summary>
    /// Why a mask may not lie on its image: its frame of reference differs from the image series' (contours or
    /// segments in another patient coordinate system land in the wrong place); null when they agree or either is
    /// unknown. A follow-up series in another frame than the baseline is normal (registration aligns them).
    /// </summary>
    private static string? OtherFrame(DicomSeriesEntry mask, DicomSeriesEntry image)
    {
        if (mask.FrameOfReferenceUid is not { } maskFrame || image.FrameOfReferenceUid is not { } imageFrame || maskFrame == imageFrame)
        {
            return null;
        }

        return $"the {mask.Modality} lies in frame of reference {maskFrame} but its image series {image.SeriesInstanceUid} is in {imageFrame}; "
            + "its structures may not lie on the image (map them onto it first, or check with the mask drawn over the image).";
    }

    private static string Describe(DicomSeriesEntry s) =>
        $"{s.Modality} '{s.SeriesDescription}' ({(s.Size is { } z ? $"{z.X}×{z.Y}×{z.Z}" : $"{s.Files} files")}, series {s.SeriesInstanceUid})";

    private static string? IsoDate(string da) =>
        DateOnly.TryParseExact(da.Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;

    /// <summary>
    /// <paramref name="value"/> as an ID (<see cref="SafePath"/>): characters an ID may not hold become '_'; a note says so.
    /// IDs are data, never paths, so a PatientID such as "../x" becomes "x" plus underscores, never a folder.
    /// </summary>
    private static string PlainId(string value, string what, string kind, List<string> notes, string? fallback = null)
    {
        if (SafePath.IsValidId(value))
        {
            return value;
        }

        var id = new StringBuilder();
        foreach (char c in value.Trim())
        {
            id.Append(char.IsLetterOrDigit(c) || c is '_' or '-' or '+' or '.' or '=' or '@' ? c : '_');
        }

        string result = id.ToString().TrimStart('.', '-').TrimEnd('.');
        if (result.Length > SafePath.MaxIdLength)
        {
            result = result[..SafePath.MaxIdLength];
        }

        if (!SafePath.IsValidId(result))
        {
            result = fallback ?? $"unnamed_{what.ToLowerInvariant()}";
        }

        notes.Add($"{what} '{value}' is not a plain name; {kind} ID '{result}' is proposed.");
        return result;
    }

    private static string Unique(string id, HashSet<string> taken)
    {
        string result = id;
        for (int n = 2; !taken.Add(result); n++)
        {
            result = $"{id}_{n}";
        }

        return result;
    }
}
