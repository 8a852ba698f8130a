using Radiomics.Imaging;
using Radiomics.Numerics;

namespace Radiomics.Filters;

/// <summary>How the thresholded circle of a 2D local binary pattern becomes a number (scikit-image's <c>method</c>).</summary>
public enum LocalBinaryPatternMethod
{
    /// <summary><c>default</c>: Σ sᵢ·2ⁱ over the samples (not rotation invariant).</summary>
    Default,

    /// <summary><c>ror</c>: the smallest value of the pattern over its circular bit rotations.</summary>
    RotationInvariant,

    /// <summary><c>uniform</c>: the number of samples not below the centre when the pattern has at most two 0/1 changes, else P + 1.</summary>
    Uniform,

    /// <summary><c>var</c>: the variance (ddof 0) of the sampled values, NaN when they are all equal.</summary>
    Variance,
}

/// <summary>
/// PyRadiomics' "lbp-2D" image type (Ojala et al. 1994, 1996): the local binary pattern of every voxel within its slice,
/// as scikit-image's <c>local_binary_pattern(slice, P, R, method)</c> that PyRadiomics' <c>getLBP2DImage</c> applies to
/// each slice across <see cref="SliceDimension"/>.
/// </summary>
/// <remarks>
/// The P samples lie on a circle of radius R at angles 2πi/P, at offsets (row −R·sin, column R·cos) rounded to 5
/// decimals, where rows and columns are the slice's axes in array order (z, y, x without the slice axis); they are
/// read by bilinear interpolation with 0 beyond the slice, and sᵢ = 1 when sample i is not below the centre. The
/// uniform method counts 0/1 changes between consecutive samples without the wrap from the last to the first, as
/// scikit-image does. (PyRadiomics writes the result back into the image's own pixel type, so an integer image
/// truncates the <see cref="LocalBinaryPatternMethod.Variance"/> values; the toolkit keeps them as they are.)
/// </remarks>
public sealed record LocalBinaryPattern2DSettings : FilterSettings
{
    /// <summary>Radius of the sampling circle in voxels (PyRadiomics <c>lbp2DRadius</c>). Default 1.</summary>
    public double Radius { get; init; } = 1;

    /// <summary>Number of samples on the circle (PyRadiomics <c>lbp2DSamples</c>), 1 to 30. Default 8.</summary>
    public int Samples { get; init; } = 8;

    /// <summary>How the pattern becomes a value (PyRadiomics <c>lbp2DMethod</c>). Default uniform.</summary>
    public LocalBinaryPatternMethod Method { get; init; } = LocalBinaryPatternMethod.Uniform;

    /// <summary>The axis across which slices are taken, in PyRadiomics' array order: 0 = z (axial slices), 1 = y, 2 = x (<c>force2Ddimension</c>). Default 0.</summary>
    public int SliceDimension { get; init; }

    public override string ImageTypeName() => "lbp-2D";

    public override void Validate()
    {
        FilterInput.RequirePositive(Radius, nameof(Radius));
        if (Samples is < 1 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(Samples), Samples, "The number of LBP samples must be between 1 and 30.");
        }

        FilterInput.RequireDefined(Method, nameof(Method));
        if (SliceDimension is < 0 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(SliceDimension), SliceDimension, "The slice dimension must be 0 (z), 1 (y) or 2 (x).");
        }
    }

    private protected override double[] Filter(double[] voxels, ImageGeometry geometry)
    {
        var size = geometry.Size;

        // Strides of the slice's row and column axes and of the slice axis, in x-fastest storage.
        int sx = 1, sy = size.X, sz = size.X * size.Y;
        var (slices, sliceStride, rows, rowStride, cols, colStride) = SliceDimension switch
        {
            0 => (size.Z, sz, size.Y, sy, size.X, sx),
            1 => (size.Y, sy, size.Z, sz, size.X, sx),
            _ => (size.X, sx, size.Y, sy, size.Z, sz),
        };
        int p = Samples;
        var rowOffsets = new double[p];
        var colOffsets = new double[p];
        for (int i = 0; i < p; i++)
        {
            rowOffsets[i] = Math.Round(-Radius * Math.Sin(2 * Math.PI * i / p), 5);
            colOffsets[i] = Math.Round(Radius * Math.Cos(2 * Math.PI * i / p), 5);
        }

        var result = new double[voxels.Length];
        ParallelRows.For(0, slices, Parallelism.AllCores, () => new double[p], (slice, texture) =>
        {
            int origin = slice * sliceStride;
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < cols; c++)
                {
                    double centre = voxels[origin + (r * rowStride) + (c * colStride)];
                    for (int i = 0; i < p; i++)
                    {
                        texture[i] = Bilinear(voxels, origin, rows, rowStride, cols, colStride, r + rowOffsets[i], c + colOffsets[i]);
                    }

                    result[origin + (r * rowStride) + (c * colStride)] = Pattern(texture, centre, Method);
                }
            }
        });
        return result;
    }

    /// <summary>The pattern value of one voxel from its circle samples.</summary>
    internal static double Pattern(ReadOnlySpan<double> texture, double centre, LocalBinaryPatternMethod method)
    {
        int p = texture.Length;
        if (method == LocalBinaryPatternMethod.Variance)
        {
            double sum = 0, sumSq = 0;
            foreach (var t in texture)
            {
                sum += t;
                sumSq += t * t;
            }

            double variance = (sumSq - (sum * sum / p)) / p;
            return variance != 0 ? variance : double.NaN;
        }

        if (method == LocalBinaryPatternMethod.Uniform)
        {
            int changes = 0, ones = 0;
            for (int i = 0; i < p; i++)
            {
                bool bit = texture[i] - centre >= 0;
                ones += bit ? 1 : 0;
                if (i < p - 1 && bit != (texture[i + 1] - centre >= 0))
                {
                    changes++;
                }
            }

            return changes <= 2 ? ones : p + 1;
        }

        long value = 0;
        for (int i = 0; i < p; i++)
        {
            if (texture[i] - centre >= 0)
            {
                value |= 1L << i;
            }
        }

        if (method == LocalBinaryPatternMethod.RotationInvariant)
        {
            long rotated = value, smallest = value;
            for (int i = 1; i < p; i++)
            {
                rotated = (rotated >> 1) | ((rotated & 1) << (p - 1));
                smallest = Math.Min(smallest, rotated);
            }

            value = smallest;
        }

        return value;
    }

    /// <summary>scikit-image's bilinear interpolation with constant 0 beyond the slice.</summary>
    private static double Bilinear(double[] voxels, int origin, int rows, int rowStride, int cols, int colStride, double r, double c)
    {
        int r0 = (int)Math.Floor(r), c0 = (int)Math.Floor(c), r1 = (int)Math.Ceiling(r), c1 = (int)Math.Ceiling(c);
        double dr = r - r0, dc = c - c0;
        double At(int rr, int cc) => rr < 0 || rr >= rows || cc < 0 || cc >= cols ? 0 : voxels[origin + (rr * rowStride) + (cc * colStride)];
        double top = ((1 - dc) * At(r0, c0)) + (dc * At(r0, c1));
        double bottom = ((1 - dc) * At(r1, c0)) + (dc * At(r1, c1));
        return ((1 - dr) * top) + (dr * bottom);
    }
}
