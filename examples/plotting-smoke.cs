#:project ../src/Plotting/Radiomics.Plotting.csproj
#:property PublishAot=false
// The twin of notebooks/00-plotting-smoke.ipynb: dotnet run examples/plotting-smoke.cs [-- OUTPUT_FOLDER]
// A synthetic tumour, the slice viewer and a heatmap, written as HTML pages that work offline (plotly.js embedded).
using Radiomics.Plotting;
using Radiomics.Plotting.Charts;
using Radiomics.Synthetic;

string folder = args.Length > 0 ? args[0] : "plotting-smoke";
var (image, mask) = SyntheticTumour.Create();
Console.WriteLine($"{image.Geometry}; tumour voxels: {mask.Count(1)}");

var viewer = SliceViewer.Create(image, mask, new SliceViewerSettings { Title = "Synthetic tumour" });
viewer.SaveHtml(Path.Combine(folder, "slice-viewer.html"));

int k = image.Geometry.Size.Z / 2;
var z = new double[image.Geometry.Size.Y][];
for (int y = 0; y < z.Length; y++)
{
    z[y] = new double[image.Geometry.Size.X];
    for (int x = 0; x < z[y].Length; x++)
    {
        z[y][x] = image[x, y, k];
    }
}

var heatmap = Chart.Heatmap(z, colorscale: "Viridis")
    .WithTitle($"Slice {k}")
    .WithXAxis("i")
    .WithYAxis(new Axis { Title = "j", AutoRange = "reversed", ScaleAnchor = "x" });
heatmap.SaveHtml(Path.Combine(folder, "heatmap.html"));
Console.WriteLine($"written {Path.Combine(folder, "slice-viewer.html")} and {Path.Combine(folder, "heatmap.html")}");
