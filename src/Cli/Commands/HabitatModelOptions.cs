using System.CommandLine;
using Radiomics.Habitats.Model;

namespace Radiomics.Cli.Commands;

/// <summary>The options of the habitat model that <c>habitats</c> and <c>study</c> share: strategy, supervoxels and N4.</summary>
internal sealed class HabitatModelOptions
{
    public Option<string> Strategy { get; } = CreateStrategy();

    public Option<int> Supervoxels { get; } = new("--supervoxels") { Description = "Supervoxels per scan with --strategy two-stage.", DefaultValueFactory = _ => 50 };

    public Option<bool> N4 { get; } = new("--n4") { Description = "N4 bias-field correction of every scan (each channel) before its normalisation (MR; ITK's defaults), recorded in the habitat model." };

    public IEnumerable<Option> All => [Strategy, Supervoxels, N4];

    /// <summary>The model settings with the parsed strategy, supervoxel count and N4 step.</summary>
    public HabitatSettings Apply(ParseResult parse, HabitatSettings settings) => settings with
    {
        Strategy = parse.GetValue(Strategy) == "two-stage" ? HabitatStrategy.TwoStage : HabitatStrategy.OneStage,
        Supervoxels = settings.Supervoxels with { Count = (int)OptionChecks.Positive(parse.GetValue(Supervoxels), "--supervoxels", "supervoxels", max: 100_000) },
        BiasFieldCorrection = parse.GetValue(N4) ? new Processing.BiasField.N4Settings() : null,
    };

    private static Option<string> CreateStrategy()
    {
        var strategy = new Option<string>("--strategy") { Description = "one-stage (k-means on the pooled voxels) or two-stage (per-scan supervoxels, then k-means on their feature means).", DefaultValueFactory = _ => "one-stage" };
        strategy.AcceptOnlyFromAmong("one-stage", "two-stage");
        return strategy;
    }
}
