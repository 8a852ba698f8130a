using System.Globalization;

namespace Radiomics.Longitudinal.Study;

/// <summary>All subjects of a study. Subjects are independent jobs, so a cohort can be split into shards for a scheduler.</summary>
public sealed record Cohort(IReadOnlyList<Subject> Subjects)
{
    public int TimePointCount => Subjects.Sum(s => s.TimePoints.Count);

    /// <summary>Each subject's days since baseline by time point id (what <c>DeltaTable.Compute</c> takes).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Days => Subjects.ToDictionary(s => s.Id, s => s.Days);

    public Subject this[string subjectId] =>
        Subjects.FirstOrDefault(s => s.Id == subjectId) ?? throw new KeyNotFoundException($"No subject '{subjectId}' in the cohort.");

    /// <summary>The subjects with the given ids; unknown ids are an error so that a typo does not silently drop work.</summary>
    public Cohort Select(IEnumerable<string> subjectIds)
    {
        ArgumentNullException.ThrowIfNull(subjectIds);
        var ids = subjectIds.ToList();
        var unknown = ids.Where(id => Subjects.All(s => s.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidInputException($"unknown subject(s) {string.Join(", ", unknown)}; the cohort has {string.Join(", ", Subjects.Select(s => s.Id))}.");
        }

        return new Cohort(Subjects.Where(s => ids.Contains(s.Id)).ToList());
    }

    /// <summary>
    /// Shard <paramref name="index"/> (1-based) of <paramref name="count"/>: subjects sorted by id and dealt round-robin,
    /// so every subject lands in exactly one shard whatever order the manifest lists them in.
    /// </summary>
    public Cohort Shard(int index, int count)
    {
        if (count < 1 || index < 1 || index > count)
        {
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"shard {index}/{count} is not valid; use i/n with 1 ≤ i ≤ n."));
        }

        return new Cohort(Subjects.OrderBy(s => s.Id, StringComparer.Ordinal).Where((_, i) => i % count == index - 1).ToList());
    }

    /// <summary>Parses "i/n" as used by <c>--shard</c>.</summary>
    public static (int Index, int Count) ParseShard(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int i)
            && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int n)
            && n >= 1 && i >= 1 && i <= n)
        {
            return (i, n);
        }

        throw new InvalidInputException($"'{text}' is not a shard; write i/n with 1 ≤ i ≤ n, e.g. 2/8.");
    }
}
