using Radiomics.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;
using Radiomics.Imaging;
using Radiomics.Longitudinal.Transforms;

namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// Evaluates a metric and its analytic gradient over every (masked) fixed voxel of a pyramid level, for the mapping
/// <c>y = A·(x + u(x)) + b</c> from fixed to moving physical space, with <c>u</c> an optional B-spline displacement in
/// fixed space. The moving image is interpolated trilinearly (border values continued outside, as the benchmark
/// generator samples) together with the exact gradient of the interpolant, so the gradient is that of the discrete
/// objective the optimiser sees. Work is split over slices; each thread accumulates privately, then sums are merged.
/// </summary>
internal sealed class DenseObjective
{
    private readonly LevelImages _level;
    private readonly PointMetric _metric;
    private readonly Parallelism _parallelism;

    private readonly int _stride;

    /// <summary>
    /// Slice chunks per evaluation: enough to balance many threads (and masks that cover a few slices only), few enough
    /// that the per-chunk gradients stay small next to the images.
    /// </summary>
    private const int ChunkCount = 64;

    /// <summary>
    /// Levels with at most this many samples keep each sample's warped value and interpolant gradient from the first
    /// pass of a two-pass metric for the second (4 doubles a sample, 64 MB at the limit): the second pass then skips the
    /// B-spline evaluation and the trilinear lookup, a third of a small image's evaluation. Larger levels recompute.
    /// </summary>
    internal const long SampleCacheLimit = 2_000_000;

    private ThreadState[]? _states;

    /// <summary>What <see cref="_states"/> were sized for: the gradient length and the B-spline grid (null: linear).</summary>
    private (int GradientLength, Size3? Grid) _statesShape;

    /// <summary>An objective over <paramref name="level"/> with <paramref name="metric"/>; a <paramref name="stride"/> above 1 samples one voxel in that many along each row (<paramref name="parallelism"/> sets the threads).</summary>
    public DenseObjective(LevelImages level, PointMetric metric, Parallelism parallelism, int stride = 1)
    {
        _level = level;
        _metric = metric;
        _parallelism = parallelism;
        _stride = Math.Max(1, stride);
    }

    public LevelImages Level => _level;

    private static int s_compiling;

