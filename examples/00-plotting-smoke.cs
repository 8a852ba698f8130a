#:project ../src/Radiomics.Core/Radiomics.Core.csproj
#:project ../src/Habitats/Radiomics.Habitats.csproj
#:project ../src/Plotting/Radiomics.Plotting.csproj
#:property PublishAot=false
// The one source of notebooks/00-plotting-smoke.ipynb (tools/notebooks.cs writes it) and its file-based app twin:
// dotnet run examples/00-plotting-smoke.cs [-- OUTPUT_FOLDER]   (figures as HTML pages, plotly.js embedded)
// %% [markdown]
// # Plotting smoke test
//
// Uses only `Radiomics.Core` and `Radiomics.Plotting`: a synthetic tumour, the slice viewer and a heatmap.
// Build the toolkit first (`dotnet build src/Cli`), then run the cells in Jupyter or headless in the real .NET
// Interactive kernel (from this folder, after `dotnet tool restore`; see docs/notebooks.md):
//
// ```bash
// dotnet repl --run 00-plotting-smoke.ipynb --exit-after-run --output-path /tmp/00-executed.ipynb
// ```
//
// The same workflow is a file-based app, `dotnet run examples/00-plotting-smoke.cs`, the one source of this notebook:
// there `Show` writes each figure as an HTML page instead of displaying it.

// %%
using System.IO;
using Radiomics.Imaging;
using Radiomics.Synthetic;
using Radiomics.Plotting;
using Radiomics.Plotting.Charts;

// %% [app]
string output = args.Length > 0 ? args[0] : Path.Combine("out", "00-plotting-smoke");

// %%
var (image, mask) = SyntheticTumour.Create();
Console.WriteLine($"{image.Geometry}; tumour voxels: {mask.Count(1)}");
Show(image.Range());

// %% [markdown]
// ## Slice viewer
//
// Axes in mm, equal scales (the aspect ratio follows the spacing), the mask as a transparent overlay, a slider across slices.

// %%
Show(SliceViewer.Create(image, mask, new SliceViewerSettings { Title = "Synthetic tumour" }), "slice-viewer");

// %% [markdown]
// ## A heatmap from an array

// %%
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
Show(heatmap, "heatmap");

// %%
// Figures save as self-contained pages (plotly.js embedded, so they work offline; PlotlySource.Cdn for small files).
var path = Path.Combine(Path.GetTempPath(), "radiomics-smoke-heatmap.html");
heatmap.SaveHtml(path);
Show(File.Exists(path));

// %% [app]
// The app's Show: figures become HTML pages in the output folder, anything else is printed.
void Show(object value, string name = "") => PageOutput.Show(value, name, output);
