using System.Globalization;
using Radiomics.Features.PyRadiomics;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.TestSupport;
using Xunit.Abstractions;

namespace Radiomics.Core.Tests.Features.PyRadiomics;

/// <summary>
/// The <c>pyradiomics</c> flavour against PyRadiomics' own baseline values for brain1 (and brain2 and breast1, whose images the shared folder also holds): every recorded configuration ×
/// feature class, params file built from the recorded settings, within PyRadiomics' test criterion (relative difference
/// &lt; 3 %); the largest relative difference of each pair is printed.
/// </summary>
public sealed class PyRadiomicsBaselineTests(ITestOutputHelper output)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Image Image, LabelMap Mask)> Images = new();

    private static (Image Image, LabelMap Mask) Case(string name) => Images.GetOrAdd(name, n =>
        (ImageFile.Read(SharedData.Path("data", "pyradiomics", n + "_image.nrrd")),
         ImageFile.ReadLabelMap(SharedData.Path("data", "pyradiomics", n + "_label.nrrd"))));

    /// <summary>The brain1 columns each baseline CSV records (PyRadiomics records shape for two configurations only).</summary>
    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        string[] texture = ["", "_2d", "_FBN", "_flatRegion", "_normalization", "_resampling", "_resegmentation"];
        var columns = new Dictionary<string, string[]>
        {
            ["firstorder"] = ["", "_normalization", "_resampling", "_resegmentation"],
            ["glcm"] = [.. texture, "_combined"],
            ["glrlm"] = [.. texture, "_combined"],
            ["glszm"] = texture,
            ["gldm"] = texture,
            ["ngtdm"] = texture,
            ["shape"] = ["", "_resampling"],
        };
        foreach (var testCase in new[] { "brain1", "brain2", "breast1" })
        {
            foreach (var (cls, configs) in columns)
            {
                foreach (var config in configs)
                {
                    data.Add(cls, testCase + config);
                }
            }
        }

        return data;
    }

    [PyRadiomicsBaselineTheory]
    [MemberData(nameof(Pairs))]
    public void Test_case_matches_PyRadiomics_baseline_within_its_criterion(string featureClass, string column)
    {
        var reference = PyRadiomicsReference.Read(featureClass).Single(c => c.Column == column);
        var settings = PyRadiomicsParamsFile.ParseSettings(reference.ParamsFile(featureClass), column);
        var (image, mask) = Case(reference.TestCase);
        var result = PyRadiomicsExtractor.Extract(image, mask, settings);
        double worst = 0;
        string worstName = "";
        var failures = new List<string>();
        foreach (var (name, expected) in reference.Values)
        {
            var actual = result[name];
            double relative = expected == actual ? 0 : Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1e-300);
            if (double.IsNaN(relative) || relative > worst)
            {
                worst = double.IsNaN(relative) ? double.PositiveInfinity : relative;
                worstName = name;
            }

            if (!(relative < 1e-6))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {actual:R} vs {expected:R} (relative {relative:E2})"));
            }

            if (!(relative < 0.03))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {actual:R} vs {expected:R} ({relative:P3})"));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{featureClass} {column}: {reference.Values.Count} features, largest relative difference {worst:E2} ({worstName})"));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
