using Radiomics.IO;
using Radiomics.IO.Dicom;

namespace Radiomics.Longitudinal.Study;

/// <summary>
/// Checks a cohort's files before any work starts: every image and mask exists and has a readable header, and every
/// mask lies on its image's grid. Only headers are read, so a cohort of hundreds of scans is checked in seconds.
/// </summary>
public static class StudyValidator
{
    public static ValidationReport Validate(Cohort cohort, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var problems = new List<StudyProblem>();
        int done = 0;
        var channelSet = cohort.Subjects.SelectMany(s => s.TimePoints).FirstOrDefault(t => t.IsMultiChannel);
        foreach (var subject in cohort.Subjects)
        {
            if (!IdsAreValid(subject, problems) || !ChannelsAgree(subject, channelSet, problems))
            {
                continue;
            }

            if (subject.TimePoints.Count < 2)
            {
                problems.Add(new StudyProblem(StudyProblemKind.SingleTimePoint, StudyProblemSeverity.Warning,
                    "only one time point: features are extracted but no change can be computed.", subject.Baseline.SourceLine, subject.Id));
            }

            foreach (var region in subject.Regions)
            {
                if (!subject.Baseline.HasMask(region) && subject.FollowUps.Any(t => !t.HasMask(region)))
                {
                    problems.Add(new StudyProblem(StudyProblemKind.MissingBaselineMask, StudyProblemSeverity.Error,
                        $"region '{region}' has no baseline mask to propagate to the follow-ups without one.", subject.Baseline.SourceLine, subject.Id, subject.Baseline.Id));
                }
            }

            foreach (var t in subject.TimePoints)
            {
                var image = Header(t.ImagePath, t, subject, problems);
                var channels = ChannelHeaders(t, image, subject, problems);
                foreach (var (region, maskPath) in t.Masks)
                {
                    if (DicomMask(region, maskPath, t, subject, problems))
                    {
                        continue;
                    }

                    var mask = Header(maskPath, t, subject, problems);
                    var grid = t.MaskChannels.TryGetValue(region, out var channel) ? channels.GetValueOrDefault(channel) : image;
                    if (grid is not null && mask is not null && !mask.Geometry.Matches(grid.Geometry))
                    {
                        string what = t.IsMultiChannel ? $"its channel {t.MaskChannel(region)}" : "its image";
                        problems.Add(new StudyProblem(StudyProblemKind.GeometryMismatch, StudyProblemSeverity.Error,
                            $"mask of region '{region}' is on another grid than {what} (mask {mask.Geometry}; image {grid.Geometry}).",
                            t.SourceLine, subject.Id, t.Id, maskPath));
                    }
                }

                progress?.Report(++done);
            }
        }

        return new ValidationReport(problems);
    }

    /// <summary>
    /// Subject, time point and region IDs become folder and file names of the outputs, so each must be a plain name
    /// (<see cref="SafePath.IdProblem"/>); a subject with any other ID is refused before its files are touched.
    /// </summary>
    private static bool IdsAreValid(Subject subject, List<StudyProblem> problems)
    {
        int before = problems.Count;
        if (SafePath.IdProblem(subject.Id) is { } p)
        {
            problems.Add(new StudyProblem(StudyProblemKind.InvalidId, StudyProblemSeverity.Error,
                $"subject ID '{subject.Id}' {p}.", subject.Baseline.SourceLine, subject.Id));
        }

        foreach (var t in subject.TimePoints)
        {
            if (SafePath.IdProblem(t.Id) is { } tp)
            {
                problems.Add(new StudyProblem(StudyProblemKind.InvalidId, StudyProblemSeverity.Error,
                    $"time point ID '{t.Id}' {tp}.", t.SourceLine, subject.Id, t.Id));
            }

            foreach (var region in t.Masks.Keys)
            {
                if (SafePath.IdProblem(region) is { } rp)
                {
                    problems.Add(new StudyProblem(StudyProblemKind.InvalidId, StudyProblemSeverity.Error,
                        $"region ID '{region}' {rp}.", t.SourceLine, subject.Id, t.Id));
                }
            }

            foreach (var channel in t.Channels)
            {
                if (SafePath.IdProblem(channel.Id) is { } cp)
                {
                    problems.Add(new StudyProblem(StudyProblemKind.InvalidId, StudyProblemSeverity.Error,
                        $"channel ID '{channel.Id}' {cp}.", channel.SourceLine, subject.Id, t.Id));
                }
            }
        }

        return problems.Count == before;
    }

