using Radiomics.Numerics;

namespace Radiomics.Habitats.Clustering;

/// <summary>
/// What every fitted centroid clustering offers (scikit-learn's <c>_BaseKMeans</c>): centres, training labels and
/// inertia, nearest-centre prediction and the distance transform.
/// </summary>
public abstract class CentroidModel
{
    private double[]? _centres;
    private int[]? _labels;
    private int _columns;

    private protected CentroidModel()
    {
    }

    /// <summary>True once fitted (or built from known centres).</summary>
    public bool IsFitted => _centres is not null;

    /// <summary>Cluster centres, k rows × features (<c>cluster_centers_</c>).</summary>
    public FeatureMatrix ClusterCentres => new((double[])Centres.Clone(), _columns);

    /// <summary>Label of every training row (<c>labels_</c>); empty for a model built from centres.</summary>
    public ReadOnlySpan<int> Labels => _labels ?? throw NotFitted();

    /// <summary>Sum of squared distances of the training rows to their centres (<c>inertia_</c>).</summary>
    public double Inertia { get; private set; } = double.NaN;

    /// <summary>Threads for prediction (0: all cores).</summary>
    protected abstract Parallelism Threads { get; }

    private protected double[] Centres => _centres ?? throw NotFitted();

    /// <summary>Index of the nearest centre for every row (<c>predict</c>).</summary>
    public int[] Predict(FeatureMatrix x) => CentreAssignment.Predict(x, Centres, _columns, Threads);

    /// <summary>Euclidean distance of every row to every centre, rows × k (<c>transform</c>).</summary>
    public FeatureMatrix Transform(FeatureMatrix x) => CentreAssignment.Transform(x, Centres, _columns, Threads);

    /// <summary>Σ of squared distances of <paramref name="x"/>'s rows to their nearest centres.</summary>
    public double InertiaOf(FeatureMatrix x) => KMeansRun.Inertia(x, Centres, Predict(x), Threads);

    private protected void SetFitted(double[] centres, int[] labels, int columns, double inertia)
    {
        _centres = centres;
        _labels = labels;
        _columns = columns;
        Inertia = inertia;
    }

    private ClusteringException NotFitted() =>
        new(ClusteringProblem.NotFitted, $"This {GetType().Name} is not fitted yet; call Fit first.");
}
