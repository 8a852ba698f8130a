using System.Globalization;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.TestSupport;
using Xunit.Abstractions;

namespace Radiomics.Core.Tests.Filters;

/// <summary>
/// IBSI 2 phase 2 reference values (<c>reference_values.csv</c>). The 2D "A" configurations need no resampling,
/// so they are checked here already with a minimal statistics helper; the "B" configurations wait for the feature
/// extractor's resampling (see <see cref="IbsiPhase2Configurations"/>).
/// </summary>
public class IbsiPhase2Tests(ITestOutputHelper output)
{
    private sealed record Reference(string FilterId, string Tag, double? Value, double? Tolerance);

    private static readonly Lazy<IReadOnlyList<Reference>> References = new(() =>
        File.ReadLines(SharedData.Path("ibsi", "ibsi_2_reference_data", "reference_values.csv"))
            .Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split(';'))
            .Select(f => new Reference(f[0], f[2], Number(f[3]), Number(f[4])))
            .ToArray());

    private static double? Number(string text) => text.Length == 0 ? null : double.Parse(text, CultureInfo.InvariantCulture);

    [SharedDataFact]
    public void Every_phase_2_filter_id_has_a_configuration_and_18_reference_values()
    {
        var ids = References.Value.Select(r => r.FilterId).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(ids, IbsiPhase2Configurations.All.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.All(ids, id => Assert.Equal(18, References.Value.Count(r => r.FilterId == id)));
    }

    public static TheoryData<string> TwoDimensionalIds => new(IbsiPhase2Configurations.All.Where(c => c.TwoD).Select(c => c.Id));

    [SharedDataTheory]
    [MemberData(nameof(TwoDimensionalIds))]
    public void Two_dimensional_configuration_matches_the_reference_intensity_statistics(string id)
    {
        var configuration = IbsiPhase2Configurations.All.Single(c => c.Id == id);
        var image = ImageFile.Read<double>(SharedData.Path("ibsi", "ibsi_1_ct_radiomics_phantom", "nifti", "image", "phantom.nii.gz"));
        var mask = ImageFile.ReadLabelMap(SharedData.Path("ibsi", "ibsi_1_ct_radiomics_phantom", "nifti", "mask", "mask.nii.gz"));
        image.Geometry.EnsureMatches(mask.Geometry, "phase 2 mask");

        var response = configuration.Filter?.Apply(image) ?? image;
        var (min, max) = configuration.ResegmentationRange;
        var original = image.Voxels;
        var values = new List<double>();
        for (int i = 0; i < original.Length; i++)
        {
            if (mask.Voxels[i] != 0 && original[i] >= min && original[i] <= max)
            {
                values.Add(response.Voxels[i]);
            }
        }

        var computed = IntensityStatisticsForTests.Compute([.. values]);
        var failures = new List<string>();
        foreach (var reference in References.Value.Where(r => r.FilterId == id && r.Value is not null))
        {
            double value = computed[reference.Tag];
            bool pass = Math.Abs(value - reference.Value!.Value) <= reference.Tolerance;
            output.WriteLine($"{id} {reference.Tag}: {value:G5} (reference {reference.Value:G5} ± {reference.Tolerance:G3}) {(pass ? "ok" : "FAIL")}");
            if (!pass)
            {
                failures.Add($"{reference.Tag} = {value:G5}, reference {reference.Value:G5} ± {reference.Tolerance:G3}");
            }
        }

        Assert.True(failures.Count == 0, $"{id} ({configuration.Filter?.ImageTypeName() ?? "original"}): " + string.Join("; ", failures));
    }
}

/// <summary>
/// The 18 IBSI 1 intensity statistics (IBSI tags stat_*), only to check the phase 2 "A" configurations before the
/// feature extractor exists; the extractor's own implementation replaces it.
/// </summary>
internal static class IntensityStatisticsForTests
{
    public static Dictionary<string, double> Compute(double[] x)
    {
        int n = x.Length;
        var sorted = x.Order().ToArray();
        double mean = x.Average();
        double m2 = x.Sum(v => Math.Pow(v - mean, 2)) / n;
        double m3 = x.Sum(v => Math.Pow(v - mean, 3)) / n;
        double m4 = x.Sum(v => Math.Pow(v - mean, 4)) / n;
        double Percentile(double p)
        {
            double h = (n - 1) * p;
            int lo = (int)Math.Floor(h);
            return lo + 1 < n ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
        }

        double median = Percentile(0.5), p10 = Percentile(0.1), p90 = Percentile(0.9), p25 = Percentile(0.25), p75 = Percentile(0.75);
        var robust = x.Where(v => v >= p10 && v <= p90).ToArray();
        double robustMean = robust.Average();
        double energy = x.Sum(v => v * v);
        return new()
        {
            ["stat_mean"] = mean,
            ["stat_var"] = m2,
            ["stat_skew"] = m3 / Math.Pow(m2, 1.5),
            ["stat_kurt"] = m4 / (m2 * m2) - 3,
            ["stat_median"] = median,
            ["stat_min"] = sorted[0],
            ["stat_p10"] = p10,
            ["stat_p90"] = p90,
            ["stat_max"] = sorted[^1],
            ["stat_iqr"] = p75 - p25,
            ["stat_range"] = sorted[^1] - sorted[0],
            ["stat_mad"] = x.Sum(v => Math.Abs(v - mean)) / n,
            ["stat_rmad"] = robust.Sum(v => Math.Abs(v - robustMean)) / robust.Length,
            ["stat_medad"] = x.Sum(v => Math.Abs(v - median)) / n,
            ["stat_cov"] = Math.Sqrt(m2) / mean,
            ["stat_qcod"] = (p75 - p25) / (p75 + p25),
            ["stat_energy"] = energy,
            ["stat_rms"] = Math.Sqrt(energy / n),
        };
    }
}
