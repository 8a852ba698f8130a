namespace Radiomics.Processing.BiasField;

/// <summary>
/// A cubic B-spline control-point lattice over an image's index domain, fitted to scattered values by Lee,
/// Wolberg and Shin's B-spline approximation (IEEE TVCG 1997), as ITK's
/// <c>BSplineScatteredDataPointSetToImageFilter</c> does for N4: each point proposes control values in proportion
/// to its weights, and every control point takes the weighted mean of the proposals.
/// </summary>
internal sealed class BSplineLattice
{
    private readonly int[] _spans;
    private readonly double[] _extent;
    private readonly double[] _values;

    /// <param name="spans">Spline spans per axis (control points = spans + 3).</param>
    /// <param name="extent">Largest continuous index per axis of the full-resolution grid (size − 1).</param>
    public BSplineLattice(int[] spans, double[] extent)
    {
        _spans = spans;
        _extent = extent;
        _values = new double[(spans[0] + 3) * (spans[1] + 3) * (spans[2] + 3)];
    }

    /// <summary>Fits the lattice to <paramref name="values"/> at full-resolution positions (x, y, z); replaces its values.</summary>
    public void Fit(ReadOnlySpan<double> values, ReadOnlySpan<bool> mask, Func<int, (double X, double Y, double Z)> position)
    {
        var numerator = new double[_values.Length];
        var denominator = new double[_values.Length];
        Span<double> wx = stackalloc double[4], wy = stackalloc double[4], wz = stackalloc double[4];
        for (int i = 0; i < values.Length; i++)
        {
            if (!mask[i])
            {
                continue;
            }

            var p = position(i);
            var (ix, iy, iz) = (Weights(p.X, 0, wx), Weights(p.Y, 1, wy), Weights(p.Z, 2, wz));
            double sumSquares = 0;
            for (int c = 0; c < 4; c++)
            {
                for (int b = 0; b < 4; b++)
                {
                    for (int a = 0; a < 4; a++)
                    {
                        double w = wx[a] * wy[b] * wz[c];
                        sumSquares += w * w;
                    }
                }
            }

            for (int c = 0; c < 4; c++)
            {
                for (int b = 0; b < 4; b++)
                {
                    for (int a = 0; a < 4; a++)
                    {
                        double w = wx[a] * wy[b] * wz[c];
                        int k = Index(ix + a, iy + b, iz + c);
                        // Lee et al.: φ_k = w_k r / Σ w²; the lattice value is Σ w_k² φ_k / Σ w_k².
                        numerator[k] += w * w * (w * values[i] / sumSquares);
                        denominator[k] += w * w;
                    }
                }
            }
        }

        for (int k = 0; k < _values.Length; k++)
        {
            _values[k] = denominator[k] > 0 ? numerator[k] / denominator[k] : 0;
        }
    }

    /// <summary>Adds another lattice of the same shape.</summary>
    public void Add(BSplineLattice other)
    {
        for (int k = 0; k < _values.Length; k++)
        {
            _values[k] += other._values[k];
        }
    }

    /// <summary>The spline's value at a full-resolution position.</summary>
    public double Evaluate(double x, double y, double z)
    {
        Span<double> wx = stackalloc double[4], wy = stackalloc double[4], wz = stackalloc double[4];
        var (ix, iy, iz) = (Weights(x, 0, wx), Weights(y, 1, wy), Weights(z, 2, wz));
        double sum = 0;
        for (int c = 0; c < 4; c++)
        {
            for (int b = 0; b < 4; b++)
            {
                double row = 0;
                int k = Index(ix, iy + b, iz + c);
                for (int a = 0; a < 4; a++)
                {
                    row += wx[a] * _values[k + a];
                }

                sum += wy[b] * wz[c] * row;
            }
        }

        return sum;
    }

    private int Index(int x, int y, int z) => x + ((_spans[0] + 3) * (y + ((_spans[1] + 3) * z)));

    /// <summary>The four cubic B-spline weights at a position, and the first control point they apply to.</summary>
    private int Weights(double position, int axis, Span<double> w)
    {
        double u = _extent[axis] > 0 ? position / _extent[axis] * _spans[axis] : 0;
        u = Math.Clamp(u, 0, _spans[axis] - 1e-9);
        int span = (int)Math.Floor(u);
        double t = u - span, s = 1 - t;
        w[0] = s * s * s / 6;
        w[1] = ((3 * t * t * t) - (6 * t * t) + 4) / 6;
        w[2] = ((-3 * t * t * t) + (3 * t * t) + (3 * t) + 1) / 6;
        w[3] = t * t * t / 6;
        return span;
    }
}
