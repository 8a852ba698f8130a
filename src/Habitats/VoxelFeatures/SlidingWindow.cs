namespace Radiomics.Habitats.VoxelFeatures;

/// <summary>
/// The running state of one thread's sliding neighbourhood: count, power sums of (x − shift) for the moments, a rank
/// tree or a sorted array for order statistics and a grey-level histogram with Σ c·log₂c and Σ c² for entropy and uniformity.
/// </summary>
internal sealed class SlidingWindow
{
    private readonly SlidingPlan _plan;
    private readonly RankTree? _ranks;
    private readonly SortedWindow? _sorted;
    private readonly int[] _histogram;
    private readonly double[] _cLog2C;
    private int _n;
    private double _shift;
    private double _s1;
    private double _s2;
    private double _s3;
    private double _s4;
    private double _sumCLogC;
    private long _sumC2;

    public SlidingWindow(SlidingPlan plan)
    {
        _plan = plan;
        _ranks = plan.UsesRankTree ? new RankTree(plan.SortedValues.Length) : null;
        _sorted = plan.NeedsOrder && !plan.UsesRankTree ? new SortedWindow(plan.MaxKernel) : null;
        _histogram = plan.NeedsLevels ? new int[plan.BinCount + 1] : [];
        _cLog2C = new double[plan.MaxKernel + 2];
        for (int c = 1; c < _cLog2C.Length; c++)
        {
            _cLog2C[c] = c * Math.Log2(c);
        }
    }

    /// <summary>Slides along row (y, z) from its first to its last region voxel, writing every region voxel's statistics.</summary>
    public void SweepRow(int y, int z, IReadOnlyList<Memory<float>> output)
    {
        var plan = _plan;
        var size = plan.Size;
        var mask = plan.Region.Voxels;
        int rowStart = size.X * (y + (size.Y * z));
        int first = -1, last = -1;
        for (int x = plan.RegionBox.Min.X; x <= plan.RegionBox.Max.X; x++)
        {
            if (mask[rowStart + x] != 0)
            {
                if (first < 0)
                {
                    first = x;
                }

                last = x;
            }
        }

        if (first < 0)
        {
            return;
        }

        var work = plan.Work;
        var runs = plan.Runs;
        // Start index in the work box of each kernel run's row, or −1 when that row lies outside the work box.
        Span<int> rowBase = runs.Length <= 512 ? stackalloc int[runs.Length] : new int[runs.Length];
        for (int r = 0; r < runs.Length; r++)
        {
            int yy = y + runs[r].Dy, zz = z + runs[r].Dz;
            bool inside = yy >= work.Min.Y && yy <= work.Max.Y && zz >= work.Min.Z && zz <= work.Max.Z;
            rowBase[r] = inside ? plan.WorkIndex(work.Min.X, yy, zz) : -1;
        }

        // Shifting by a nearby intensity keeps the power sums small, so the moments lose little to cancellation.
        _shift = plan.WorkValues[plan.WorkIndex(first, y, z)];
        _n = 0;
        _s1 = _s2 = _s3 = _s4 = 0;
        _sumCLogC = 0;
        _sumC2 = 0;
        for (int r = 0; r < runs.Length; r++)
        {
            if (rowBase[r] >= 0)
            {
                for (int xx = first - runs[r].HalfWidth; xx <= first + runs[r].HalfWidth; xx++)
                {
                    Update(rowBase[r], xx, +1);
                }
            }
        }

        for (int x = first; x <= last; x++)
        {
            if (x > first)
            {
                for (int r = 0; r < runs.Length; r++)
                {
                    if (rowBase[r] >= 0)
                    {
                        Update(rowBase[r], x - 1 - runs[r].HalfWidth, -1);
                        Update(rowBase[r], x + runs[r].HalfWidth, +1);
                    }
                }
            }

            if (mask[rowStart + x] != 0)
            {
                Emit(rowStart + x, output);
            }
        }

        // Empty the tree and histogram for the next row.
        for (int r = 0; r < runs.Length; r++)
        {
            if (rowBase[r] >= 0)
            {
                for (int xx = last - runs[r].HalfWidth; xx <= last + runs[r].HalfWidth; xx++)
                {
                    Update(rowBase[r], xx, -1);
                }
            }
        }
    }

