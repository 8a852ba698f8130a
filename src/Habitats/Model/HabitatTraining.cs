namespace Radiomics.Habitats.Model;

/// <summary>How a <see cref="HabitatModel"/> was fitted: scans and rows pooled (voxels; supervoxels for two-stage habitats), final inertia and the settings.</summary>
public sealed record HabitatTraining(int Scans, int Voxels, double Inertia, HabitatSettings Settings);
