using System.CommandLine;
using Radiomics.Features;
using Radiomics.IO;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Longitudinal.Registration;
using Radiomics.Workflows;

namespace Radiomics.Cli.Commands;

/// <summary>The options that set a study's numbers, shared by <c>study</c> and <c>demo</c>.</summary>
internal sealed class StudyOptions
{
    public Option<FileInfo?> Parameters { get; } = new("--params", "-p") { Description = "Feature settings (YAML) for every time point." };

    public Option<string?> Preset { get; } = new("--preset") { Description = $"Built-in feature settings: {string.Join(", ", FeaturePresets.Names)}." };

    public Option<bool> NoRegistration { get; } = new("--no-registration") { Description = "Skip registration (every follow-up then needs its own mask)." };

    public Option<bool> NoHabitats { get; } = new("--no-habitats") { Description = "Skip habitats." };

    public Option<string> Clusters { get; } = new("--clusters", "-k") { Description = "Number of habitats of the cohort model, or a range to choose k from on the cohort's baselines by --criterion (e.g. 4 or 2..6; scores in k_selection.csv).", DefaultValueFactory = _ => "3" };

    public Option<string> Criterion { get; } = HabitatOptions.CriterionOption();

    public Option<string> Normalise { get; } = HabitatOptions.NormaliseOption("the cohort's baselines", "--habitat-model");

    public Option<bool> NoHabitatFeatures { get; } = HabitatOptions.NoHabitatFeaturesOption();

    public Option<string> Region { get; } = new("--region") { Description = "Region (manifest region column) to analyse.", DefaultValueFactory = _ => "tumour" };

    public Option<int> Threads { get; } = new("--threads") { Description = "Threads (0: all cores).", DefaultValueFactory = _ => 0 };

    public Option<int> Seed { get; } = new("--seed") { Description = "Seed of habitat sub-sampling and k-means.", DefaultValueFactory = _ => 0 };

    public Option<bool> Stability { get; } = new("--stability") { Description = "Assess feature stability (ICC across mask perturbations of each baseline) and write stability.csv and features_stable.csv." };

    public Option<bool> BaselineFrame { get; } = new("--baseline-frame") { Description = "Extract follow-up features in the baseline frame (follow-up resampled onto the baseline grid, baseline mask)." };

    public Option<double?> GridSpacing { get; } = new("--grid-spacing") { Description = "Final B-spline control-point spacing of the deformable registration, mm (elastix's FinalGridSpacingInPhysicalUnits)." };

    public Option<string?> ReferenceChannel { get; } = new("--reference-channel") { Description = "Multi-parametric manifests (channel column): the channel every visit's other channels are registered to and whose grid the habitat maps are on (default: the first listed)." };

    public Option<bool> NoChannelRegistration { get; } = new("--no-channel-registration") { Description = "Multi-parametric manifests: trust the headers instead of registering each channel rigidly to the reference channel (channels already co-registered)." };

    public Option<bool> NoDeltaMaps { get; } = new("--no-delta-maps") { Description = "Skip the delta voxel maps (each follow-up's change in the baseline frame, maps/<tp>_delta*.nii.gz, delta_voxels.csv)." };

    public HabitatModelOptions Habitat { get; } = new();

    public IEnumerable<Option> All => [Parameters, Preset, NoRegistration, NoHabitats, Clusters, Criterion, Normalise, NoHabitatFeatures, Region, Threads, Seed, GridSpacing, Stability, BaselineFrame, ReferenceChannel, NoChannelRegistration, NoDeltaMaps, .. Habitat.All];

    public StudySettings Settings(ParseResult parse, FeatureSettings? defaultFeatures = null, DeformableRegistrationSettings? defaultRegistration = null)
    {
        var features = parse.GetValue(Parameters) is null && parse.GetValue(Preset) is null && defaultFeatures is not null
            ? defaultFeatures
            : ExtractionWorkflow.LoadSettings(parse.GetValue(Parameters)?.FullName, parse.GetValue(Preset));
        string clusters = parse.GetRequiredValue(Clusters);
        if (int.TryParse(clusters, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int single) && single is < 2 or > 255)
        {
            throw new InvalidInputException($"-k {single}: the number of habitats must be 2..255 (or give a range such as 2..6 to choose from).");
        }

        var (k, kMax) = HabitatOptions.ParseClusters(clusters);
        var criterion = HabitatOptions.Criterion(parse, Criterion, Clusters);

        var defaults = new StudySettings();
        var registration = defaultRegistration ?? defaults.Registration!;
        if (parse.GetValue(GridSpacing) is { } spacing)
        {
            OptionChecks.Positive(spacing, "--grid-spacing", "mm");
            if (registration.Deformable is null)
            {
                throw new InvalidInputException($"--grid-spacing {spacing}: the registration has no deformable stage to give a grid spacing.");
            }

            registration = registration with { Deformable = registration.Deformable with { GridSpacing = spacing } };
        }

        return defaults with
        {
            // The settings file's habitats section lives in the habitat model's settings only (one source).
            Features = features with { Habitats = null },
            Registration = parse.GetValue(NoRegistration) ? null : registration,
            Habitats = parse.GetValue(NoHabitats) ? null : new HabitatStudySettings
            {
                Model = Habitat.Apply(parse, HabitatStudySettings.DefaultModel with
                {
                    KMeans = HabitatStudySettings.DefaultModel.KMeans with { NClusters = k, Seed = parse.GetValue(Seed) },
                    VoxelFeatures = features.Habitats ?? HabitatStudySettings.DefaultModel.VoxelFeatures,
                    Normalisation = HabitatOptions.ParseNormalisation(parse.GetRequiredValue(Normalise)),
                }),
                ClusterCount = kMax > k ? new ClusterCountRange(k, kMax, criterion) : null,
                PerHabitatFeatures = !parse.GetValue(NoHabitatFeatures),
            },
            Region = parse.GetRequiredValue(Region),
            Threads = OptionChecks.Threads(parse.GetValue(Threads)),
            FeaturesInBaselineFrame = parse.GetValue(BaselineFrame),
            Stability = parse.GetValue(Stability) ? new Longitudinal.Stability.StabilitySettings() : null,
            ReferenceChannel = parse.GetValue(ReferenceChannel) is { } reference ? SafePath.RequireId("channel", reference, "--reference-channel") : null,
            ChannelRegistration = parse.GetValue(NoChannelRegistration) ? null : defaults.ChannelRegistration,
            DeltaMaps = !parse.GetValue(NoDeltaMaps),
        };
    }
}
