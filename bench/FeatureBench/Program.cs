using System.Diagnostics;
using System.Globalization;
using Radiomics.Features;
using Radiomics.Features.Texture;
using Radiomics.IO;
using Radiomics.Processing;
using Radiomics.TestSupport;

// IBSI configuration C (or the preset named on the command line) on the IBSI CT phantom: the whole extraction and
// each step alone, median of several runs after warm-up. Run: dotnet run -c Release --project bench/FeatureBench [preset] [runs]
if (!SharedData.IsAvailable)
{
    Console.Error.WriteLine(SharedData.SkipReason);
    return 1;
}

string presetName = args.Length > 0 ? args[0] : FeaturePresets.ConfigCName;
int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
var dir = SharedData.Path("ibsi", "ibsi_1_ct_radiomics_phantom", "nifti");
var image = ImageFile.Read(Path.Combine(dir, "image", "phantom.nii.gz"));
var mask = ImageFile.ReadLabelMap(Path.Combine(dir, "mask", "mask.nii.gz"));
var settings = FeaturePresets.Get(presetName);
Console.WriteLine($"{presetName} on the IBSI CT phantom {image.Geometry.Size}, {Environment.ProcessorCount} cores, {runs} runs after warm-up (median)");

for (int i = 0; i < 2; i++)
{
    FeatureExtractor.Extract(image, mask, settings);
}

var steps = new List<(string Name, Func<object> Run)>
{
    ("preprocessing", () => RoiPreprocessing.Run(image, mask, settings)),
};
var roi = RoiPreprocessing.Run(image, mask, settings);
_ = roi.Discretised;
_ = roi.IntensityVolumeHistogram;
foreach (var family in Enum.GetValues<FeatureFamilies>().Where(f => f is not FeatureFamilies.None and not FeatureFamilies.All))
{
    steps.Add((family.ToKeys()[0], () => FeatureExtractor.ComputeFamily(roi, family).Values));
}

// Each texture family alone (the texture step runs them side by side).
foreach (var (name, compute) in new (string, Func<DiscretisedVolume, TextureSettings, IReadOnlyList<FeatureValue>>)[]
{
    ("  glcm", Glcm.Compute), ("  glrlm", Glrlm.Compute), ("  glszm", Glszm.Compute),
    ("  gldzm", Gldzm.Compute), ("  ngtdm", Ngtdm.Compute), ("  ngldm", Ngldm.Compute),
})
{
    steps.Add((name, () => compute(roi.Discretised, settings.Texture)));
}

steps.Add(("whole extraction (parallel)", () => FeatureExtractor.Extract(image, mask, settings)));
foreach (var (name, run) in steps)
{
    var times = new double[runs];
    int count = 0;
    for (int r = 0; r < runs; r++)
    {
        var watch = Stopwatch.StartNew();
        var result = run();
        times[r] = watch.Elapsed.TotalMilliseconds;
        count = result is System.Collections.ICollection c ? c.Count : count;
    }

    Array.Sort(times);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-30} {times[runs / 2],9:F1} ms   (min {times[0]:F1}, max {times[^1]:F1}){(count > 0 ? $"   {count} values" : "")}"));
}

return 0;
