using System.Runtime.CompilerServices;

namespace Radiomics.Longitudinal.Transforms;

/// <summary>
/// Separable evaluation of a B-spline displacement along image rows, and its adjoint (spreading per-voxel
/// gradients back onto the control points). One instance per thread: it holds the partially contracted
/// coefficients of the current slice and row.
/// </summary>
internal sealed class BSplineRowEvaluator
{
    private readonly int _nx;
    private readonly int _ny;
    private readonly int _nz;
    private readonly double[] _slice;   // 3 × ny × nx: coefficients contracted over z for the current slice
    private readonly double[] _row;     // 3 × nx: contracted over z and y for the current row
    private readonly double[] _adjointSlice;
    private readonly double[] _adjointRow;

    public BSplineRowEvaluator(Imaging.Size3 gridSize)
    {
        _nx = gridSize.X;
        _ny = gridSize.Y;
        _nz = gridSize.Z;
        _slice = new double[3 * _ny * _nx];
        _row = new double[3 * _nx];
        _adjointSlice = new double[3 * _ny * _nx];
        _adjointRow = new double[3 * _nx];
    }

    /// <summary>Contracts the coefficients over z for image slice <paramref name="z"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void BeginSlice(ReadOnlySpan<double> coefficients, BSplineAxisWeights zAxis, int z)
    {
        int plane = _nx * _ny, n = plane * _nz;
        int fz = zAxis.First[z];
        var w = zAxis.Weights.AsSpan(4 * z, 4);
        for (int c = 0; c < 3; c++)
        {
            var dst = _slice.AsSpan(c * plane, plane);
            var p0 = coefficients.Slice(c * n + fz * plane, plane);
            var p1 = coefficients.Slice(c * n + (fz + 1) * plane, plane);
            var p2 = coefficients.Slice(c * n + (fz + 2) * plane, plane);
            var p3 = coefficients.Slice(c * n + (fz + 3) * plane, plane);
            for (int i = 0; i < plane; i++)
            {
                dst[i] = w[0] * p0[i] + w[1] * p1[i] + w[2] * p2[i] + w[3] * p3[i];
            }
        }
    }

    /// <summary>Displacements (mm) along image row <paramref name="y"/> of the current slice.</summary>
    public void EvaluateRow(BSplineAxisWeights yAxis, int y, BSplineAxisWeights xAxis, Span<double> ux, Span<double> uy, Span<double> uz) =>
        EvaluateRow(yAxis, y, xAxis, ux, uy, uz, 0, 1);

    /// <summary>Displacements at voxels <c>start, start + step, …</c> of row <paramref name="y"/>; other entries are left as they are.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EvaluateRow(BSplineAxisWeights yAxis, int y, BSplineAxisWeights xAxis, Span<double> ux, Span<double> uy, Span<double> uz, int start, int step)
    {
        ContractRow(yAxis, y);
        int nx = _nx;
        var first = xAxis.First;
        var weights = xAxis.Weights;
        for (int x = start; x < ux.Length; x += step)
        {
            int f = first[x];
            double a0 = weights[4 * x], a1 = weights[4 * x + 1], a2 = weights[4 * x + 2], a3 = weights[4 * x + 3];
            ux[x] = a0 * _row[f] + a1 * _row[f + 1] + a2 * _row[f + 2] + a3 * _row[f + 3];
            uy[x] = a0 * _row[nx + f] + a1 * _row[nx + f + 1] + a2 * _row[nx + f + 2] + a3 * _row[nx + f + 3];
            uz[x] = a0 * _row[2 * nx + f] + a1 * _row[2 * nx + f + 1] + a2 * _row[2 * nx + f + 2] + a3 * _row[2 * nx + f + 3];
        }
    }

    /// <summary>Starts accumulating gradients for a slice: clears the slice buffer.</summary>
    public void BeginAdjointSlice() => Array.Clear(_adjointSlice);

