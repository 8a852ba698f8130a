namespace Radiomics.Features.Texture;

/// <summary>
/// Counts of one texture matrix (row-major, <see cref="Rows"/> grey levels by <see cref="Columns"/>) and the number of
/// ROI voxels it was built from. Merging matrices (IBSI "merged" aggregation) adds both.
/// </summary>
public sealed class TextureMatrix
{
    public TextureMatrix(int rows, int columns)
    {
        Rows = rows;
        Columns = columns;
        Counts = new double[rows * columns];
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Element (i, j) at [i·Columns + j], grey level i + 1.</summary>
    public double[] Counts { get; }

    /// <summary>N_v, the voxels the matrix describes (summed when merging).</summary>
    public double Voxels { get; set; }

    public bool IsEmpty => !Counts.AsSpan().ContainsAnyExcept(0);

    public void Add(TextureMatrix other)
    {
        System.Numerics.Tensors.TensorPrimitives.Add(Counts, other.Counts, Counts);
        Voxels += other.Voxels;
    }
}