    /// <summary>
    /// Every visit of a multi-parametric cohort has the same channels and reference as the first one listed
    /// (<paramref name="first"/>), so one habitat model applies to every scan.
    /// </summary>
    private static bool ChannelsAgree(Subject subject, TimePoint? first, List<StudyProblem> problems)
    {
        int before = problems.Count;
        if (first is null)
        {
            return true;
        }

        var expected = first.Channels.Select(c => c.Id).Order(StringComparer.Ordinal).ToList();
        foreach (var t in subject.TimePoints)
        {
            var ids = t.Channels.Select(c => c.Id).Order(StringComparer.Ordinal).ToList();
            if (!ids.SequenceEqual(expected, StringComparer.Ordinal))
            {
                problems.Add(new StudyProblem(StudyProblemKind.InconsistentChannels, StudyProblemSeverity.Error,
                    $"the visit has the channel(s) {Names(ids)}, other visits of the study {Names(expected)}; every visit needs the same channels.", t.SourceLine, subject.Id, t.Id));
            }
            else if (!string.Equals(t.ReferenceChannel, first.ReferenceChannel, StringComparison.Ordinal))
            {
                problems.Add(new StudyProblem(StudyProblemKind.MissingReferenceChannel, StudyProblemSeverity.Error,
                    $"the visit's reference channel is '{t.ReferenceChannel}', other visits' '{first.ReferenceChannel}'; list the same channel first or name it with --reference-channel.", t.SourceLine, subject.Id, t.Id));
            }
        }

        return problems.Count == before;

        static string Names(IEnumerable<string> ids) => ids.Any() ? string.Join(", ", ids) : "(none)";
    }

    /// <summary>Headers of a visit's channels by ID; a channel whose field of view does not overlap the reference's is an error.</summary>
    private static Dictionary<string, ImageHeader> ChannelHeaders(TimePoint t, ImageHeader? reference, Subject s, List<StudyProblem> problems)
    {
        var headers = new Dictionary<string, ImageHeader>(StringComparer.Ordinal);
        foreach (var channel in t.Channels)
        {
            var header = channel.Id == t.ReferenceChannel ? reference : Header(channel.ImagePath, t, s, problems);
            if (header is null)
            {
                continue;
            }

            headers[channel.Id] = header;
            if (reference is not null && channel.Id != t.ReferenceChannel && !Habitats.Workflows.ChannelGrids.Overlap(reference.Geometry, header.Geometry))
            {
                problems.Add(new StudyProblem(StudyProblemKind.DisjointChannels, StudyProblemSeverity.Error,
                    $"channel '{channel.Id}' does not overlap the reference channel '{t.ReferenceChannel}' in physical space ({header.Geometry}; reference {reference.Geometry}).",
                    channel.SourceLine, s.Id, t.Id, channel.ImagePath));
            }
        }

        return headers;
    }

    /// <summary>
    /// Checks an RTSTRUCT or SEG mask (headers only): the ROI or segment the manifest names exists; an RTSTRUCT needs an
    /// ROI, a SEG of several segments a segment number. Their contours and frames are placed on the image grid when read,
    /// so there is no grid to compare. False when the file is not an RTSTRUCT or SEG (it is then checked as an image).
    /// </summary>
    private static bool DicomMask(string region, string path, TimePoint t, Subject s, List<StudyProblem> problems)
    {
        var selection = t.MaskSelections.GetValueOrDefault(region);
        void Problem(string message) =>
            problems.Add(new StudyProblem(StudyProblemKind.UnreadableFile, StudyProblemSeverity.Error, $"mask of region '{region}': {message}", t.SourceLine, s.Id, t.Id, path));
        try
        {
            if (!DicomMasks.IsDicomMask(path))
            {
                if (selection is not null && File.Exists(path))
                {
                    Problem($"{path} is neither an RTSTRUCT nor a DICOM SEG, so the {(selection.Roi is not null ? "roi" : "segment")} column does not apply to it.");
                    return true;
                }

                return false;
            }

            var file = DicomFile.OpenHeader(path);
            if (RtStruct.IsRtStruct(file.Dataset))
            {
                var rt = RtStruct.FromFile(file);
                if (selection?.Roi is not { } roi)
                {
                    Problem($"{path} is an RTSTRUCT; name its ROI in the roi column (it holds {string.Join(", ", rt.Rois.Select(r => $"'{r.Name}'"))}).");
                }
                else
                {
                    rt.Find(roi);
                }
            }
            else
            {
                var segments = DicomSegmentation.SegmentsOf(file.Dataset, path);
                if (selection?.Roi is not null)
                {
                    Problem($"{path} is a DICOM SEG; name its segment number in the segment column, not an ROI.");
                }
                else if (selection?.Segment is { } n && segments.All(x => x.Number != n))
                {
                    Problem($"{path} has no segment {n}; it holds {string.Join(", ", segments.Select(x => $"{x.Number} '{x.Label}'"))}.");
                }
                else if (selection?.Segment is null && segments.Count > 1)
                {
                    Problem($"{path} is a DICOM SEG of {segments.Count} segments; name one in the segment column ({string.Join(", ", segments.Select(x => $"{x.Number} '{x.Label}'"))}).");
                }
            }
        }
        catch (Exception e) when (e is RadiomicsException or IOException or UnauthorizedAccessException)
        {
            Problem(e.Message);
        }

        return true;
    }

    private static ImageHeader? Header(string path, TimePoint t, Subject s, List<StudyProblem> problems)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            problems.Add(new StudyProblem(StudyProblemKind.MissingFile, StudyProblemSeverity.Error, $"file not found: {path}", t.SourceLine, s.Id, t.Id, path));
            return null;
        }

        try
        {
            return ImageFile.ReadHeader(path);
        }
        catch (Exception e) when (e is RadiomicsException or IOException or UnauthorizedAccessException)
        {
            problems.Add(new StudyProblem(StudyProblemKind.UnreadableFile, StudyProblemSeverity.Error, e.Message, t.SourceLine, s.Id, t.Id, path));
            return null;
        }
    }
}
