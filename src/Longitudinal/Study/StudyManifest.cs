using System.Globalization;
using CsvHelper;

namespace Radiomics.Longitudinal.Study;

/// <summary>
/// Reads a study from a manifest CSV with the columns <c>subject,timepoint,date,image,mask[,region,roi,segment,channel]</c>
/// (header required, column order free; lines starting with <c>#</c> are comments). Paths are relative to the
/// manifest's folder. <c>image</c> is an image file, a DICOM series folder or one file of the series. <c>date</c> is an
/// ISO date (yyyy-mm-dd) or a day number relative to baseline; <c>mask</c> may be empty (the baseline mask will be
/// propagated), a label image, an RTSTRUCT (the ROI's name or number in <c>roi</c>) or a DICOM SEG (the segment number
/// in <c>segment</c>); several rows of one time point give masks of several regions (<c>region</c> defaults to
/// "tumour"). With a <c>channel</c> column a visit is multi-parametric: one row per channel (sequence or map), a mask
/// on any channel's row lies on that channel's grid, and the first channel listed is the reference unless one is
/// named (<c>--reference-channel</c>). Problems are collected with their line numbers instead of stopping at the first.
/// </summary>
public static class StudyManifest
{
    public const string DefaultRegion = "tumour";

    /// <summary>Reads the manifest; <paramref name="referenceChannel"/> names the reference channel of multi-parametric visits (the first listed when null).</summary>
    /// <param name="path">The manifest CSV.</param>
    /// <param name="referenceChannel">The <c>channel</c> every visit is registered to and whose grid the habitat maps are on (<c>--reference-channel</c>).</param>
    public static (Cohort Cohort, ValidationReport Report) Load(string path, string? referenceChannel = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new Pipeline.StudyException($"{path}: the manifest does not exist.");
        }

        string root = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var problems = new List<StudyProblem>();
        var rows = new List<Row>();
        bool hasChannels;
        var options = new CsvReaderOptions
        {
            TrimWhitespace = true,
            CommentPrefix = '#',
            TrackLineNumbers = true,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        };
        using (var csv = CsvReader.FromFile(path, options))
        {
            var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
            if (header.Count == 0)
            {
                throw new Pipeline.StudyException($"{path}: the manifest is empty; expected a header 'subject,timepoint,date,image,mask[,region]'.");
            }

            var missing = new[] { "subject", "timepoint", "image" }.Where(c => !header.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                throw new Pipeline.StudyException($"{path}: the manifest lacks the column(s) {string.Join(", ", missing)}; expected 'subject,timepoint,date,image,mask[,region]'.");
            }

            hasChannels = header.Contains("channel");
            while (csv.Read())
            {
                int line = (int)csv.LineNumber;
                string Get(string column)
                {
                    int i = header.IndexOf(column);
                    return i >= 0 && i < csv.FieldCount ? csv.GetString(i).Trim() : "";
                }

                var row = new Row(line, Get("subject"), Get("timepoint"), Get("date"), Get("image"), Get("mask"), Get("region"), Get("roi"), Get("segment"), Get("channel"));
                if (row.Subject.Length == 0 || row.TimePoint.Length == 0 || row.Image.Length == 0 || (hasChannels && row.Channel.Length == 0))
                {
                    problems.Add(new StudyProblem(StudyProblemKind.InvalidRow, StudyProblemSeverity.Error,
                        hasChannels ? "subject, timepoint, channel and image are required." : "subject, timepoint and image are required.", line, NullIfEmpty(row.Subject), NullIfEmpty(row.TimePoint)));
                    continue;
                }

                rows.Add(row);
            }
        }

        if (referenceChannel is not null && rows.Count > 0 && !hasChannels)
        {
            throw new Pipeline.StudyException($"{path}: --reference-channel {referenceChannel} needs a manifest with a channel column.");
        }

