using Radiomics.Habitats.Model;
using Radiomics.Imaging;

namespace Radiomics.Habitats.Workflows;

/// <summary>The habitat map of one scan and its measures.</summary>
/// <param name="Name">The scan's name in tables and file names: its image file name without extension, numbered when two scans share one.</param>
/// <param name="Image">The image file, as given.</param>
/// <param name="Habitats">Habitat labels 1…k on the image grid (0 outside the tumour).</param>
/// <param name="Summary">Volumes, fractions, fragmentation and heterogeneity of the habitats.</param>
public sealed record HabitatScanResult(string Name, string Image, LabelMap Habitats, HabitatSummary Summary);
