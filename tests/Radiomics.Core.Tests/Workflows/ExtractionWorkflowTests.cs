using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Tables;
using Radiomics.TestSupport;
using Radiomics.Workflows;

namespace Radiomics.Core.Tests.Workflows;

/// <summary>The extraction workflow called directly, as a notebook or example calls it.</summary>
public class ExtractionWorkflowTests
{
    /// <summary>An 8³ image with intensity 10x + y and two labels: 1 for x &lt; 4, 2 for x ≥ 4.</summary>
    private static (string Image, string Mask) WriteCase(TempDirectory tmp, string name)
    {
        var g = ImageGeometry.Create(8, 8, 8, new Vec3(2, 2, 2));
        var image = new ImageBuilder<short>(g);
        var labels = new ImageBuilder<byte>(g);
        for (int z = 0; z < 8; z++)
        {
            for (int y = 0; y < 8; y++)
            {
                for (int x = 0; x < 8; x++)
                {
                    image[x, y, z] = (short)((x * 10) + y);
                    labels[x, y, z] = x < 4 ? (byte)1 : (byte)2;
                }
            }
        }

        ImageFile.Write(image.ToImage(), tmp.File($"{name}.nrrd"));
        ImageFile.Write(new LabelMap(labels.ToImage()), tmp.File($"{name}_labels.nrrd"));
        return (tmp.File($"{name}.nrrd"), tmp.File($"{name}_labels.nrrd"));
    }

    private static readonly FeatureSettings Statistics = new() { Families = FeatureFamilies.IntensityStatistics };

    [Fact]
    public void Voxel_based_extraction_writes_a_map_per_feature_and_needs_a_params_file()
    {
        using var tmp = new TempDirectory();
        var (image, mask) = WriteCase(tmp, "case");
        var notPyRadiomics = new ExtractionWorkflowSettings { Features = Statistics, Label = 2 };
        var e = Assert.Throws<InvalidInputException>(() => ExtractionWorkflow.RunVoxelBased(image, mask, notPyRadiomics, "s.yaml", tmp.File("maps")));
        Assert.Contains("PyRadiomics params file", e.Message, StringComparison.Ordinal);

        var py = Radiomics.Features.PyRadiomics.PyRadiomicsParamsFile.Parse("featureClass:\n  firstorder: [Mean]\nvoxelSetting:\n  kernelRadius: 1\n", "p.yaml");
        var written = ExtractionWorkflow.RunVoxelBased(image, mask, new ExtractionWorkflowSettings { Features = py, Label = 2 }, "p.yaml", tmp.File("maps"));
        var map = ImageFile.Read<float>(Assert.Single(written));
        // Label 2's voxel (5, 3, 3) sees x = 4…6 and y = 2…4: mean of 10x + y is 53.
        Assert.Equal(53, map[map.Geometry.PhysicalToNearestIndex(new Vec3(10, 6, 6))], 4);
    }

    [Fact]
    public void Run_extracts_the_chosen_label_and_writes_the_table_with_its_settings()
    {
        using var tmp = new TempDirectory();
        var (image, mask) = WriteCase(tmp, "case");
        var result = ExtractionWorkflow.Run(image, mask, new ExtractionWorkflowSettings { Features = Statistics, Label = 2, Subject = "p1", TimePoint = "t0" });

        var table = Assert.Single(result.Cases).Table!;
        // Label 2 holds x = 4…7: minimum 10·4 + 0 = 40, maximum 10·7 + 7 = 77 (IBSI 1GSF, 84IY).
        Assert.Equal(40, table.Value("1GSF"));
        Assert.Equal(77, table.Value("84IY"));
        Assert.All(table, r => Assert.Equal(("p1", "t0", "2"), (r.Subject, r.TimePoint, r.Region)));
        Assert.Empty(result.Failures);

        string sidecar = result.Write(tmp.File("features.csv"));
        Assert.Equal(tmp.File("features.params.yaml"), sidecar);
        var read = FeatureTable.ReadCsv(tmp.File("features.csv"));
        Assert.Equal(table.Count, read.Count);
        Assert.Equal(40, read.Value("1GSF"));
        Assert.Equal(Statistics.Families, FeatureSettingsYaml.Load(sidecar).Families);
    }

    [Fact]
    public void A_mask_with_two_labels_and_no_choice_is_refused_naming_the_mask()
    {
        using var tmp = new TempDirectory();
        var (image, mask) = WriteCase(tmp, "case");
        var e = Assert.Throws<InvalidInputException>(() => ExtractionWorkflow.Run(image, mask, new ExtractionWorkflowSettings { Features = Statistics }));
        Assert.Contains("case_labels.nrrd' holds labels 1, 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_keeps_going_past_failed_cases_and_numbers_the_subjects()
    {
        using var tmp = new TempDirectory();
        var (image, mask) = WriteCase(tmp, "a");
        File.WriteAllText(tmp.File("cases.csv"), $"Image,Mask,Label\na.nrrd,a_labels.nrrd,1\nmissing.nrrd,a_labels.nrrd,1\n{image},{mask},2\na.nrrd,a_labels.nrrd,x\n");
        var reports = new List<ExtractionCaseReport>();
        var result = ExtractionWorkflow.RunBatch(tmp.File("cases.csv"), new ExtractionWorkflowSettings { Features = Statistics }, new Recorder(reports));

        Assert.Equal([1, 3], result.Cases.Select(c => c.Row));
        Assert.Equal([2, 4], result.Failures.Select(f => f.Row));
        Assert.Contains("missing.nrrd", result.Failures[0].Problem, StringComparison.Ordinal);
        Assert.Contains("the Label 'x' is not a whole number", result.Failures[1].Problem, StringComparison.Ordinal);
        Assert.Equal(4, result.CaseCount);
        Assert.Equal(4, reports.Count);

        var table = result.ToTable();
        Assert.Equal(["1", "2"], table.Select(r => r.Subject).Distinct());
        // Batch cases pass through PyRadiomics' layout, which keeps feature names but not IBSI codes.
        Assert.Equal(0, table.Single(r => r.Subject == "1" && r.Feature == "Minimum intensity").Value);
        Assert.Equal(40, table.Single(r => r.Subject == "2" && r.Feature == "Minimum intensity").Value);
    }

    [Fact]
    public void Params_file_and_preset_together_are_refused()
    {
        var e = Assert.Throws<InvalidInputException>(() => ExtractionWorkflow.LoadSettings("s.yaml", "ibsi-config-C"));
        Assert.Contains("either --params or --preset", e.Message, StringComparison.Ordinal);
    }

    private sealed class Recorder(List<ExtractionCaseReport> reports) : IProgress<ExtractionCaseReport>
    {
        public void Report(ExtractionCaseReport value) => reports.Add(value);
    }
}