        var subjects = new List<Subject>();
        foreach (var bySubject in rows.GroupBy(r => r.Subject, StringComparer.Ordinal))
        {
            var timePoints = new List<TimePoint>();
            var days = new Dictionary<string, double?>(StringComparer.Ordinal);
            DateOnly? baselineDate = null;
            foreach (var byTime in bySubject.GroupBy(r => r.TimePoint, StringComparer.Ordinal))
            {
                var first = byTime.First();
                var masks = new Dictionary<string, string>(StringComparer.Ordinal);
                var maskChannels = new Dictionary<string, string>(StringComparer.Ordinal);
                var selections = new Dictionary<string, MaskSelection>(StringComparer.Ordinal);
                var channels = new List<ChannelImage>();
                foreach (var r in byTime)
                {
                    if (hasChannels)
                    {
                        AddChannel(r, channels, problems);
                    }
                    else if (!string.Equals(r.Image, first.Image, StringComparison.Ordinal))
                    {
                        problems.Add(new StudyProblem(StudyProblemKind.InconsistentImage, StudyProblemSeverity.Error,
                            $"image '{r.Image}' differs from '{first.Image}' named on line {first.Line} for the same time point.", r.Line, r.Subject, r.TimePoint));
                    }

                    if (r.Mask.Length == 0)
                    {
                        continue;
                    }

                    string region = r.Region.Length > 0 ? r.Region : DefaultRegion;
                    if (!masks.TryAdd(region, Path.GetFullPath(Path.Combine(root, r.Mask))))
                    {
                        problems.Add(new StudyProblem(StudyProblemKind.Duplicate, StudyProblemSeverity.Error,
                            $"region '{region}' has a second mask.", r.Line, r.Subject, r.TimePoint));
                    }
                    else
                    {
                        if (hasChannels)
                        {
                            maskChannels[region] = r.Channel;
                        }

                        if (Selection(r, problems) is { } selection)
                        {
                            selections[region] = selection;
                        }
                    }
                }

                var (date, day) = ParseDate(first, problems);
                if (date is { } d && (baselineDate is null || d < baselineDate))
                {
                    baselineDate = d;
                }

                days[first.TimePoint] = day;
                var timePoint = new TimePoint(first.TimePoint, date, double.NaN, Path.GetFullPath(Path.Combine(root, first.Image)), masks, first.Line) { MaskSelections = selections };
                timePoints.Add(hasChannels ? WithChannels(timePoint, channels, maskChannels, referenceChannel, root, problems, bySubject.Key) : timePoint);
            }

            subjects.Add(new Subject(bySubject.Key, AssignDays(bySubject.Key, timePoints, days, baselineDate, problems)));
        }

