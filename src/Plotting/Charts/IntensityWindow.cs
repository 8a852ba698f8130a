using System.Numerics;
using Radiomics.Imaging;

namespace Radiomics.Plotting.Charts;

/// <summary>A display window (grey-level range) for an image.</summary>
public readonly record struct IntensityWindow(double Min, double Max)
{
    /// <summary>
    /// The 0.5th to 99.5th percentile of the finite values (a robust default that a few extreme voxels do not wash
    /// out); from a strided sample of at most about a million voxels.
    /// </summary>
    public static IntensityWindow Percentiles<T>(Image<T> image, double lower = 0.5, double upper = 99.5)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(image);
        var voxels = image.Voxels;
        int step = Math.Max(1, voxels.Length / (1 << 20));
        var sample = new List<double>(voxels.Length / step + 1);
        for (int i = 0; i < voxels.Length; i += step)
        {
            double v = double.CreateTruncating(voxels[i]);
            if (double.IsFinite(v))
            {
                sample.Add(v);
            }
        }

        if (sample.Count == 0)
        {
            return new IntensityWindow(0, 1);
        }

        sample.Sort();
        double lo = sample[(int)Math.Round((sample.Count - 1) * lower / 100)];
        double hi = sample[(int)Math.Round((sample.Count - 1) * upper / 100)];
        return hi > lo ? new IntensityWindow(lo, hi) : new IntensityWindow(lo, lo + 1);
    }
}