    /// <summary>
    /// Starts compiling the metric's hot loops (the methods marked for optimisation at their first call, which cannot
    /// be precompiled) on a pool thread, once per process. That takes about 20 ms; a registration that calls this before
    /// reading its images has it done on another core meanwhile instead of at its first evaluation.
    /// </summary>
    public static void CompileAhead()
    {
        if (Interlocked.Exchange(ref s_compiling, 1) != 0)
        {
            return;
        }

        _ = Task.Run(() =>
        {
            foreach (var type in new[] { typeof(DenseObjective), typeof(BSplineRowEvaluator) })
            {
                foreach (var method in type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (method.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization))
                    {
                        RuntimeHelpers.PrepareMethod(method.MethodHandle);
                    }
                }
            }
        });
    }

    /// <summary>
    /// The metric value for <c>y = A·x + b</c> and, when <paramref name="gradient"/> is not empty, dE/dA (row-major, 9)
    /// followed by dE/db (3).
    /// </summary>
    public double EvaluateLinear(Matrix3 a, Vec3 b, Span<double> gradient) =>
        Evaluate(a, b, null, gradient);

    /// <summary>
    /// The metric value for <c>y = A·(x + u(x)) + b</c> with the B-spline <c>u</c> given by its control grid and
    /// coefficients; <paramref name="gradient"/> receives dE/dc for every coefficient (same layout).
    /// </summary>
    public double EvaluateSpline(Matrix3 a, Vec3 b, ImageGeometry grid, BSplineAxisWeights[] axes, ReadOnlySpan<double> coefficients, Span<double> gradient) =>
        Evaluate(a, b, new SplineState(grid, axes, coefficients.ToArray()), gradient);

    private double Evaluate(Matrix3 a, Vec3 b, SplineState? spline, Span<double> gradient)
    {
        var fixedGeometry = _level.Fixed.Geometry;
        var movingGeometry = _level.Moving.Geometry;
        var pm = movingGeometry.PhysicalToIndexMatrix;
        // Moving continuous index p = K·i + k0 + L·u(i).
        var l = pm * a;
        var k = l * fixedGeometry.IndexToPhysicalMatrix;
        var k0 = pm * (a * fixedGeometry.Origin + b - movingGeometry.Origin);
        var map = new Mapping(k, k0, l);
        long count = _level.CountSamples(_stride);
        bool wantGradient = !gradient.IsEmpty;

        int gradientLength = spline is null ? 12 : spline.Coefficients.Length;
        var states = States(gradientLength, spline);
        if (_metric.NeedsStatistics)
        {
            var statistics = new double[_metric.StatisticsLength];
            Run(states, map, spline, pass: 1);
            foreach (var state in states)
            {
                for (int i = 0; i < statistics.Length; i++)
                {
                    statistics[i] += state.Statistics[i];
                }
            }

            _metric.Prepare(statistics, count);
            if (!wantGradient)
            {
                return _metric.Value;
            }
        }
        else
        {
            _metric.PrepareCount(count);
        }

        var total = new double[gradientLength];
        double valueSum = 0;
        Run(states, map, spline, pass: 2);
        foreach (var state in states)
        {
            valueSum += state.ValueSum;
            for (int i = 0; i < total.Length; i++)
            {
                total[i] += state.Gradient[i];
            }
        }

        if (!_metric.NeedsStatistics)
        {
            _metric.FinishWithoutStatistics(valueSum, count);
        }

        if (wantGradient)
        {
            if (spline is null)
            {
                LinearGradient(total, pm, fixedGeometry, gradient);
            }
            else
            {
                total.CopyTo(gradient);
            }
        }

        return _metric.Value;
    }

    /// <summary>
    /// Per-chunk accumulators, reused across evaluations. The slices are cut into a fixed number of contiguous chunks
    /// (independent of the thread count) and the chunk sums are merged in chunk order, so floating-point sums, and
    /// hence the whole registration, are the same from run to run and for any number of threads.
    /// </summary>
    private ThreadState[] States(int gradientLength, SplineState? spline)
    {
        var shape = (gradientLength, spline?.Grid.Size);
        if (_states is null || _statesShape != shape)
        {
            _statesShape = shape;
            var size = _level.Fixed.Geometry.Size;
            int chunks = Math.Min(ChunkCount, size.Z);
            long rowSamples = (size.X + _stride - 1) / _stride;
            // Sized by the lattice, not by the masked samples, so the limit bounds what is allocated.
            bool cache = _metric.NeedsStatistics && size.Z * size.Y * rowSamples <= SampleCacheLimit;
            _states = new ThreadState[chunks];
            for (int c = 0; c < chunks; c++)
            {
                int slices = (int)((long)size.Z * (c + 1) / chunks) - (int)((long)size.Z * c / chunks);
                _states[c] = new ThreadState(_metric.StatisticsLength, gradientLength, spline, cache ? (int)(slices * size.Y * rowSamples) : 0);
            }
        }

        return _states;
    }

    private void Run(ThreadState[] states, Mapping map, SplineState? spline, int pass)
    {
        int depth = _level.Fixed.Geometry.Size.Z;
        ParallelRows.For(0, states.Length, _parallelism, c =>
        {
            var state = states[c];
            state.Reset(pass);
            int from = (int)((long)depth * c / states.Length), to = (int)((long)depth * (c + 1) / states.Length);
            for (int z = from; z < to; z++)
            {
                Slice(z, map, spline, state, pass);
            }
        });
    }

    /// <summary>
    /// Converts index-space sums <c>S_r = Σ δ·g_r</c> and <c>T_rs = Σ δ·g_r·i_s</c> (g the interpolant's gradient in
    /// moving index units, i the fixed index) into dE/dA and dE/db for <c>y = A·x + b</c>.
    /// </summary>
    private static void LinearGradient(double[] sums, Matrix3 pm, ImageGeometry fixedGeometry, Span<double> gradient)
    {
        // dE/dy_i = Σ_r Pm[r,i]·δ g_r; x = O + Q·i.
        var q = fixedGeometry.IndexToPhysicalMatrix;
        var o = fixedGeometry.Origin;
        Span<double> gz = stackalloc double[9];   // Σ δ g_r x_j
        for (int r = 0; r < 3; r++)
        {
            for (int j = 0; j < 3; j++)
            {
                double v = o[j] * sums[9 + r];
                for (int s = 0; s < 3; s++)
                {
                    v += q[j, s] * sums[r * 3 + s];
                }

                gz[r * 3 + j] = v;
            }
        }

        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                gradient[i * 3 + j] = pm[0, i] * gz[j] + pm[1, i] * gz[3 + j] + pm[2, i] * gz[6 + j];
            }

            gradient[9 + i] = pm[0, i] * sums[9] + pm[1, i] * sums[10] + pm[2, i] * sums[11];
        }
    }

    private void Slice(int z, Mapping map, SplineState? spline, ThreadState state, int pass)
    {
        if (pass == 2 && state.Samples.Length > 0)
        {
            GradientFromSamples(z, map, spline, state);
        }
        else
        {
            Sample(z, map, spline, state, pass);
        }
    }

    // Optimised from the first call: a registration spends its first second in these loops, before tiered compilation
    // would have promoted them (measured: the affine stage and the first B-spline level ran about 1.5× slower).
    // They are compiled once, fully optimised and without profile data, so a call through the metric's base class
    // stays virtual and is never inlined; the default metric is called through its sealed type instead.

    /// <summary>
    /// Maps and samples the lattice voxels of slice <paramref name="z"/>: the metric's statistics in pass 1 (keeping
    /// each sample's value and interpolant gradient when the chunk has room), the value and gradient in pass 2.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Sample(int z, Mapping map, SplineState? spline, ThreadState state, int pass)
    {
        var fixedImage = _level.Fixed;
        var size = fixedImage.Geometry.Size;
        var moving = _level.Moving.Voxels;
        var msize = _level.Moving.Geometry.Size;
        var f = fixedImage.Voxels;
        var mask = _level.FixedMask;
        var metric = _metric;
        var mattes = metric as MattesMutualInformationMetric;
        var cache = state.Samples;
        bool keep = pass == 1 && cache.Length > 0;
        int s = state.SampleIndex;
        if (spline is not null)
        {
            state.Evaluator!.BeginSlice(spline.Coefficients, spline.Axes[2], z);
            if (pass == 2)
            {
                state.Evaluator.BeginAdjointSlice();
            }
        }

        var stats = state.Statistics.AsSpan();
        var k = map.K;
        var lm = map.L;
        for (int y = 0; y < size.Y; y++)
        {
            int row = (z * size.Y + y) * size.X;
            double px = map.K0.X + k.M01 * y + k.M02 * z;
            double py = map.K0.Y + k.M11 * y + k.M12 * z;
            double pz = map.K0.Z + k.M21 * y + k.M22 * z;
            var ux = state.Ux;
            var uy = state.Uy;
            var uz = state.Uz;
            int start = LevelImages.LatticeStart(y, z, _stride), step = _stride;
            if (spline is not null)
            {
                state.Evaluator!.EvaluateRow(spline.Axes[1], y, spline.Axes[0], ux, uy, uz, start, step);
            }

            for (int x = start; x < size.X; x += step)
            {
                int i = row + x;
                if (mask is not null && mask[i] == 0)
                {
                    if (spline is not null && pass == 2)
                    {
                        state.Gx[x] = state.Gy[x] = state.Gz[x] = 0;
                    }

                    continue;
                }

                double qx = px + k.M00 * x, qy = py + k.M10 * x, qz = pz + k.M20 * x;
                if (spline is not null)
                {
                    qx += lm.M00 * ux[x] + lm.M01 * uy[x] + lm.M02 * uz[x];
                    qy += lm.M10 * ux[x] + lm.M11 * uy[x] + lm.M12 * uz[x];
                    qz += lm.M20 * ux[x] + lm.M21 * uy[x] + lm.M22 * uz[x];
                }

                if (pass == 1)
                {
                    double w = Trilinear.SampleDouble(moving, msize, qx, qy, qz);
                    if (mattes is not null)
                    {
                        mattes.Accumulate(stats, f[i], w);
                    }
                    else
                    {
                        metric.Accumulate(stats, f[i], w);
                    }

                    if (keep)
                    {
                        // The second pass's value is this interpolant's (differences in double; the histogram's are
                        // in float), so a kept sample gives the same results bit for bit.
                        SampleWithGradient(moving, msize, qx, qy, qz, out cache[s], out cache[s + 1], out cache[s + 2], out cache[s + 3]);
                        s += 4;
                    }

                    continue;
                }

                SampleWithGradient(moving, msize, qx, qy, qz, out double wv, out double gx, out double gy, out double gz);
                Backpropagate(state, spline is not null, lm, f[i], wv, gx, gy, gz, x, y, z, mattes);
            }

            if (spline is not null && pass == 2)
            {
                state.Evaluator!.AccumulateRow(spline.Axes[1], y, spline.Axes[0], state.Gx, state.Gy, state.Gz, start, step);
            }
        }

        if (spline is not null && pass == 2)
        {
            state.Evaluator!.EndAdjointSlice(state.Gradient, spline.Axes[2], z);
        }

        state.SampleIndex = s;
    }

    /// <summary>Pass 2 of slice <paramref name="z"/> from the samples pass 1 kept: no mapping, no interpolation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void GradientFromSamples(int z, Mapping map, SplineState? spline, ThreadState state)
    {
        var size = _level.Fixed.Geometry.Size;
        var f = _level.Fixed.Voxels;
        var mask = _level.FixedMask;
        var mattes = _metric as MattesMutualInformationMetric;
        var cache = state.Samples;
        var lm = map.L;
        int s = state.SampleIndex;
        if (spline is not null)
        {
            state.Evaluator!.BeginAdjointSlice();
        }

        for (int y = 0; y < size.Y; y++)
        {
            int row = (z * size.Y + y) * size.X;
            int start = LevelImages.LatticeStart(y, z, _stride), step = _stride;
            for (int x = start; x < size.X; x += step)
            {
                int i = row + x;
                if (mask is not null && mask[i] == 0)
                {
                    if (spline is not null)
                    {
                        state.Gx[x] = state.Gy[x] = state.Gz[x] = 0;
                    }

                    continue;
                }

                Backpropagate(state, spline is not null, lm, f[i], cache[s], cache[s + 1], cache[s + 2], cache[s + 3], x, y, z, mattes);
                s += 4;
            }

            if (spline is not null)
            {
                state.Evaluator!.AccumulateRow(spline.Axes[1], y, spline.Axes[0], state.Gx, state.Gy, state.Gz, start, step);
            }
        }

        if (spline is not null)
        {
            state.Evaluator!.EndAdjointSlice(state.Gradient, spline.Axes[2], z);
        }

        state.SampleIndex = s;
    }

    /// <summary>
    /// One sample's share of the gradient: δ·g, with δ the metric's derivative at the sample and g the interpolant's
    /// gradient, into the linear sums (index-space moments) or, for a B-spline, the row's dE/du = Lᵀ·(δ·g).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Backpropagate(
        ThreadState state, bool spline, Matrix3 lm, float fixedValue, double wv, double gx, double gy, double gz, int x, int y, int z,
        MattesMutualInformationMetric? mattes)
    {
        double delta = mattes is not null ? mattes.Derivative(fixedValue, wv, out double valueTerm) : _metric.Derivative(fixedValue, wv, out valueTerm);
        state.ValueSum += valueTerm;
        gx *= delta;
        gy *= delta;
        gz *= delta;
        if (!spline)
        {
            var linear = state.Gradient;
            linear[0] += gx * x; linear[1] += gx * y; linear[2] += gx * z;
            linear[3] += gy * x; linear[4] += gy * y; linear[5] += gy * z;
            linear[6] += gz * x; linear[7] += gz * y; linear[8] += gz * z;
            linear[9] += gx; linear[10] += gy; linear[11] += gz;
        }
        else
        {
            state.Gx[x] = lm.M00 * gx + lm.M10 * gy + lm.M20 * gz;
            state.Gy[x] = lm.M01 * gx + lm.M11 * gy + lm.M21 * gz;
            state.Gz[x] = lm.M02 * gx + lm.M12 * gy + lm.M22 * gz;
        }
    }

    /// <summary>Trilinear value and its exact gradient with respect to the continuous index (zero across a clamped border).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void SampleWithGradient(ReadOnlySpan<float> v, Size3 size, double x, double y, double z, out double value, out double gx, out double gy, out double gz)
    {
        Trilinear.Corner(x, size.X, out int x0, out int x1, out double fx);
        Trilinear.Corner(y, size.Y, out int y0, out int y1, out double fy);
        Trilinear.Corner(z, size.Z, out int z0, out int z1, out double fz);
        int nx = size.X, nxy = size.X * size.Y;
        int r00 = z0 * nxy + y0 * nx, r01 = z0 * nxy + y1 * nx, r10 = z1 * nxy + y0 * nx, r11 = z1 * nxy + y1 * nx;
        double v000 = v[r00 + x0], v100 = v[r00 + x1], v010 = v[r01 + x0], v110 = v[r01 + x1];
        double v001 = v[r10 + x0], v101 = v[r10 + x1], v011 = v[r11 + x0], v111 = v[r11 + x1];
        double d00 = v100 - v000, d10 = v110 - v010, d01 = v101 - v001, d11 = v111 - v011;
        double c00 = v000 + fx * d00, c10 = v010 + fx * d10, c01 = v001 + fx * d01, c11 = v011 + fx * d11;
        double c0 = c00 + fy * (c10 - c00), c1 = c01 + fy * (c11 - c01);
        value = c0 + fz * (c1 - c0);
        // A clamped axis has x0 == x1, so its differences vanish: the interpolant is flat beyond the border.
        double ex0 = d00 + fy * (d10 - d00), ex1 = d01 + fy * (d11 - d01);
        gx = ex0 + fz * (ex1 - ex0);
        double ey0 = c10 - c00, ey1 = c11 - c01;
        gy = ey0 + fz * (ey1 - ey0);
        gz = c1 - c0;
    }

    private readonly record struct Mapping(Matrix3 K, Vec3 K0, Matrix3 L);

    private sealed record SplineState(ImageGeometry Grid, BSplineAxisWeights[] Axes, double[] Coefficients);

    private sealed class ThreadState
    {
        public ThreadState(int statisticsLength, int gradientLength, SplineState? spline, int samples)
        {
            Samples = new double[4 * samples];
            Statistics = new double[statisticsLength];
            Gradient = new double[gradientLength];
            int nx = spline is null ? 0 : spline.Axes[0].First.Length;
            Ux = new double[nx];
            Uy = new double[nx];
            Uz = new double[nx];
            Gx = new double[nx];
            Gy = new double[nx];
            Gz = new double[nx];
            Evaluator = spline is null ? null : new BSplineRowEvaluator(spline.Grid.Size);
        }

        /// <summary>Clears what <paramref name="pass"/> accumulates (statistics in pass 1; value and gradient in pass 2) and rewinds the kept samples.</summary>
        public void Reset(int pass)
        {
            // Both passes visit the chunk's samples from its first slice on.
            SampleIndex = 0;
            if (pass == 1)
            {
                Array.Clear(Statistics);
            }
            else
            {
                Array.Clear(Gradient);
                ValueSum = 0;
            }
        }

        public double[] Statistics { get; }

        public double[] Gradient { get; }

        public double ValueSum { get; set; }

        public double[] Ux { get; }

        public double[] Uy { get; }

        public double[] Uz { get; }

        public double[] Gx { get; }

        public double[] Gy { get; }

        public double[] Gz { get; }

        public BSplineRowEvaluator? Evaluator { get; }

        /// <summary>The first pass's warped value and interpolant gradient per sample of the chunk (empty: not kept).</summary>
        public double[] Samples { get; }

        /// <summary>Where the next sample goes in <see cref="Samples"/>, in the chunk's visiting order.</summary>
        public int SampleIndex { get; set; }
    }
}
