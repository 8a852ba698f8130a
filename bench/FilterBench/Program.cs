using System.Diagnostics;
using System.Globalization;
using Radiomics.Filters;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.TestSupport;

// Filters the IBSI 1 CT phantom (204×201×60 voxels) and reports the median wall time of several runs after a
// warm-up. The headline rows are those of issue 8: LoG at three scales and a level-1 wavelet decomposition with
// all eight sub-bands; the others show where the rest of the filters stand.
// usage: dotnet run -c Release --project bench/FilterBench [-- RUNS [all]]
int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
bool all = args.Contains("all");
if (!SharedData.IsAvailable)
{
    Console.Error.WriteLine(SharedData.SkipReason);
    return 2;
}

var image = ImageFile.Read<double>(SharedData.Path("ibsi", "ibsi_1_ct_radiomics_phantom", "nifti", "image", "phantom.nii.gz"));
Console.WriteLine($"CT phantom {image.Geometry.Size}, spacing {image.Geometry.Spacing} mm; {Environment.ProcessorCount} cores; median of {runs} runs");

double Median(Action action)
{
    action();
    var times = new List<double>();
    for (int i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        action();
        times.Add(sw.Elapsed.TotalSeconds);
    }

    times.Sort();
    return times[times.Count / 2];
}

void Row(string what, Action action) => Console.WriteLine($"{what,-58} {Median(action),8:F3} s");

Row("LoG σ = 1, 2, 3 mm (3D, mirror)", () =>
{
    foreach (var sigma in new[] { 1.0, 2.0, 3.0 })
    {
        new LaplacianOfGaussianSettings { Sigma = sigma }.Apply(image);
    }
});
Row("wavelet level 1, all 8 sub-bands (coif1, 3D, mirror)", () => WaveletDecomposition.Decompose(image, "coif1", 1));
Row("wavelet level 1, all 8 sub-bands (db2, 3D, mirror)", () => WaveletDecomposition.Decompose(image, "db2", 1));
if (all)
{
    FilterSettings[] others =
    [
        new MeanSettings { Support = 5 },
        new GaussianSettings { Sigma = 2 },
        new LawsSettings { Kernel = "L5E5E5", RotationInvariant = true, Energy = true },
        new GaborSettings { ThetaStep = 22.5 },
        new GaborSettings { ThetaStep = 22.5, OrthogonalPlanes = true },
        new SeparableWaveletSettings { Family = "db3", Subband = "HHH", Level = 2, RotationInvariant = true },
        new SimoncelliSettings { Level = 1 },
        new SimoncelliSettings { Level = 2, Dimensions = FilterDimensions.TwoD },
        new LaplacianOfGaussianSettings { Sigma = 3, Riesz = new RieszOrder { X = 1 } },
        new GradientMagnitudeSettings(),
        new LocalBinaryPattern3DSettings(),
    ];
    foreach (var filter in others)
    {
        Row(filter.ImageTypeName(), () => filter.Apply(image));
    }
}

return 0;
