using Radiomics.Features;
using Radiomics.Longitudinal.Delta;
using Radiomics.Longitudinal.Registration;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>
/// Everything that decides a longitudinal study's numbers: one feature settings record for every time point, how
/// follow-ups are registered to baseline, how habitats are found and which deltas are reported. Written into
/// <c>study.json</c>; finished subjects are reused on a rerun only when these settings are unchanged.
/// </summary>
public sealed record StudySettings
{
    /// <summary>Feature extraction at every time point.</summary>
    public FeatureSettings Features { get; init; } = new();

    /// <summary>
    /// Registration of each follow-up with the baseline (the baseline is the moving image, so baseline masks are pulled
    /// onto each follow-up's grid). Null skips registration: every follow-up then needs its own masks, and there are no
    /// Jacobian volume changes or habitat transitions. The default adds the dense refinement to the B-spline
    /// (<see cref="DeformableRegistrationSettings.ForVolumeChange"/>) so the Jacobian volume change follows the tumour.
    /// </summary>
    public DeformableRegistrationSettings? Registration { get; init; } = DeformableRegistrationSettings.ForVolumeChange;

    /// <summary>
    /// Measure a growing tumour's Jacobian volume change on a second registration, baseline as fixed image, because
    /// the map that expands the tumour is the unbiased one (<see cref="JacobianVolumeChange"/>; one more registration
    /// per growing follow-up). Off: every ratio comes from the follow-up's own registration.
    /// </summary>
    public bool VolumeChangeOnExpandingMap { get; init; } = true;

    /// <summary>
    /// Extract each follow-up's features in the baseline frame: the follow-up image resampled onto the baseline grid
    /// through the inverted registration, inside the baseline mask. Changes then describe the same tissue over time
    /// (the region's volume stays the baseline's); off by default, when each scan is measured on its own grid and mask.
    /// </summary>
    public bool FeaturesInBaselineFrame { get; init; }

    /// <summary>Habitats at every time point; null skips them.</summary>
    public HabitatStudySettings? Habitats { get; init; } = new();

    /// <summary>Region (manifest <c>region</c> column) whose features, volume and habitats are computed.</summary>
    public string Region { get; init; } = Study.StudyManifest.DefaultRegion;

    /// <summary>
    /// Feature stability: features of each baseline extracted again under mask perturbations, and every feature's ICC
    /// across them in <c>stability.csv</c> (with <c>features_stable.csv</c>, the features reaching the threshold); null skips it.
    /// </summary>
    public Stability.StabilitySettings? Stability { get; init; }

    /// <summary>Kinds of change reported in <c>deltas.csv</c>.</summary>
    public IReadOnlyList<DeltaKind> Deltas { get; init; } = [.. DeltaTable.AllKinds];

    /// <summary>
    /// Delta voxel maps of every registered follow-up (<c>maps/&lt;tp&gt;_delta*.nii.gz</c>, <c>maps/&lt;tp&gt;_volume_ratio.nii.gz</c>
    /// on the baseline grid) and their summary per channel and baseline habitat in <c>delta_voxels.csv</c>: each baseline
    /// tumour voxel followed through the registration, with the Jacobian-corrected volume of its tissue (on by default).
    /// </summary>
    public bool DeltaMaps { get; init; } = true;

    /// <summary>Write the propagated masks, habitat maps and Jacobian determinant maps (follow-ups) of every time point as NIfTI files in <c>subjects/&lt;id&gt;/maps</c>.</summary>
    public bool WriteMaps { get; init; } = true;

    /// <summary>
    /// Registration of each channel of a multi-parametric visit to its reference channel before it is resampled onto
    /// the reference grid: Mattes mutual information (the channels' contrasts differ), starting from the headers'
    /// frame, three pyramid levels. On by default because sequences of one session are acquired minutes apart and the
    /// patient shifts; null trusts the headers (channels already co-registered). The default optimises a translation:
    /// within a session the motion is mostly a shift, and on images with little rotational structure (a round body,
    /// a coarse ADC grid) a rigid search drifts by degrees where a translation stays at identity (within 0.07 mm on
    /// the synthetic T2/ADC cohort, where Euler 3D turns by 2.8°); set <c>Transform = Euler3D</c> for rigid motion.
    /// Unused for single-channel visits.
    /// </summary>
    public ImageRegistrationSettings? ChannelRegistration { get; init; } = DefaultChannelRegistration;

    /// <summary>
    /// The reference channel of multi-parametric visits (<c>--reference-channel</c>): the grid of the habitat maps and the
    /// image of the longitudinal registration. Null: the first channel the manifest lists for each visit.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? ReferenceChannel { get; init; }

    /// <summary>The default <see cref="ChannelRegistration"/>.</summary>
    public static ImageRegistrationSettings DefaultChannelRegistration { get; } = new()
    {
        Transform = TransformKind.Translation,
        Metric = MetricSettings.MattesMutualInformation(32),
        ShrinkFactors = [4, 2, 1],
        Optimiser = new OptimiserSettings { NumberOfIterations = [60, 30, 20], MaximumStepLength = 2 },
    };

    /// <summary>Threads for registration and clustering (0: all cores).</summary>
    public int Threads { get; init; }
}
