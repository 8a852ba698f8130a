namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// The zone-type matrices of one kernel under an IBSI aggregation: one merged matrix, or one per direction whose
/// features are averaged ("averaged" and "direction-merged" aggregations of GLRLM), each with its N_v. One per thread.
/// </summary>
internal sealed class KernelMatrices
{
    private readonly KernelZoneMatrix[] _matrices;
    private readonly double[] _voxels;
    private readonly double[] _one = new double[KernelZoneMatrix.FeatureCount];
    private readonly double[] _sum = new double[KernelZoneMatrix.FeatureCount];
    private readonly int[] _defined = new int[KernelZoneMatrix.FeatureCount];

    /// <param name="directions">The directions counted (1 for direction-free families).</param>
    /// <param name="byDirection">One matrix per direction, features averaged; otherwise one merged matrix.</param>
    /// <param name="create">Makes one empty matrix.</param>
    public KernelMatrices(int directions, bool byDirection, Func<KernelZoneMatrix> create)
    {
        _matrices = new KernelZoneMatrix[byDirection ? directions : 1];
        for (int i = 0; i < _matrices.Length; i++)
        {
            _matrices[i] = create();
        }

        _voxels = new double[_matrices.Length];
    }

    /// <summary>The matrix direction <paramref name="d"/> counts into.</summary>
    public KernelZoneMatrix this[int d] => _matrices[_matrices.Length == 1 ? 0 : d];

    /// <summary>Adds <paramref name="voxels"/> to the N_v of direction <paramref name="d"/>'s matrix.</summary>
    public void AddVoxels(int d, double voxels) => _voxels[_matrices.Length == 1 ? 0 : d] += voxels;

    /// <summary>
    /// Writes the features of the merged matrix, or the features averaged over the non-empty directions' matrices
    /// (a feature undefined on one matrix is averaged over the others, NaN when defined on none), as whole-region
    /// aggregation does; then clears every matrix.
    /// </summary>
    public void ComputeAndClear(Span<double> features)
    {
        if (_matrices.Length == 1)
        {
            _matrices[0].ComputeAndClear(_voxels[0], features);
            _voxels[0] = 0;
            return;
        }

        Array.Clear(_sum);
        Array.Clear(_defined);
        for (int d = 0; d < _matrices.Length; d++)
        {
            if (_matrices[d].IsEmpty)
            {
                continue;
            }

            _matrices[d].ComputeAndClear(_voxels[d], _one);
            for (int i = 0; i < _one.Length; i++)
            {
                if (!double.IsNaN(_one[i]))
                {
                    _sum[i] += _one[i];
                    _defined[i]++;
                }
            }
        }

        Array.Clear(_voxels);
        for (int i = 0; i < _sum.Length; i++)
        {
            features[i] = _defined[i] == 0 ? double.NaN : _sum[i] / _defined[i];
        }
    }
}
