using System.Globalization;
using Radiomics.Features.PyRadiomics;
using Radiomics.IO;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Features.PyRadiomics;

/// <summary>The <c>diagnostics_*</c> columns against those PyRadiomics recorded in its baseline CSVs.</summary>
public sealed class PyRadiomicsDiagnosticsTests
{
    [Theory]
    [InlineData(2.0, "2.0")]
    [InlineData(0.78125, "0.78125")]
    [InlineData(-1024, "-1024.0")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(385.6564080810547, "385.6564080810547")]
    public void Numbers_are_written_as_Python_writes_floats(double value, string expected) =>
        Assert.Equal(expected, PyRadiomicsDiagnostics.Float(value));

    /// <summary>
    /// brain1 as loaded (column brain1_normalization of baseline_firstorder.csv records every original-image item) and
    /// after resampling to 2 mm (column brain1_resampling of baseline_shape.csv records the interpolated items).
    /// </summary>
    [PyRadiomicsBaselineTheory]
    [InlineData("firstorder", "brain1_normalization")]
    [InlineData("firstorder", "brain2_normalization")]
    [InlineData("firstorder", "breast1_normalization")]
    [InlineData("shape", "brain1_resampling")]
    [InlineData("shape", "brain2_resampling")]
    [InlineData("shape", "breast1_resampling")]
    public void Diagnostics_match_those_PyRadiomics_recorded(string featureClass, string column)
    {
        var reference = PyRadiomicsReference.Read(featureClass).Single(c => c.Column == column);
        var expected = PyRadiomicsReference.Diagnostics(featureClass, column);
        var settings = PyRadiomicsParamsFile.ParseSettings(reference.ParamsFile(featureClass), column) with { AdditionalInfo = true };
        string name = reference.TestCase;
        var image = ImageFile.Read(SharedData.Path("data", "pyradiomics", name + "_image.nrrd"));
        var mask = ImageFile.Read(SharedData.Path("data", "pyradiomics", name + "_label.nrrd"));
        var actual = PyRadiomicsExtractor.Extract(image, mask, settings).Diagnostics.ToDictionary(d => d.Key, d => d.Value);

        int compared = 0;
        var differences = new List<string>();
        foreach (var (key, value) in expected)
        {
            if (key.Contains("Versions", StringComparison.Ordinal) || key.Contains("Configuration", StringComparison.Ordinal))
            {
                continue;
            }

            if (!actual.TryGetValue(key, out var ours))
            {
                differences.Add($"{key} is missing");
                continue;
            }

            double tolerance = 1e-9;
            var want = Numbers(value);
            var got = Numbers(ours);
            bool same = want is null
                ? value == ours
                : got is not null && want.Length == got.Length && want.Zip(got).All(p => Math.Abs(p.First - p.Second) <= tolerance * Math.Max(1, Math.Abs(p.First)));
            if (!same)
            {
                differences.Add($"{key} is {ours}, PyRadiomics {value}");
            }

            compared++;
        }

        // The shared breast1 mask is stored as 16-bit integers; PyRadiomics hashed another copy of it (same labels).
        if (column.StartsWith("breast1", StringComparison.Ordinal))
        {
            differences.RemoveAll(d => d.StartsWith("diagnostics_Mask-original_Hash", StringComparison.Ordinal));
        }

        Assert.True(differences.Count == 0, $"{column}: " + string.Join("; ", differences));
        Assert.True(compared >= 10, $"{column}: only {compared} diagnostics compared");
    }

    private static double[]? Numbers(string text)
    {
        var parts = text.Trim('(', ')').Split(", ");
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                return null;
            }
        }

        return values;
    }
}
