using System.Globalization;
using Radiomics.Features;
using Radiomics.Filters;
using Radiomics.IO;
using Radiomics.Processing;
using Radiomics.TestSupport;
using Xunit.Abstractions;

namespace Radiomics.Core.Tests.Filters;

/// <summary>
/// IBSI 2 phase 2 through the feature extractor: every filter id of <c>reference_values.csv</c> (configurations A and
/// B) as a <see cref="FeatureSettings"/> with one image type, the 18 intensity statistics of the response map within
/// tolerance.
/// </summary>
public class IbsiPhase2ExtractorTests(ITestOutputHelper output)
{
    /// <summary>IBSI 2 tags of the intensity statistics and their IBSI 1 codes.</summary>
    private static readonly Dictionary<string, string> Codes = new(StringComparer.Ordinal)
    {
        ["stat_mean"] = "Q4LE", ["stat_var"] = "ECT3", ["stat_skew"] = "KE2A", ["stat_kurt"] = "IPH6", ["stat_median"] = "Y12H",
        ["stat_min"] = "1GSF", ["stat_p10"] = "QG58", ["stat_p90"] = "8DWT", ["stat_max"] = "84IY", ["stat_iqr"] = "SALO",
        ["stat_range"] = "2OJQ", ["stat_mad"] = "4FUA", ["stat_rmad"] = "1128", ["stat_medad"] = "N72L", ["stat_cov"] = "7TET",
        ["stat_qcod"] = "9S40", ["stat_energy"] = "N8CA", ["stat_rms"] = "5ZWQ",
    };

    /// <summary>
    /// Ids whose filtering of the 1 mm resampled phantom takes a minute or more on 2 cores (5.B: 3D Gabor over three
    /// orthogonal planes, 16 orientations, 7.7 min; 8.B and 9.B: 3D Simoncelli, 70 s each). Their filters are covered
    /// quickly by the phase 1 maps and the 2D ids; they run with TOOLKIT_LONG_TESTS=1.
    /// </summary>
    private static readonly string[] Long = ["5.B", "8.B", "9.B"];

    public static TheoryData<string> Ids => new(IbsiPhase2Configurations.All.Select(c => c.Id).Except(Long));

    public static TheoryData<string> LongIds => new(Long);

    /// <summary>The settings of a phase 2 id: A on the image grid, B resampled to 1 mm with cubic B-splines.</summary>
    public static FeatureSettings Settings(IbsiPhase2Configurations.Configuration c) => new()
    {
        Resampling = c.TwoD ? null : new ResamplingSettings
        {
            Spacing = new Radiomics.Imaging.Vec3(1, 1, 1), Interpolator = Interpolator.BSpline, MaskInterpolator = Interpolator.Linear,
            PartialVolumeThreshold = 0.5, RoundIntensities = true,
        },
        Resegmentation = new ResegmentationSettings { Minimum = c.ResegmentationRange.Min, Maximum = c.ResegmentationRange.Max },
        Families = FeatureFamilies.IntensityStatistics,
        ImageTypes = [c.Filter is null ? ImageType.OriginalImage : ImageType.Of(c.Filter)],
    };

    [LongRunningTheory]
    [MemberData(nameof(LongIds))]
    public void Long_running_phase_2_configuration_matches_the_reference_through_the_extractor(string id) =>
        Phase_2_configuration_matches_the_reference_through_the_extractor(id);

    [SharedDataTheory]
    [MemberData(nameof(Ids))]
    public void Phase_2_configuration_matches_the_reference_through_the_extractor(string id)
    {
        var configuration = IbsiPhase2Configurations.All.Single(c => c.Id == id);
        var dir = SharedData.Path("ibsi", "ibsi_1_ct_radiomics_phantom", "nifti");
        var table = FeatureExtractor.Extract(ImageFile.Read(Path.Combine(dir, "image", "phantom.nii.gz")), ImageFile.ReadLabelMap(Path.Combine(dir, "mask", "mask.nii.gz")), Settings(configuration));
        var failures = new List<string>();
        foreach (var line in File.ReadLines(SharedData.Path("ibsi", "ibsi_2_reference_data", "reference_values.csv")).Skip(1).Where(l => l.Length > 0))
        {
            var f = line.Split(';');
            if (f[0] != id || f[3].Length == 0)
            {
                continue;
            }

            double reference = double.Parse(f[3], CultureInfo.InvariantCulture), tolerance = double.Parse(f[4], CultureInfo.InvariantCulture);
            var row = table.Single(r => r.IbsiCode == Codes[f[2]]);
            Assert.Equal(configuration.Filter?.ImageTypeName() ?? "original", row.ImageType);
            bool pass = Math.Abs(row.Value - reference) <= tolerance;
            output.WriteLine($"{id} {f[2]}: {row.Value:G5} (reference {reference:G5} ± {tolerance:G3}) {(pass ? "ok" : "FAIL")}");
            if (!pass)
            {
                failures.Add($"{f[2]} = {row.Value:G5}, reference {reference:G5} ± {tolerance:G3}");
            }
        }

        Assert.True(failures.Count == 0, $"{id}: " + string.Join("; ", failures));
    }
}
