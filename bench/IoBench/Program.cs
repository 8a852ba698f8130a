using System.Diagnostics;
using Radiomics.IO;
using Radiomics.TestSupport;

// Reads and writes the 3.8 MB IBSI CT phantom (.nii.gz) and reports the median of several runs after warm-up.
// usage: dotnet run -c Release --project bench/IoBench [-- RUNS]
int runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 7;
if (!SharedData.IsAvailable)
{
    Console.Error.WriteLine(SharedData.SkipReason);
    return 2;
}

string source = SharedData.Path("ibsi", "ibsi_1_ct_radiomics_phantom", "nifti", "image", "phantom.nii.gz");
string dir = Path.Combine(Path.GetTempPath(), "radiomics-iobench");
Directory.CreateDirectory(dir);
var image = ImageFile.Read(source);
Console.WriteLine($"CT phantom {image.Geometry.Size}, {image.PixelType}; {Environment.ProcessorCount} cores; median of {runs} runs");

double Median(Action action)
{
    action(); // warm-up
    var times = new List<double>();
    for (int i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        action();
        times.Add(sw.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return times[times.Count / 2];
}

Console.WriteLine($"{"operation",-28} {"ms",8}");
Console.WriteLine($"{"read  .nii.gz (source)",-28} {Median(() => ImageFile.Read(source)),8:F1}");
foreach (var ext in new[] { ".nii.gz", ".nii", ".nrrd", ".mha" })
{
    string path = Path.Combine(dir, "phantom" + ext);
    Console.WriteLine($"{"write " + ext,-28} {Median(() => ImageFile.Write(image, path)),8:F1}");
    Console.WriteLine($"{"read  " + ext,-28} {Median(() => ImageFile.Read(path)),8:F1}");
}

Directory.Delete(dir, recursive: true);
return 0;