    private void Update(int rowBase, int x, int sign)
    {
        var plan = _plan;
        if (x < plan.Work.Min.X || x > plan.Work.Max.X)
        {
            return;
        }

        int w = rowBase + (x - plan.Work.Min.X);
        if (!plan.Support[w])
        {
            return;
        }

        _n += sign;
        double d = plan.WorkValues[w] - _shift;
        double d2 = d * d;
        _s1 += sign * d;
        _s2 += sign * d2;
        _s3 += sign * d2 * d;
        _s4 += sign * d2 * d2;
        _ranks?.Add(plan.Ranks[w], sign);
        if (_sorted is not null)
        {
            if (sign > 0)
            {
                _sorted.Add(plan.WorkValues[w]);
            }
            else
            {
                _sorted.Remove(plan.WorkValues[w]);
            }
        }

        if (plan.NeedsLevels)
        {
            ref int c = ref _histogram[plan.Levels[w]];
            _sumCLogC -= _cLog2C[c];
            _sumC2 -= (long)c * c;
            c += sign;
            _sumCLogC += _cLog2C[c];
            _sumC2 += (long)c * c;
        }
    }

    private void Emit(int voxel, IReadOnlyList<Memory<float>> output)
    {
        var stats = _plan.Statistics;
        double n = _n;
        double mu = _s1 / n;
        double meanSquare = _s2 / n;
        double m2 = meanSquare - (mu * mu);
        double m3 = (_s3 / n) - (3 * mu * meanSquare) + (2 * mu * mu * mu);
        double m4 = (_s4 / n) - (4 * mu * _s3 / n) + (6 * mu * mu * meanSquare) - (3 * mu * mu * mu * mu);
        // Below rounding level of the power sums the neighbourhood is constant.
        bool constant = m2 <= 1e-12 * meanSquare;
        if (constant)
        {
            m2 = 0;
        }

        for (int c = 0; c < stats.Length; c++)
        {
            double value = stats[c] switch
            {
                LocalStatistic.Mean => _shift + mu,
                LocalStatistic.Variance => m2,
                LocalStatistic.StandardDeviation => Math.Sqrt(m2),
                LocalStatistic.Skewness => constant ? 0 : m3 / Math.Pow(m2, 1.5),
                LocalStatistic.Kurtosis => constant ? 0 : (m4 / (m2 * m2)) - 3,
                LocalStatistic.Minimum => OrderStatistic(1),
                LocalStatistic.Maximum => OrderStatistic(_n),
                LocalStatistic.Median => Percentile(0.5),
                LocalStatistic.Percentile10 => Percentile(0.1),
                LocalStatistic.Percentile90 => Percentile(0.9),
                LocalStatistic.InterquartileRange => Percentile(0.75) - Percentile(0.25),
                LocalStatistic.Range => OrderStatistic(_n) - OrderStatistic(1),
                LocalStatistic.Energy => _s2 + (2 * _shift * _s1) + (n * _shift * _shift),
                LocalStatistic.RootMeanSquare => Math.Sqrt((_s2 + (2 * _shift * _s1) + (n * _shift * _shift)) / n),
                LocalStatistic.Entropy => Math.Max(0, Math.Log2(n) - (_sumCLogC / n)),
                LocalStatistic.Uniformity => _sumC2 / (n * n),
                _ => double.NaN,
            };
            output[c].Span[voxel] = (float)value;
        }
    }

    private double OrderStatistic(int k) => _sorted?.Select(k) ?? _plan.SortedValues[_ranks!.Select(k)];

    /// <summary>Linear interpolation between order statistics at position (n − 1)·p (NumPy's default method).</summary>
    private double Percentile(double p)
    {
        double h = (_n - 1) * p;
        int lo = (int)Math.Floor(h);
        double below = OrderStatistic(lo + 1);
        double frac = h - lo;
        return frac > 0 ? below + (frac * (OrderStatistic(lo + 2) - below)) : below;
    }
}
