using System.Globalization;
using System.Text.RegularExpressions;
using Radiomics.IO;

namespace Radiomics.Longitudinal.Study;

/// <summary>
/// Reads a study laid out as folders instead of a manifest: <c>ROOT/&lt;subject&gt;/&lt;time point&gt;/</c>, each
/// time point folder holding the scan as <c>image.*</c> and its masks as further image files (any format
/// <see cref="ImageFile"/> reads). A mask's region is its file name: <c>mask.*</c> is the default region
/// ("tumour"), <c>mask_liver.*</c> or <c>liver.*</c> the region "liver"; a follow-up without masks gets the baseline's
/// propagated. The time point folder's name gives its date: an ISO date anywhere in it (<c>2024-03-01</c>,
/// <c>t1_2024-03-01</c>), or <c>day42</c>/<c>d42</c>, or <c>week6</c>/<c>w6</c> (42 days); otherwise the folders are
/// taken in name order with a warning. Problems are collected with their paths instead of stopping at the first.
/// </summary>
public static partial class StudyFolder
{
    public static (Cohort Cohort, ValidationReport Report) Load(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (!Directory.Exists(root))
        {
            throw new Pipeline.StudyException($"{root}: the study folder does not exist.");
        }

        var problems = new List<StudyProblem>();
        var subjects = new List<Subject>();
        foreach (var subjectDir in Folders(root))
        {
            string subject = Path.GetFileName(subjectDir);
            var timePoints = new List<TimePoint>();
            var days = new Dictionary<string, double?>(StringComparer.Ordinal);
            DateOnly? baselineDate = null;
            foreach (var timeDir in Folders(subjectDir))
            {
                string id = Path.GetFileName(timeDir);
                var files = Directory.EnumerateFiles(timeDir).Where(IsImageFile).Order(StringComparer.Ordinal).ToList();
                var image = files.FirstOrDefault(f => Stem(f).Equals("image", StringComparison.OrdinalIgnoreCase));
                if (image is null)
                {
                    problems.Add(new StudyProblem(StudyProblemKind.MissingFile, StudyProblemSeverity.Error,
                        $"no image.* file (one of {string.Join(", ", ImageFile.Extensions)}) in the time point folder.", 0, subject, id, timeDir));
                    continue;
                }

                var masks = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var mask in files.Where(f => f != image))
                {
                    if (!masks.TryAdd(Region(Stem(mask)), Path.GetFullPath(mask)))
                    {
                        problems.Add(new StudyProblem(StudyProblemKind.Duplicate, StudyProblemSeverity.Error,
                            $"region '{Region(Stem(mask))}' has a second mask.", 0, subject, id, mask));
                    }
                }

                var (date, day) = ParseName(id);
                if (date is { } d && (baselineDate is null || d < baselineDate))
                {
                    baselineDate = d;
                }

                days[id] = day;
                timePoints.Add(new TimePoint(id, date, double.NaN, Path.GetFullPath(image), masks));
            }

            if (timePoints.Count > 0)
            {
                subjects.Add(new Subject(subject, StudyManifest.AssignDays(subject, timePoints, days, baselineDate, problems)));
            }
        }

        if (subjects.Count == 0)
        {
            throw new Pipeline.StudyException($"{root}: no subject folders with time point folders holding an image.* file; expected ROOT/<subject>/<time point>/image.nii.gz.");
        }

        return (new Cohort(subjects), new ValidationReport(problems));
    }

    /// <summary>A manifest CSV (file) or a study folder (directory).</summary>
    /// <exception cref="Pipeline.StudyException">Neither a file nor a folder exists at <paramref name="path"/>.</exception>
    public static (Cohort Cohort, ValidationReport Report) LoadManifestOrFolder(string path, string? referenceChannel = null) =>
        Directory.Exists(path) ? Load(path)
        : File.Exists(path) ? StudyManifest.Load(path, referenceChannel)
        : throw new Pipeline.StudyException($"{path}: neither a manifest CSV nor a study folder exists there.");

    private static IEnumerable<string> Folders(string parent) =>
        Directory.EnumerateDirectories(parent).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal);

    private static bool IsImageFile(string path) =>
        ImageFile.Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && !path.EndsWith(".raw", StringComparison.OrdinalIgnoreCase);

    private static string Stem(string path)
    {
        string name = Path.GetFileName(path);
        var extension = ImageFile.Extensions.OrderByDescending(e => e.Length).First(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        return name[..^extension.Length];
    }

    private static string Region(string stem) =>
        stem.Equals("mask", StringComparison.OrdinalIgnoreCase) ? StudyManifest.DefaultRegion
        : stem.StartsWith("mask_", StringComparison.OrdinalIgnoreCase) ? stem["mask_".Length..]
        : stem;

    private static (DateOnly? Date, double? Day) ParseName(string name)
    {
        if (IsoDate().Match(name) is { Success: true } m
            && DateOnly.TryParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (date, null);
        }

        if (DayOrWeek().Match(name) is { Success: true } n)
        {
            double value = double.Parse(n.Groups["n"].Value, CultureInfo.InvariantCulture);
            return (null, n.Groups["unit"].Value.StartsWith("w", StringComparison.OrdinalIgnoreCase) ? 7 * value : value);
        }

        return (null, null);
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<unit>day|d|week|w)_?(?<n>\d+(\.\d+)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayOrWeek();
}
