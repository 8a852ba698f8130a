using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Radiomics.Habitats.Model;
using Radiomics.IO;
using Radiomics.Longitudinal.Registration;
using Radiomics.Longitudinal.Study;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>
/// A longitudinal radiomics study from a cohort to its tables: validation of every input before any work, a habitat
/// model fitted on the cohort's baseline tumours (or a given one), then each subject on its own
/// (<see cref="SubjectPipeline"/>), skipping subjects already finished with the same settings, and the cohort tables
/// (<c>features.csv</c>, <c>features_wide.csv</c>, <c>deltas.csv</c>, <c>registration.csv</c>,
/// <c>habitat_transitions.csv</c>) with <c>study.json</c> (settings, versions, timings, problems).
/// </summary>
public static class StudyPipeline
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Runs the study; see the class remarks.</summary>
    /// <param name="cohort">The whole cohort as loaded (the habitat model is fitted on all of its valid baselines, so shards agree).</param>
    /// <param name="manifestReport">Problems found while loading the manifest (merged with the validation of the files).</param>
    /// <param name="settings">What to compute: features, registration, habitats, deltas, stability.</param>
    /// <param name="outputDirectory">The study folder; finished subjects found there are resumed, not recomputed.</param>
    /// <param name="options">Which subjects or shard, keep-going, a given habitat model, whether to write the cohort tables, and forced recomputation.</param>
    /// <param name="progress">Receives one report per subject and step.</param>
    /// <param name="cancellation">Stops the run; subjects already finished stay finished and are resumed next time.</param>
    /// <exception cref="StudyException">Invalid inputs without <see cref="StudyRunOptions.KeepGoing"/>, or a subject failed.</exception>
    public static StudyResult Run(
        Cohort cohort, ValidationReport manifestReport, StudySettings settings, string outputDirectory, StudyRunOptions? options = null,
        IProgress<StudyProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(manifestReport);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        options ??= new StudyRunOptions();
        settings.Features.Validate();
        SafePath.RequireId("region", settings.Region, "study settings");
        var watch = Stopwatch.StartNew();
        var layout = new StudyLayout(Path.GetFullPath(outputDirectory));

        // Fitting needs every valid baseline; a job given the model checks only its own subjects' files.
        bool fitting = settings.Habitats is not null && options.HabitatModelPath is null;
        var scope = fitting ? cohort : Part(cohort, options);
        var report = Check(scope, manifestReport, options.KeepGoing);
        var valid = report.ValidPart(scope);
        var part = fitting ? Part(valid, options) : valid;

        Directory.CreateDirectory(layout.Root);
        string hash = SettingsHash(settings);
        HabitatModel? model = null;
        Dictionary<string, Habitats.VoxelFeatures.VoxelFeatureMap>? baselineMaps = null;
        Habitats.Clustering.ClusterCountSelection? selection = null;
        if (settings.Habitats is { } habitats)
        {
            // Fitting maps every baseline; the maps of the subjects this run computes are kept (each cropped to its
            // tumour's bounding box, dropped once its subject is done) so that no baseline is mapped twice.
            (model, baselineMaps, selection) = options.HabitatModelPath is { } path
                ? (HabitatModel.Load(path), null, null)
                : CohortHabitatModel.Fit(valid, habitats, settings.Region, settings.Threads, progress, cancellation, settings.ChannelRegistration, part.Subjects.Select(s => s.Id).ToHashSet(StringComparer.Ordinal));
            if (fitting)
            {
                model.Save(layout.HabitatModel);
                WriteSelection(layout, selection, model, habitats);
            }
        }

        IImageRegistration? registration = settings.Registration is { } r
            ? new DeformableRegistration(r with { NumberOfThreads = settings.Threads })
            : null;
        var pipeline = new SubjectPipeline(settings, layout, model, registration, hash, baselineMaps);

        // Streaming: one subject's images at a time; its results go to its folder and are read back for the tables.
        var computed = new List<string>();
        var resumed = new List<string>();
        var failed = new SortedDictionary<string, string>(StringComparer.Ordinal);
        int done = 0;
        foreach (var subject in part.Subjects)
        {
            cancellation.ThrowIfCancellationRequested();
            var marker = options.Force ? null : SubjectDone.TryRead(layout.SubjectDone(subject.Id));
            if (marker is not null && marker.SettingsHash == hash)
            {
                resumed.Add(subject.Id);
                baselineMaps?.Remove(subject.Id);
                progress?.Report(new StudyProgress(subject.Id, "already done", ++done, part.Subjects.Count, 1));
                continue;
            }

            try
            {
                int doneSoFar = done;
                var subjectProgress = progress is null ? null : new SynchronousProgress<(string Step, double Fraction)>(p =>
                    progress.Report(new StudyProgress(subject.Id, p.Step, doneSoFar, part.Subjects.Count, p.Fraction)));
                pipeline.Run(subject, subjectProgress, cancellation);
                computed.Add(subject.Id);
                baselineMaps?.Remove(subject.Id);
            }
            catch (Exception e) when (options.KeepGoing && e is not OperationCanceledException)
            {
                failed[subject.Id] = e.Message;
            }
            catch (Exception e) when (e is not OperationCanceledException and not StudyException)
            {
                throw new StudyException($"Subject '{subject.Id}' failed: {e.Message}", e);
            }

            progress?.Report(new StudyProgress(subject.Id, "done", ++done, part.Subjects.Count, 1));
        }

        var result = new StudyResult(layout, Tables.FeatureTable.Empty, new Delta.DeltaTable([]), [], [], computed, resumed, failed, report, watch.Elapsed);
        return options.WriteTables ? WriteTables(result, settings, hash, model, watch) : result;
    }

    /// <summary>
    /// The manifest's problems merged with the files' (headers only); a <see cref="StudyException"/> listing them all
    /// when there are errors and <paramref name="keepGoing"/> is off.
    /// </summary>
    internal static ValidationReport Check(Cohort cohort, ValidationReport manifestReport, bool keepGoing)
    {
        var report = manifestReport.Merge(StudyValidator.Validate(cohort));
        if (report.HasErrors && !keepGoing)
        {
            throw new StudyException($"The study has problems; fix them or run with --keep-going to skip the subjects concerned:\n{report}");
        }

        return report;
    }

    /// <summary>
    /// The cohort tables and <c>study.json</c> from every subject finished in the folder with these settings (other
    /// jobs' and shards' included), read back from the subject folders: no image is loaded.
    /// </summary>
    internal static StudyResult WriteTables(StudyResult run, StudySettings settings, string hash, HabitatModel? model, Stopwatch watch)
    {
        var layout = run.Layout;
        var finished = StudyTables.Finished(layout).Values.Where(d => d.SettingsHash == hash).ToList();
        var tables = finished.Count > 0 ? StudyTables.Write([.. finished.Select(d => (layout, d))], layout, settings.Deltas, settings.Stability?.Threshold ?? 0.75) : CohortTables.Empty;
        var result = run with
        {
            Features = tables.Features, Deltas = tables.Deltas, Registrations = tables.Registrations, Transitions = tables.Transitions,
            StabilityRepeats = tables.StabilityRepeats, Stability = tables.Stability, DeltaVoxels = tables.DeltaVoxels, Elapsed = watch.Elapsed,
            HabitatFeatures = tables.HabitatFeatures, HabitatFeatureSkips = tables.HabitatFeatureSkips, HabitatDeltas = tables.HabitatDeltas,
        };
        WriteStudyJson(result, settings, hash, model, finished);
        return result;
    }

    /// <summary>
    /// Writes <c>k_selection.csv</c> (the columns of <c>radiomics habitats</c>) when k was chosen, and removes an
    /// earlier run's when it was fixed.
    /// </summary>
    internal static void WriteSelection(StudyLayout layout, Habitats.Clustering.ClusterCountSelection? selection, HabitatModel model, HabitatStudySettings habitats)
    {
        if (selection is not null && habitats.ClusterCount is { } range)
        {
            Habitats.Workflows.HabitatsWorkflowResult.SelectionTableOf(selection, model.HabitatCount, range.Criterion).WriteCsv(layout.KSelection);
        }
        else
        {
            File.Delete(layout.KSelection);
        }
    }

    /// <summary>The k selection of study.json: the range, the criterion, the chosen k and each k's score, read back from <c>k_selection.csv</c>.</summary>
    private static object? SelectionSummary(StudyLayout layout, StudySettings settings)
    {
        if (settings.Habitats?.ClusterCount is not { } range || !File.Exists(layout.KSelection))
        {
            return null;
        }

        var rows = Tables.RecordTable.Read(layout.KSelection, r => (K: (int)r.Integer("k"), Chosen: r.Integer("chosen") == 1, Scores: new
        {
            k = (int)r.Integer("k"),
            inertia = r.Number("inertia"),
            silhouette = r.Number("silhouette"),
            calinskiHarabasz = r.Number("calinski_harabasz"),
            daviesBouldin = r.Number("davies_bouldin"),
            stability = r.Number("stability", double.NaN),
            gap = r.Number("gap", double.NaN),
        }));
        return new
        {
            criterion = range.Criterion,
            range = $"{range.MinClusters}..{range.MaxClusters}",
            chosen = rows.Where(r => r.Chosen).Select(r => (int?)r.K).FirstOrDefault(),
            file = Path.GetFileName(layout.KSelection),
            scores = rows.Select(r => r.Scores),
        };
    }

    private static Cohort Part(Cohort cohort, StudyRunOptions options)
    {
        var part = cohort;
        if (options.Subjects is { } subjects)
        {
            part = part.Select(subjects);
        }

        if (options.Shard is { } shard)
        {
            part = part.Shard(shard.Index, shard.Count);
        }

        return part;
    }

    /// <summary>A short fingerprint of the settings: finished subjects are reused only under the same one.</summary>
    public static string SettingsHash(StudySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // The thread count does not change the numbers, so jobs with different core counts share finished subjects.
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(settings with { Threads = 0 }, Json)));
        return Convert.ToHexStringLower(bytes)[..16];
    }

    private static void WriteStudyJson(StudyResult result, StudySettings settings, string hash, HabitatModel? model, IReadOnlyList<SubjectDone> finished)
    {
        var assembly = typeof(StudyPipeline).Assembly.GetName();
        var json = new
        {
            format = "radiomics-study",
            toolkit = new { name = "radiomics", version = assembly.Version?.ToString() },
            runtime = new { dotnet = Environment.Version.ToString(), os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, cores = Environment.ProcessorCount },
            finished = DateTimeOffset.UtcNow,
            elapsedSeconds = result.Elapsed.TotalSeconds,
            settingsHash = hash,
            settings,
            habitatModel = model is null ? null : new { habitats = model.HabitatCount, channels = model.Channels, file = Path.GetFileName(result.Layout.HabitatModel) },
            kSelection = SelectionSummary(result.Layout, settings),
            subjects = new
            {
                computed = result.Computed,
                resumed = result.Resumed,
                failed = result.Failed,
                inTables = finished.Select(f => f.Subject).Order(StringComparer.Ordinal),
            },
            timingsSeconds = finished.ToDictionary(f => f.Subject, f => f.TimingsSeconds),
            problems = result.Validation.Problems.Select(p => p.ToString()),
        };
        AtomicFile.WriteAllText(result.Layout.StudyJson, JsonSerializer.Serialize(json, Json));
    }
}
