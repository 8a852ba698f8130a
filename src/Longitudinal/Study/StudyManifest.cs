using System.Globalization;
using CsvHelper;

namespace Radiomics.Longitudinal.Study;

/// <summary>
/// Reads a study from a manifest CSV with the columns <c>subject,timepoint,date,image,mask[,region,roi,segment]</c>
/// (header required, column order free; lines starting with <c>#</c> are comments). Paths are relative to the
/// manifest's folder. <c>image</c> is an image file, a DICOM series folder or one file of the series. <c>date</c> is an
/// ISO date (yyyy-mm-dd) or a day number relative to baseline; <c>mask</c> may be empty (the baseline mask will be
/// propagated), a label image, an RTSTRUCT (the ROI's name or number in <c>roi</c>) or a DICOM SEG (the segment number
/// in <c>segment</c>); several rows of one time point give masks of several regions (<c>region</c> defaults to
/// "tumour"). Problems are collected with their line numbers instead of stopping at the first.
/// </summary>
public static class StudyManifest
{
    public const string DefaultRegion = "tumour";

    public static (Cohort Cohort, ValidationReport Report) Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new Pipeline.StudyException($"{path}: the manifest does not exist.");
        }

        string root = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var problems = new List<StudyProblem>();
        var rows = new List<Row>();
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

            while (csv.Read())
            {
                int line = (int)csv.LineNumber;
                string Get(string column)
                {
                    int i = header.IndexOf(column);
                    return i >= 0 && i < csv.FieldCount ? csv.GetString(i).Trim() : "";
                }

                var row = new Row(line, Get("subject"), Get("timepoint"), Get("date"), Get("image"), Get("mask"), Get("region"), Get("roi"), Get("segment"));
                if (row.Subject.Length == 0 || row.TimePoint.Length == 0 || row.Image.Length == 0)
                {
                    problems.Add(new StudyProblem(StudyProblemKind.InvalidRow, StudyProblemSeverity.Error,
                        "subject, timepoint and image are required.", line, NullIfEmpty(row.Subject), NullIfEmpty(row.TimePoint)));
                    continue;
                }

                rows.Add(row);
            }
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
                var selections = new Dictionary<string, MaskSelection>(StringComparer.Ordinal);
                foreach (var r in byTime)
                {
                    if (!string.Equals(r.Image, first.Image, StringComparison.Ordinal))
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
                    else if (Selection(r, problems) is { } selection)
                    {
                        selections[region] = selection;
                    }
                }

                var (date, day) = ParseDate(first, problems);
                if (date is { } d && (baselineDate is null || d < baselineDate))
                {
                    baselineDate = d;
                }

                days[first.TimePoint] = day;
                timePoints.Add(new TimePoint(first.TimePoint, date, double.NaN, Path.GetFullPath(Path.Combine(root, first.Image)), masks, first.Line) { MaskSelections = selections });
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

    private sealed record Row(int Line, string Subject, string TimePoint, string Date, string Image, string Mask, string Region, string Roi, string Segment);
}
