namespace Radiomics.Habitats.Model;

/// <summary>Size and shape of one habitat in one scan.</summary>
/// <param name="Habitat">Habitat label 1..k.</param>
/// <param name="Voxels">Voxels carrying the label.</param>
/// <param name="VolumeMm3">Voxels × voxel volume.</param>
/// <param name="Fraction">Share of the region's voxels.</param>
/// <param name="Components">Connected components (see <see cref="HabitatSummary.Connectivity"/>); fragmented habitats have many.</param>
public sealed record HabitatMeasures(int Habitat, long Voxels, double VolumeMm3, double Fraction, int Components);
