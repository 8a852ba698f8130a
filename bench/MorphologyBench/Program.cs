using System.Diagnostics;
using Radiomics.Features;
using Radiomics.Features.Morphology;
using Radiomics.IO;
using Radiomics.Processing;
using Radiomics.TestSupport;

// Times the morphological family on the IBSI CT phantom (configuration C by default: 2 mm isotropic, ≈ 46 000 voxels)
// and each of its steps; reports the median of several runs after warm-up.
// usage: dotnet run -c Release --project bench/MorphologyBench [-- RUNS [config_A|config_B|config_C]]
int runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 15;
string config = args.Length > 1 ? args[1] : "config_C";
if (!SharedData.IsAvailable)
{
    Console.Error.WriteLine(SharedData.SkipReason);
    return 2;
}

var phantom = SharedData.Path("ibsi", "ibsi_1_ct_radiomics_phantom", "nifti");
var roi = RoiPreprocessing.Run(
    ImageFile.Read(Path.Combine(phantom, "image", "phantom.nii.gz")),
    ImageFile.ReadLabelMap(Path.Combine(phantom, "mask", "mask.nii.gz")),
    FeaturePresets.Get("ibsi-config-" + config["config_".Length..])).Roi;
var size = roi.Geometry.Size;
var spacing = roi.Geometry.Spacing;
var morphological = roi.MorphologicalMask.ToArray();
var intensity = roi.IntensityMask.ToArray();
var values = roi.Intensities.ToArray();
Console.WriteLine($"{config}: grid {size}, spacing {spacing} mm, {morphological.Count(b => b)} morphological / {intensity.Count(b => b)} intensity voxels; "
    + $"{Environment.ProcessorCount} cores; median of {runs} runs");

// Wall time and process CPU time (all threads): on a loaded machine the CPU time is the steadier figure.
(double Wall, double Cpu) Median(Action action)
{
    action();
    var wall = new List<double>();
    var cpu = new List<double>();
    var process = Process.GetCurrentProcess();
    for (int i = 0; i < runs; i++)
    {
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        action();
        wall.Add(sw.Elapsed.TotalMilliseconds);
        process.Refresh();
        cpu.Add((process.TotalProcessorTime - cpu0).TotalMilliseconds);
    }

    wall.Sort();
    cpu.Sort();
    return (wall[wall.Count / 2], cpu[cpu.Count / 2]);
}

var surface = MarchingCubes.Extract(morphological, size, spacing);
var hull = ConvexHull3D.Compute(surface.LatticeVertices);
var hullMesh = hull.ToMesh(surface.LatticeStep);
Console.WriteLine($"mesh {surface.VertexCount} vertices, {surface.Triangles.Length / 3} faces; hull {hull.VertexIndices.Length} vertices");
Console.WriteLine($"{"step",-40} {"wall ms",8} {"CPU ms",8}");
void Row(string name, Action action)
{
    var (wall, cpu) = Median(action);
    Console.WriteLine($"{name,-40} {wall,8:F1} {cpu,8:F1}");
}

Row("marching cubes", () => MarchingCubes.Extract(morphological, size, spacing));
Row("mesh volume and area", () => { var m = surface.ToMesh(); _ = m.Volume + m.SurfaceArea; });
Row("convex hull", () => ConvexHull3D.Compute(surface.LatticeVertices));
Row("maximum 3D diameter", () => MorphologyMeasurements.MaximumDistance(hullMesh.Vertices));
Row("PCA", () => PrincipalAxes.Of(morphological, size, spacing));
Row("oriented minimum bounding box", () => OrientedMinimumBoundingBox.Compute(hull, surface.LatticeStep));
Row("minimum volume enclosing ellipsoid", () => MinimumVolumeEnclosingEllipsoid.Fit(hullMesh.Vertices));
Row("Moran's I and Geary's C (exact, FFT)", () => SpatialAutocorrelation.Compute(values, intensity, size, spacing));
Row("whole family (MorphologyFeatures)", () => MorphologyFeatures.Compute(roi));
return 0;
