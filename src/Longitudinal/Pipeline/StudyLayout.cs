using Radiomics.IO;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>
/// Where a study writes its outputs. Each subject has its own folder, written by one job and finished by
/// <c>done.json</c> (written last), so shards can share one output folder and an interrupted run resumes per subject;
/// the cohort tables at the top are rebuilt from the subject folders. IDs become folder and file names only after
/// <see cref="SafePath.RequireId"/> accepts them, and every path is checked to lie under <see cref="Root"/>.
/// </summary>
public sealed record StudyLayout(string Root)
{
    public string SubjectsFolder => Path.Combine(Root, "subjects");

    public string SubjectFolder(string subject) => SafePath.Under(Root, "subjects", SafePath.RequireId("subject", subject));

    public string SubjectDone(string subject) => Path.Combine(SubjectFolder(subject), "done.json");

    public string SubjectFeatures(string subject) => Path.Combine(SubjectFolder(subject), "features.csv");

    public string SubjectRegistrations(string subject) => Path.Combine(SubjectFolder(subject), "registration.csv");

    public string SubjectTransitions(string subject) => Path.Combine(SubjectFolder(subject), "habitat_transitions.csv");

    public string SubjectDeltaVoxels(string subject) => Path.Combine(SubjectFolder(subject), "delta_voxels.csv");

    /// <summary>The subject's per-habitat IBSI features (every time point and channel).</summary>
    public string SubjectHabitatFeatures(string subject) => Path.Combine(SubjectFolder(subject), "habitat_features.csv");

    /// <summary>The habitats (or families) the subject's per-habitat features left out, and why.</summary>
    public string SubjectHabitatFeaturesSkipped(string subject) => Path.Combine(SubjectFolder(subject), "habitat_features_skipped.csv");

    public string SubjectStabilityRepeats(string subject) => Path.Combine(SubjectFolder(subject), "stability_repeats.csv");

    public string SubjectMap(string subject, string timePoint, string kind) => SubjectMap(subject, timePoint, kind, ".nii.gz");

    /// <summary>The DICOM SEG of a label map, beside its NIfTI (for scans read from DICOM).</summary>
    public string SubjectMapSegmentation(string subject, string timePoint, string kind) => SubjectMap(subject, timePoint, kind, ".seg.dcm");

    private string SubjectMap(string subject, string timePoint, string kind, string extension) =>
        SafePath.Under(SubjectFolder(subject), "maps", $"{SafePath.RequireId("time point", timePoint, $"subject {subject}")}_{SafePath.RequireId("region", kind, $"subject {subject}")}{extension}");

    /// <summary>The subjects that passed validation, one id a line: the jobs of a workflow.</summary>
    public string SubjectList => Path.Combine(Root, "subjects.txt");

    /// <summary>Problems found by validation, one a line.</summary>
    public string Validation => Path.Combine(Root, "validation.txt");

    public string HabitatModel => Path.Combine(Root, "habitat_model.json");

    public string Features => Path.Combine(Root, "features.csv");

    public string FeaturesWide => Path.Combine(Root, "features_wide.csv");

    public string Deltas => Path.Combine(Root, "deltas.csv");

    public string Registrations => Path.Combine(Root, "registration.csv");

    public string Transitions => Path.Combine(Root, "habitat_transitions.csv");

    /// <summary>Every subject's per-habitat IBSI features.</summary>
    public string HabitatFeatures => Path.Combine(Root, "habitat_features.csv");

    /// <summary>Every subject's skipped habitats (or families of them).</summary>
    public string HabitatFeaturesSkipped => Path.Combine(Root, "habitat_features_skipped.csv");

    /// <summary>The changes of the per-habitat features (habitat-wise delta-radiomics).</summary>
    public string HabitatDeltas => Path.Combine(Root, "habitat_deltas.csv");

    /// <summary>The score of every candidate k when the study chose k (<c>-k 2..6</c>).</summary>
    public string KSelection => Path.Combine(Root, "k_selection.csv");

    /// <summary>Every subject's delta voxel map summary.</summary>
    public string DeltaVoxels => Path.Combine(Root, "delta_voxels.csv");

    public string Stability => Path.Combine(Root, "stability.csv");

    public string StableFeatures => Path.Combine(Root, "features_stable.csv");

    public string StudyJson => Path.Combine(Root, "study.json");

    public string Report => Path.Combine(Root, "report.html");
}