        return (new Cohort(subjects), new ValidationReport(problems));
    }

    /// <summary>Days since baseline from dates (preferred) or day numbers; the listed order with a warning when neither is known.</summary>
    internal static List<TimePoint> AssignDays(
        string subject, List<TimePoint> timePoints, Dictionary<string, double?> days, DateOnly? baselineDate, List<StudyProblem> problems)
    {
        var result = new List<TimePoint>();
        for (int i = 0; i < timePoints.Count; i++)
        {
            var t = timePoints[i];
            double day;
            if (t.Date is { } date && baselineDate is { } b)
            {
                day = date.DayNumber - b.DayNumber;
            }
            else if (days[t.Id] is { } given)
            {
                day = given;
            }
            else
            {
                day = i;
                problems.Add(new StudyProblem(StudyProblemKind.MissingDate, StudyProblemSeverity.Warning,
                    $"no date; ordered as listed and given day {i} (slopes per day need real dates).", t.SourceLine, subject, t.Id));
            }

            result.Add(t with { Day = day });
        }

        bool mixed = timePoints.Any(t => t.Date is not null) && timePoints.Any(t => t.Date is null && days[t.Id] is not null);
        if (mixed)
        {
            problems.Add(new StudyProblem(StudyProblemKind.InvalidDate, StudyProblemSeverity.Error,
                "mixes calendar dates and day numbers; use one kind per subject.", timePoints[0].SourceLine, subject));
        }

        return result;
    }

    /// <summary>Adds the row's channel to the visit's list; the same channel with another image is an error.</summary>
    private static void AddChannel(Row r, List<ChannelImage> channels, List<StudyProblem> problems)
    {
        var known = channels.Find(c => string.Equals(c.Id, r.Channel, StringComparison.Ordinal));
        if (known is null)
        {
            channels.Add(new ChannelImage(r.Channel, r.Image, r.Line));
        }
        else if (!string.Equals(known.ImagePath, r.Image, StringComparison.Ordinal))
        {
            problems.Add(new StudyProblem(StudyProblemKind.Duplicate, StudyProblemSeverity.Error,
                $"channel '{r.Channel}' is listed twice, with image '{r.Image}' and with '{known.ImagePath}' on line {known.SourceLine}; give each channel of a visit once.", r.Line, r.Subject, r.TimePoint));
        }
    }

    /// <summary>
    /// The visit with its channels (absolute paths), its reference channel (the named one, or the first listed) as its
    /// image, and the channel of each mask; a visit without its reference channel is an error.
    /// </summary>
    private static TimePoint WithChannels(
        TimePoint t, List<ChannelImage> channels, Dictionary<string, string> maskChannels, string? reference, string root, List<StudyProblem> problems, string subject)
    {
        var absolute = channels.Select(c => c with { ImagePath = Path.GetFullPath(Path.Combine(root, c.ImagePath)) }).ToList();
        string id = reference ?? absolute[0].Id;
        var referenceImage = absolute.Find(c => string.Equals(c.Id, id, StringComparison.Ordinal));
        if (referenceImage is null)
        {
            problems.Add(new StudyProblem(StudyProblemKind.MissingReferenceChannel, StudyProblemSeverity.Error,
                $"the visit has no reference channel '{id}' (it has {string.Join(", ", absolute.Select(c => c.Id))}).", t.SourceLine, subject, t.Id));
        }

        var onOther = maskChannels.Where(m => !string.Equals(m.Value, id, StringComparison.Ordinal)).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        return t with { ImagePath = referenceImage?.ImagePath ?? absolute[0].ImagePath, Channels = absolute, ReferenceChannel = id, MaskChannels = onOther };
    }

    private static (DateOnly? Date, double? Day) ParseDate(Row row, List<StudyProblem> problems)
    {
        string text = row.Date;
        if (text.Length == 0)
        {
            return (null, null);
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (date, null);
        }

        string number = text.StartsWith("day", StringComparison.OrdinalIgnoreCase) ? text[3..].Trim() : text;
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double day) && double.IsFinite(day))
        {
            return (null, day);
        }

        problems.Add(new StudyProblem(StudyProblemKind.InvalidDate, StudyProblemSeverity.Error,
            $"date '{text}' is neither yyyy-mm-dd nor a day number.", row.Line, row.Subject, row.TimePoint));
        return (null, null);
    }

    /// <summary>The row's ROI or segment, null when it names neither; a bad segment number or both at once is an error.</summary>
    private static MaskSelection? Selection(Row row, List<StudyProblem> problems)
    {
        if (row.Roi.Length > 0 && row.Segment.Length > 0)
        {
            problems.Add(new StudyProblem(StudyProblemKind.InvalidRow, StudyProblemSeverity.Error,
                $"names both an ROI ('{row.Roi}', for an RTSTRUCT) and a segment ('{row.Segment}', for a DICOM SEG); a mask file is one or the other.", row.Line, row.Subject, row.TimePoint));
            return null;
        }

        if (row.Segment.Length > 0)
        {
            if (!int.TryParse(row.Segment, NumberStyles.None, CultureInfo.InvariantCulture, out int segment) || segment < 1)
            {
                problems.Add(new StudyProblem(StudyProblemKind.InvalidRow, StudyProblemSeverity.Error,
                    $"segment '{row.Segment}' is not a segment number (1, 2, …).", row.Line, row.Subject, row.TimePoint));
                return null;
            }

            return new MaskSelection(Segment: segment);
        }

        return row.Roi.Length > 0 ? new MaskSelection(Roi: row.Roi) : null;
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private sealed record Row(int Line, string Subject, string TimePoint, string Date, string Image, string Mask, string Region, string Roi, string Segment, string Channel);
}
