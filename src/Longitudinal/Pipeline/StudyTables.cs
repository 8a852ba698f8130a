using Radiomics.Longitudinal.Delta;
using Radiomics.Tables;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>
/// Builds the cohort tables from finished subject folders, from one study folder or several (the <c>merge</c> step of
/// sharded runs), and writes them atomically.
/// </summary>
public static class StudyTables
{
    /// <summary>Finished subjects of a study folder: their <c>done.json</c> markers, by subject.</summary>
    public static IReadOnlyDictionary<string, SubjectDone> Finished(StudyLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var result = new SortedDictionary<string, SubjectDone>(StringComparer.Ordinal);
        if (!Directory.Exists(layout.SubjectsFolder))
        {
            return result;
        }

        foreach (var folder in Directory.EnumerateDirectories(layout.SubjectsFolder))
        {
            if (SubjectDone.TryRead(Path.Combine(folder, "done.json")) is { } done)
            {
                // The subject a done.json names must be its own folder's: a copied or forged file cannot point elsewhere.
                if (!string.Equals(done.Subject, Path.GetFileName(folder), StringComparison.Ordinal))
                {
                    throw new StudyException($"{Path.Combine(folder, "done.json")}: it names subject '{done.Subject}', not its folder's subject '{Path.GetFileName(folder)}'.");
                }

                result[done.Subject] = done;
            }
        }

        return result;
    }

    /// <summary>Reads a finished subject back from its folder.</summary>
    public static SubjectOutcome Read(StudyLayout layout, SubjectDone done)
    {
        var outcome = ReadWholeTumour(layout, done);
        return outcome with
        {
            HabitatFeatures = File.Exists(layout.SubjectHabitatFeatures(done.Subject))
                ? Habitats.Model.HabitatFeatureTable.ReadCsv(layout.SubjectHabitatFeatures(done.Subject))
                : Habitats.Model.HabitatFeatureTable.Empty,
            HabitatFeatureSkips = File.Exists(layout.SubjectHabitatFeaturesSkipped(done.Subject))
                ? Habitats.Model.HabitatFeatureSkip.ReadCsv(layout.SubjectHabitatFeaturesSkipped(done.Subject))
                : [],
        };
    }

    /// <summary>A finished subject without its per-habitat tables, which <see cref="HabitatStudyTables"/> streams from its folder.</summary>
    private static SubjectOutcome ReadWholeTumour(StudyLayout layout, SubjectDone done)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(done);
        return new SubjectOutcome(
            done.Subject,
            Resumed: true,
            FeatureTable.ReadCsv(layout.SubjectFeatures(done.Subject)),
            RegistrationRecord.ReadCsv(layout.SubjectRegistrations(done.Subject)),
            TransitionRecord.ReadCsv(layout.SubjectTransitions(done.Subject)),
            File.Exists(layout.SubjectStabilityRepeats(done.Subject)) ? FeatureTable.ReadCsv(layout.SubjectStabilityRepeats(done.Subject)) : FeatureTable.Empty,
            done)
        {
            DeltaVoxels = File.Exists(layout.SubjectDeltaVoxels(done.Subject)) ? DeltaMaps.DeltaVoxelRecord.ReadCsv(layout.SubjectDeltaVoxels(done.Subject)) : [],
        };
    }

    /// <summary>
    /// Combines the finished subjects of <paramref name="sources"/> into the cohort tables of <paramref name="target"/>.
    /// Subjects finished under different settings cannot be combined.
    /// </summary>
    /// <exception cref="StudyException">No finished subject, a subject twice, or subjects of different settings.</exception>
    public static CohortTables Merge(
        IReadOnlyList<StudyLayout> sources, StudyLayout target, IReadOnlyCollection<DeltaKind> kinds, double stabilityThreshold = 0.75)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(target);
        var finished = new List<(StudyLayout Folder, SubjectDone Done)>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        string? hash = null;
        foreach (var source in sources)
        {
            foreach (var done in Finished(source).Values)
            {
                if (seen.TryGetValue(done.Subject, out var other))
                {
                    throw new StudyException($"Subject '{done.Subject}' is finished in both {other} and {source.Root}; merge each subject once.");
                }

                if (hash is not null && done.SettingsHash != hash)
                {
                    throw new StudyException($"Subject '{done.Subject}' in {source.Root} was computed with other settings ({done.SettingsHash}) than the others ({hash}); rerun it with the same settings.");
                }

                hash = done.SettingsHash;
                seen[done.Subject] = source.Root;
                finished.Add((source, done));
            }
        }

        if (finished.Count == 0)
        {
            throw new StudyException($"No finished subject in {string.Join(", ", sources.Select(s => s.Root))} (a finished subject folder holds done.json).");
        }

        return Write(finished, target, kinds, stabilityThreshold);
    }

    /// <summary>
    /// The cohort tables of the finished subjects, each read from the study folder that holds it: the whole-tumour
    /// tables in memory, the per-habitat ones streamed (<see cref="HabitatStudyTables"/>).
    /// </summary>
    internal static CohortTables Write(
        IReadOnlyList<(StudyLayout Folder, SubjectDone Done)> finished, StudyLayout layout, IReadOnlyCollection<DeltaKind> kinds, double stabilityThreshold)
    {
        var sorted = finished.OrderBy(f => f.Done.Subject, StringComparer.Ordinal).ToArray();
        var ordered = sorted.Select(f => ReadWholeTumour(f.Folder, f.Done)).ToArray();
        var features = FeatureTable.Concat(ordered.Select(o => o.Features));
        var days = ordered.ToDictionary(o => o.Subject, o => o.Done.Days, StringComparer.Ordinal);
        var deltas = DeltaTable.Compute(features, days, kinds);
        var registrations = ordered.SelectMany(o => o.Registrations).ToList();
        var transitions = ordered.SelectMany(o => o.Transitions).ToList();
        Directory.CreateDirectory(layout.Root);
        features.WriteCsv(layout.Features);
        features.Wide().WriteCsv(layout.FeaturesWide);
        deltas.WriteCsv(layout.Deltas);
        RegistrationRecord.WriteCsv(layout.Registrations, registrations);
        TransitionRecord.WriteCsv(layout.Transitions, transitions);
        var deltaVoxels = ordered.SelectMany(o => o.DeltaVoxels).ToList();
        if (deltaVoxels.Count > 0)
        {
            DeltaMaps.DeltaVoxelRecord.WriteCsv(layout.DeltaVoxels, deltaVoxels);
        }
        else
        {
            // As for a subject's own table: a rerun without delta maps must not leave an earlier run's summary behind.
            File.Delete(layout.DeltaVoxels);
        }
        var (habitatFeatures, habitatSkips, habitatDeltas) = HabitatStudyTables.Write([.. sorted.Select(f => (f.Folder, f.Done.Subject))], layout, days, kinds);
        var repeats = FeatureTable.Concat(ordered.Select(o => o.StabilityRepeats));
        Stability.StabilityTable? stability = null;
        if (repeats.Select(r => r.Subject).Distinct().Count() >= 2)
        {
            stability = Stability.StabilityTable.FromRepeats(repeats);
            stability.WriteCsv(layout.Stability);
            stability.KeepStable(features, stabilityThreshold).WriteCsv(layout.StableFeatures);
        }

        return new CohortTables(features, deltas, registrations, transitions)
        {
            StabilityRepeats = repeats, Stability = stability, DeltaVoxels = deltaVoxels,
            HabitatFeatures = habitatFeatures, HabitatFeatureSkips = habitatSkips, HabitatDeltas = habitatDeltas,
        };
    }
}
