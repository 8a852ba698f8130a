using Radiomics.Imaging;
using Radiomics.Processing;

namespace Radiomics.Habitats.Model;

/// <summary>
/// Per-scan description of a habitat map: volume, fraction and fragmentation of each habitat, how habitats touch
/// each other, and heterogeneity indices.
/// </summary>
public sealed class HabitatSummary
{
    private readonly long[,] _cooccurrence;
    private readonly double[,] _interface;

    private HabitatSummary(IReadOnlyList<HabitatMeasures> habitats, long[,] cooccurrence, double[,] interfaceArea, Connectivity connectivity)
    {
        Habitats = habitats;
        _cooccurrence = cooccurrence;
        _interface = interfaceArea;
        Connectivity = connectivity;
    }

    /// <summary>One row per habitat 1..k (habitats absent from the scan have zero volume).</summary>
    public IReadOnlyList<HabitatMeasures> Habitats { get; }

    public Connectivity Connectivity { get; }

    public int K => Habitats.Count;

    /// <summary>Region voxels (all habitats).</summary>
    public long RegionVoxels => Habitats.Sum(h => h.Voxels);

    /// <summary>
    /// Face-neighbour co-occurrence: the number of ordered pairs (voxel in habitat a, face neighbour in habitat b), both
    /// in the region, for a, b in 1..k (index a − 1, b − 1). Symmetric; a same-habitat pair counts twice on the diagonal,
    /// as in a symmetric GLCM at distance 1.
    /// </summary>
    public long Cooccurrence(int a, int b) => _cooccurrence[a - 1, b - 1];

    /// <summary>Area (mm²) of the faces shared by habitats a ≠ b (each face counted once); spacing-aware.</summary>
    public double InterfaceAreaMm2(int a, int b) => _interface[a - 1, b - 1];

    /// <summary>Shannon entropy of the habitat fractions, −Σ f log₂ f (bits): 0 for one habitat, log₂ k for equal shares.</summary>
    public double FractionEntropy => -Habitats.Where(h => h.Fraction > 0).Sum(h => h.Fraction * Math.Log2(h.Fraction));

    /// <summary><see cref="FractionEntropy"/> divided by log₂ k, in [0, 1] (0 when k = 1).</summary>
    public double NormalisedFractionEntropy => K > 1 ? FractionEntropy / Math.Log2(K) : 0;

    /// <summary>
    /// Spatial mixing index: the share of face-neighbour pairs inside the region whose habitats differ, divided by the
    /// share expected if the same habitat fractions were placed at random, 1 − Σ f². About 0 when habitats are compact
    /// blobs with little interface, about 1 when they are mixed voxel by voxel like noise; NaN for a single habitat.
    /// </summary>
    public double SpatialMixingIndex
    {
        get
        {
            long total = 0, different = 0;
            for (int a = 0; a < K; a++)
            {
                for (int b = 0; b < K; b++)
                {
                    total += _cooccurrence[a, b];
                    different += a == b ? 0 : _cooccurrence[a, b];
                }
            }

            double expected = 1 - Habitats.Sum(h => h.Fraction * h.Fraction);
            return total == 0 || expected <= 0 ? double.NaN : (double)different / total / expected;
        }
    }

    /// <summary>Describes a habitat map with labels 1..<paramref name="k"/> (0 = outside the region).</summary>
    public static HabitatSummary Compute(LabelMap habitats, int k, Connectivity connectivity = Connectivity.Face)
    {
        ArgumentNullException.ThrowIfNull(habitats);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, 255);
        var size = habitats.Geometry.Size;
        var voxels = habitats.Voxels;
        var counts = new long[k];
        foreach (var v in voxels)
        {
            if (v > k)
            {
                throw new ArgumentException($"The habitat map has label {v}, above k = {k}.", nameof(habitats));
            }

            if (v > 0)
            {
                counts[v - 1]++;
            }
        }

        var spacing = habitats.Geometry.Spacing;
        // Face areas of neighbours along x, y, z.
        double[] faceArea = [spacing.Y * spacing.Z, spacing.X * spacing.Z, spacing.X * spacing.Y];
        int[] step = [1, size.X, size.X * size.Y];
        var cooccurrence = new long[k, k];
        var interfaceArea = new double[k, k];
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++)
                {
                    int i = x + (size.X * (y + (size.Y * z)));
                    int a = voxels[i];
                    if (a == 0)
                    {
                        continue;
                    }

                    for (int axis = 0; axis < 3; axis++)
                    {
                        bool inside = axis switch { 0 => x + 1 < size.X, 1 => y + 1 < size.Y, _ => z + 1 < size.Z };
                        int b = inside ? voxels[i + step[axis]] : 0;
                        if (b == 0)
                        {
                            continue;
                        }

                        cooccurrence[a - 1, b - 1]++;
                        cooccurrence[b - 1, a - 1]++;
                        if (a != b)
                        {
                            interfaceArea[a - 1, b - 1] += faceArea[axis];
                            interfaceArea[b - 1, a - 1] += faceArea[axis];
                        }
                    }
                }
            }
        }

        long total = counts.Sum();
        double voxelVolume = habitats.Geometry.VoxelVolume;
        var rows = new HabitatMeasures[k];
        for (int h = 1; h <= k; h++)
        {
            int components = counts[h - 1] == 0 ? 0 : ConnectedComponents.Count(habitats, connectivity, (byte)h);
            rows[h - 1] = new HabitatMeasures(h, counts[h - 1], counts[h - 1] * voxelVolume, total == 0 ? 0 : (double)counts[h - 1] / total, components);
        }

        return new HabitatSummary(rows, cooccurrence, interfaceArea, connectivity);
    }
}
