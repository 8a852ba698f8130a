using Radiomics.Habitats.Clustering;
using Radiomics.Habitats.Model;
using Radiomics.IO;
using Radiomics.Tables;

namespace Radiomics.Habitats.Workflows;

/// <summary>
/// What <see cref="HabitatsWorkflow.Run"/> found: the habitat model (fitted or applied), the k selection scores when k
/// was chosen, and per scan its habitat map and measures. <see cref="Write"/> saves all of it to a folder.
/// </summary>
public sealed class HabitatsWorkflowResult
{
    internal HabitatsWorkflowResult(HabitatModel model, bool fitted, ClusterCountSelection? selection, HabitatsWorkflowSettings settings, IReadOnlyList<HabitatScanResult> scans)
    {
        Model = model;
        ModelFitted = fitted;
        Selection = selection;
        Settings = settings;
        Scans = scans;
    }

    /// <summary>The habitat model the maps were predicted with.</summary>
    public HabitatModel Model { get; }

    /// <summary>True when the model was fitted on these scans, false when a given model was applied.</summary>
    public bool ModelFitted { get; }

    /// <summary>The scores of every candidate k, or null when k was fixed or a model was applied.</summary>
    public ClusterCountSelection? Selection { get; }

    public HabitatsWorkflowSettings Settings { get; }

    /// <summary>One result per scan, in the order given.</summary>
    public IReadOnlyList<HabitatScanResult> Scans { get; }

    /// <summary>Per-habitat IBSI features of every scan (subject = the scan's name), or null when they were not asked for.</summary>
    public HabitatFeatureTable? HabitatFeatures { get; init; }

    /// <summary>Habitats (or families of them) the per-habitat features left out, and why.</summary>
    public IReadOnlyList<HabitatFeatureSkip> HabitatFeatureSkips { get; init; } = [];

    /// <summary>The region name of the per-habitat feature rows.</summary>
    public const string Region = "tumour";

    /// <summary>Number of habitats k.</summary>
    public int K => Model.HabitatCount;

    /// <summary>The feature channels clustered, in model column order.</summary>
    public IReadOnlyList<string> Channels => Model.Channels;

    /// <summary>Columns of <see cref="SelectionTable"/> (<c>k_selection.csv</c>).</summary>
    public static readonly IReadOnlyList<string> SelectionColumns = ["k", "inertia", "silhouette", "calinski_harabasz", "davies_bouldin", "stability", "gap", "gap_error", "chosen", "criterion"];

    /// <summary>Columns of <see cref="MeasuresTable"/> (<c>habitat_measures.csv</c>).</summary>
    public static readonly IReadOnlyList<string> MeasuresColumns = ["scan", "image", "habitat", "voxels", "volume_mm3", "fraction", "components"];

    /// <summary>Columns of <see cref="HeterogeneityTable"/> (<c>habitat_heterogeneity.csv</c>).</summary>
    public static readonly IReadOnlyList<string> HeterogeneityColumns =
        ["scan", "image", "habitats", "region_voxels", "fraction_entropy_bits", "normalised_fraction_entropy", "spatial_mixing_index"];

    /// <summary>The score of every candidate k and which one was chosen, or null without a selection (stability and gap are empty unless they were the criterion).</summary>
    public ResultTable? SelectionTable() => Selection is null ? null : SelectionTableOf(Selection, K, Settings.Criterion);

    /// <summary>The score of every candidate k of a selection, the chosen one marked (<c>k_selection.csv</c>; the study writes the same table).</summary>
    public static ResultTable SelectionTableOf(ClusterCountSelection selection, int chosen, ClusterCountCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return new ResultTable(
            SelectionColumns,
            selection.Scores.Select(s => (IReadOnlyList<object?>)[s.K, s.Inertia, s.Silhouette, s.CalinskiHarabasz, s.DaviesBouldin, s.Stability, s.Gap, s.GapError, s.K == chosen ? 1 : 0, criterion]));
    }

    /// <summary>One row per scan and habitat: voxels, volume (mm³), fraction of the tumour and connected components.</summary>
    public ResultTable MeasuresTable() => new(
        MeasuresColumns,
        Scans.SelectMany(s => s.Summary.Habitats.Select(h => (IReadOnlyList<object?>)[s.Name, s.Image, h.Habitat, h.Voxels, h.VolumeMm3, h.Fraction, h.Components])));

    /// <summary>One row per scan: the heterogeneity indices of its habitat map.</summary>
    public ResultTable HeterogeneityTable() => new(
        HeterogeneityColumns,
        Scans.Select(s => (IReadOnlyList<object?>)[s.Name, s.Image, K, s.Summary.RegionVoxels, s.Summary.FractionEntropy, s.Summary.NormalisedFractionEntropy, s.Summary.SpatialMixingIndex]));

    /// <summary>
    /// Writes <c>&lt;scan&gt;_habitats.nii.gz</c> per scan, <c>habitat_measures.csv</c>, <c>habitat_heterogeneity.csv</c>,
    /// <c>k_selection.csv</c> (when k was chosen), <c>habitat_model.json</c> (when the model was fitted) and, with per-habitat
    /// features, <c>habitat_features.csv</c> and <c>habitat_features_skipped.csv</c>, each atomically.
    /// </summary>
    public void Write(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Directory.CreateDirectory(folder);
        if (ModelFitted)
        {
            Model.Save(Path.Combine(folder, "habitat_model.json"));
        }

        SelectionTable()?.WriteCsv(Path.Combine(folder, "k_selection.csv"));
        foreach (var scan in Scans)
        {
            ImageFile.Write(scan.Habitats, SafePath.Under(folder, $"{scan.Name}_habitats.nii.gz"));
        }

        MeasuresTable().WriteCsv(Path.Combine(folder, "habitat_measures.csv"));
        HeterogeneityTable().WriteCsv(Path.Combine(folder, "habitat_heterogeneity.csv"));
        if (HabitatFeatures is not null)
        {
            HabitatFeatures.WriteCsv(Path.Combine(folder, "habitat_features.csv"));
            HabitatFeatureSkip.WriteCsv(Path.Combine(folder, "habitat_features_skipped.csv"), HabitatFeatureSkips);
        }
        else
        {
            // A rerun without them must not leave an earlier run's table beside the new maps.
            File.Delete(Path.Combine(folder, "habitat_features.csv"));
            File.Delete(Path.Combine(folder, "habitat_features_skipped.csv"));
        }
    }
}