    /// <summary>
    /// Adds per-voxel gradients (with respect to the displacement at each voxel of row <paramref name="y"/>) to the
    /// slice buffer.
    /// </summary>
    public void AccumulateRow(BSplineAxisWeights yAxis, int y, BSplineAxisWeights xAxis, ReadOnlySpan<double> gx, ReadOnlySpan<double> gy, ReadOnlySpan<double> gz) =>
        AccumulateRow(yAxis, y, xAxis, gx, gy, gz, 0, 1);

    /// <summary>As above, reading only voxels <c>start, start + step, …</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AccumulateRow(BSplineAxisWeights yAxis, int y, BSplineAxisWeights xAxis, ReadOnlySpan<double> gx, ReadOnlySpan<double> gy, ReadOnlySpan<double> gz, int start, int step)
    {
        Array.Clear(_adjointRow);
        int nx = _nx;
        var first = xAxis.First;
        var weights = xAxis.Weights;
        for (int x = start; x < gx.Length; x += step)
        {
            int f = first[x];
            double a0 = weights[4 * x], a1 = weights[4 * x + 1], a2 = weights[4 * x + 2], a3 = weights[4 * x + 3];
            double vx = gx[x], vy = gy[x], vz = gz[x];
            _adjointRow[f] += a0 * vx; _adjointRow[f + 1] += a1 * vx; _adjointRow[f + 2] += a2 * vx; _adjointRow[f + 3] += a3 * vx;
            _adjointRow[nx + f] += a0 * vy; _adjointRow[nx + f + 1] += a1 * vy; _adjointRow[nx + f + 2] += a2 * vy; _adjointRow[nx + f + 3] += a3 * vy;
            _adjointRow[2 * nx + f] += a0 * vz; _adjointRow[2 * nx + f + 1] += a1 * vz; _adjointRow[2 * nx + f + 2] += a2 * vz; _adjointRow[2 * nx + f + 3] += a3 * vz;
        }

        int fy = yAxis.First[y];
        var w = yAxis.Weights.AsSpan(4 * y, 4);
        int plane = _nx * _ny;
        for (int c = 0; c < 3; c++)
        {
            var src = _adjointRow.AsSpan(c * nx, nx);
            for (int b = 0; b < 4; b++)
            {
                var dst = _adjointSlice.AsSpan(c * plane + (fy + b) * nx, nx);
                double wb = w[b];
                for (int i = 0; i < nx; i++)
                {
                    dst[i] += wb * src[i];
                }
            }
        }
    }

    /// <summary>Spreads the slice buffer onto the control points (into <paramref name="gradient"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndAdjointSlice(Span<double> gradient, BSplineAxisWeights zAxis, int z)
    {
        int plane = _nx * _ny, n = plane * _nz;
        int fz = zAxis.First[z];
        var w = zAxis.Weights.AsSpan(4 * z, 4);
        for (int c = 0; c < 3; c++)
        {
            var src = _adjointSlice.AsSpan(c * plane, plane);
            for (int k = 0; k < 4; k++)
            {
                var dst = gradient.Slice(c * n + (fz + k) * plane, plane);
                double wk = w[k];
                for (int i = 0; i < plane; i++)
                {
                    dst[i] += wk * src[i];
                }
            }
        }
    }

    private void ContractRow(BSplineAxisWeights yAxis, int y)
    {
        int nx = _nx, plane = _nx * _ny;
        int fy = yAxis.First[y];
        double w0 = yAxis.Weights[4 * y], w1 = yAxis.Weights[4 * y + 1], w2 = yAxis.Weights[4 * y + 2], w3 = yAxis.Weights[4 * y + 3];
        for (int c = 0; c < 3; c++)
        {
            int o = c * plane + fy * nx;
            for (int i = 0; i < nx; i++)
            {
                _row[c * nx + i] = w0 * _slice[o + i] + w1 * _slice[o + nx + i] + w2 * _slice[o + 2 * nx + i] + w3 * _slice[o + 3 * nx + i];
            }
        }
    }
}
