namespace Radiomics.Longitudinal.Study;

/// <summary>A patient (or phantom) with its scans in chronological order; the first is the baseline.</summary>
public sealed record Subject
{
    public Subject(string id, IReadOnlyList<TimePoint> timePoints)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(timePoints);
        if (timePoints.Count == 0)
        {
            throw new ArgumentException($"Subject '{id}' has no time points.", nameof(timePoints));
        }

        Id = id;
        TimePoints = timePoints.OrderBy(t => t.Day).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
    }

    public string Id { get; }

    public IReadOnlyList<TimePoint> TimePoints { get; }

    public TimePoint Baseline => TimePoints[0];

    public IEnumerable<TimePoint> FollowUps => TimePoints.Skip(1);

    /// <summary>Days since baseline of each time point, by time point id (what <c>FeatureTrajectories</c> plots against).</summary>
    public IReadOnlyDictionary<string, double> Days => TimePoints.ToDictionary(t => t.Id, t => t.Day);

    /// <summary>All region names with a mask at any time point, sorted.</summary>
    public IReadOnlyList<string> Regions => TimePoints.SelectMany(t => t.Masks.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
}
