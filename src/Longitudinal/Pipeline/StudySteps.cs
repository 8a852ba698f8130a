using System.Diagnostics;
using Radiomics.Habitats.Model;
using Radiomics.IO;
using Radiomics.Longitudinal.Study;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>
/// <see cref="StudyPipeline.Run"/> cut into the jobs of a workflow engine (the Snakemake workflow in
/// <c>workflow/</c>): validate the cohort, fit the habitat model once on the baselines, run each subject on its own
/// with that model (<see cref="StudyPipeline.Run"/> with <see cref="StudyRunOptions.Subjects"/>,
/// <see cref="StudyRunOptions.HabitatModelPath"/> and without <see cref="StudyRunOptions.WriteTables"/>), and write the
/// cohort tables from the finished subject folders. Every step writes into the same study folder as a single run, so
/// the outputs are the same files with the same rows whichever way the study ran.
/// </summary>
public static class StudySteps
{
    /// <summary>
    /// Checks the manifest and every file's header, writes the problems (<c>validation.txt</c>) and the subjects to
    /// run (<c>subjects.txt</c>, one id a line, in ordinal order).
    /// </summary>
    /// <exception cref="StudyException">Problems and <paramref name="keepGoing"/> is off (nothing is written).</exception>
    public static ValidationReport Validate(Cohort cohort, ValidationReport manifestReport, string outputDirectory, bool keepGoing = false)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(manifestReport);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        var layout = new StudyLayout(Path.GetFullPath(outputDirectory));
        var report = StudyPipeline.Check(cohort, manifestReport, keepGoing);
        var subjects = report.ValidPart(cohort).Subjects.Select(s => s.Id).Order(StringComparer.Ordinal).ToList();
        if (subjects.Count == 0)
        {
            throw new StudyException("No subject of the study can run: every one has problems.\n" + report);
        }

        Directory.CreateDirectory(layout.Root);
        AtomicFile.WriteAllText(layout.Validation, report.Problems.Count == 0 ? "" : report + "\n");
        AtomicFile.WriteAllText(layout.SubjectList, string.Concat(subjects.Select(s => s + "\n")));
        return report;
    }

    /// <summary>
    /// Fits the cohort habitat model on the valid baselines, streaming one scan at a time
    /// (<see cref="CohortHabitatModel"/>), and saves it as <c>habitat_model.json</c>: the model a single run fits.
    /// </summary>
    /// <exception cref="StudyException">The settings have no habitats, or the cohort has problems and <paramref name="keepGoing"/> is off.</exception>
    public static HabitatModel FitHabitatModel(
        Cohort cohort, ValidationReport manifestReport, StudySettings settings, string outputDirectory, bool keepGoing = false,
        IProgress<StudyProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(manifestReport);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        if (settings.Habitats is not { } habitats)
        {
            throw new StudyException("The study's settings have no habitats, so there is no habitat model to fit.");
        }

        var layout = new StudyLayout(Path.GetFullPath(outputDirectory));
        var report = StudyPipeline.Check(cohort, manifestReport, keepGoing);
        var (model, selection) = CohortHabitatModel.FitWithSelection(report.ValidPart(cohort), habitats, settings.Region, settings.Threads, progress, cancellation, settings.ChannelRegistration);
        Directory.CreateDirectory(layout.Root);
        model.Save(layout.HabitatModel);
        StudyPipeline.WriteSelection(layout, selection, model, habitats);
        return model;
    }

    /// <summary>
    /// The cohort tables and <c>study.json</c> of the subjects finished in <paramref name="outputDirectory"/> with these
    /// settings, read back from their folders (no image is loaded), with the folder's habitat model when there is one.
    /// </summary>
    /// <exception cref="StudyException">No subject is finished with these settings.</exception>
    public static StudyResult WriteTables(StudySettings settings, string outputDirectory, ValidationReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        var watch = Stopwatch.StartNew();
        var layout = new StudyLayout(Path.GetFullPath(outputDirectory));
        string hash = StudyPipeline.SettingsHash(settings);
        var finished = StudyTables.Finished(layout).Values.Where(d => d.SettingsHash == hash).Select(d => d.Subject).ToList();
        if (finished.Count == 0)
        {
            throw new StudyException($"No subject is finished in {layout.Root} with these settings ({hash}); run the subjects first with the same options.");
        }

        var model = settings.Habitats is not null && File.Exists(layout.HabitatModel) ? HabitatModel.Load(layout.HabitatModel) : null;
        var run = new StudyResult(
            layout, Tables.FeatureTable.Empty, new Delta.DeltaTable([]), [], [], [], finished, new SortedDictionary<string, string>(), report ?? new ValidationReport([]), TimeSpan.Zero);
        return StudyPipeline.WriteTables(run, settings, hash, model, watch);
    }
}
