using System.Globalization;
using System.Numerics;
using Radiomics.Imaging;
using Radiomics.Numerics;

namespace Radiomics.Filters;

/// <summary>
/// PyRadiomics "lbp-3D" image types (Banerjee et al. 2013, rotation-invariant 3D LBP with spherical harmonics): the
/// image is sampled by cubic B-spline interpolation at the vertices of an icosphere around every voxel, the
/// samples are thresholded at the centre voxel, expanded in spherical harmonics, and the energy of degree
/// <see cref="Level"/>−1 is the response (<c>lbp-3D-m1</c>, <c>-m2</c>, …); with <see cref="Kurtosis"/> the response is
/// the excess kurtosis of the samples (<c>lbp-3D-k</c>).
/// </summary>
/// <remarks>
/// Follows PyRadiomics' <c>getLBP3DImage</c> arithmetic, including its spherical-harmonic arguments and its
/// complex square root, so that values agree with PyRadiomics away from the image edge (here every voxel is
/// filtered and samples beyond the edge mirror back inside). A degenerate sample (all values equal) has kurtosis 0.
/// </remarks>
public sealed record LocalBinaryPattern3DSettings : FilterSettings
{
    /// <summary>Which level's map: level l is the energy of spherical-harmonic degree l−1. Default 1.</summary>
    public int Level { get; init; } = 1;

    /// <summary>Return the spherical kurtosis map instead of a level. Default false.</summary>
    public bool Kurtosis { get; init; }

    /// <summary>Radius of the sampling sphere in voxels (PyRadiomics <c>lbp3DIcosphereRadius</c>). Default 1.</summary>
    public double Radius { get; init; } = 1;

    /// <summary>Icosphere subdivisions (PyRadiomics <c>lbp3DIcosphereSubdivision</c>; 1 gives 42 samples). Default 1.</summary>
    public int Subdivision { get; init; } = 1;

    public override string ImageTypeName() => Kurtosis ? "lbp-3D-k" : string.Create(CultureInfo.InvariantCulture, $"lbp-3D-m{Level}");

    public override void Validate()
    {
        if (Level is < 1 or > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(Level), Level, "The LBP level must be between 1 and 8.");
        }

        FilterInput.RequirePositive(Radius, nameof(Radius));
        if (Subdivision is < 0 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(Subdivision), Subdivision, "Icosphere subdivisions must be between 0 and 4.");
        }
    }

    private protected override double[] Filter(double[] voxels, ImageGeometry geometry) =>
        Responses(voxels, geometry.Size, Kurtosis ? [] : [Level - 1], Kurtosis, Radius, Subdivision, inside: null)[0];

    /// <summary>
    /// PyRadiomics' <c>getLBP3DImage</c>: the maps <c>lbp-3D-m1</c> … <c>lbp-3D-m<paramref name="levels"/></c> and
    /// <c>lbp-3D-k</c>, computed only at the voxels where <paramref name="inside"/> is true (the ROI) and 0 elsewhere.
    /// </summary>
    internal static double[][] RoiMaps(double[] voxels, Size3 size, bool[] inside, int levels, double radius, int subdivision) =>
        Responses(voxels, size, Enumerable.Range(0, levels).ToArray(), kurtosis: true, radius, subdivision, inside);

    /// <summary>One map per spherical-harmonic degree in <paramref name="degrees"/>, then the kurtosis map when asked.</summary>
    private static double[][] Responses(double[] voxels, Size3 size, int[] degrees, bool kurtosis, double radius, int subdivision, bool[]? inside)
    {
        var spline = new SplineInterpolatedVolume(voxels, size);
        var vertices = Icosphere(subdivision);
        int nv = vertices.Count;

        // PyRadiomics' vertex (a, b, c) is an offset along array axes (z, y, x); its harmonics take the polar angle
        // of c as scipy's azimuth argument and the azimuth as scipy's polar argument.
        var offsets = new Vec3[nv];
        var harmonics = new Complex[degrees.Length][][];
        for (int d = 0; d < degrees.Length; d++)
        {
            harmonics[d] = new Complex[2 * degrees[d] + 1][];
            for (int m = 0; m < harmonics[d].Length; m++)
            {
                harmonics[d][m] = new Complex[nv];
            }
        }

        for (int v = 0; v < nv; v++)
        {
            var p = vertices[v] * radius;
            offsets[v] = new Vec3(p.Z, p.Y, p.X);
            double theta = Math.Acos(Math.Clamp(p.Z / radius, -1, 1));
            double phi = Math.Atan2(p.Y, p.X);
            for (int d = 0; d < degrees.Length; d++)
            {
                int degree = degrees[d];
                for (int m = -degree; m <= degree; m++)
                {
                    harmonics[d][m + degree][v] = SphericalHarmonic(m, degree, theta, phi);
                }
            }
        }

        // Every voxel samples the same sub-voxel offsets, so each vertex's 4×4×4 spline weights and the relative
        // positions of their coefficients are computed once; voxels near the edge take the general path.
        var stencil = new Stencil[nv];
        for (int v = 0; v < nv; v++)
        {
            stencil[v] = new Stencil(offsets[v], size);
        }

        var splineCoefficients = spline.Coefficients;
        var results = new double[degrees.Length + (kurtosis ? 1 : 0)][];
        for (int r = 0; r < results.Length; r++)
        {
            results[r] = new double[voxels.Length];
        }

        int maxDegree = degrees.Length == 0 ? 0 : degrees.Max();
        ParallelRows.For(0, size.Z, Parallelism.AllCores, () => (new double[nv], new Complex[2 * maxDegree + 1]), (z, buffers) =>
        {
            var (samples, coefficients) = buffers;
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++)
                {
                    int index = x + size.X * (y + size.Y * z);
                    if (inside is not null && !inside[index])
                    {
                        continue;
                    }

                    for (int v = 0; v < nv; v++)
                    {
                        samples[v] = stencil[v].Inside(x, y, z, size)
                            ? stencil[v].Sample(splineCoefficients, index)
                            : spline.At(x + offsets[v].X, y + offsets[v].Y, z + offsets[v].Z);
                    }

                    for (int d = 0; d < degrees.Length; d++)
                    {
                        results[d][index] = Energy(samples, voxels[index], harmonics[d], coefficients);
                    }

                    if (kurtosis)
                    {
                        results[degrees.Length][index] = ExcessKurtosis(samples);
                    }
                }
            }
        });
        return results;
    }

    /// <summary>Spline weights and coefficient offsets of one sampling offset, valid for voxels away from the edge.</summary>
    private sealed class Stencil
    {
        private readonly double[] _weights = new double[64];
        private readonly int[] _offsets = new int[64];
        private readonly int _x0, _y0, _z0;

        public Stencil(Vec3 offset, Size3 size)
        {
            _x0 = (int)Math.Floor(offset.X) - 1;
            _y0 = (int)Math.Floor(offset.Y) - 1;
            _z0 = (int)Math.Floor(offset.Z) - 1;
            Span<double> wx = stackalloc double[4], wy = stackalloc double[4], wz = stackalloc double[4];
            CubicBSplineKernel.Weights(offset.X - (_x0 + 1), wx);
            CubicBSplineKernel.Weights(offset.Y - (_y0 + 1), wy);
            CubicBSplineKernel.Weights(offset.Z - (_z0 + 1), wz);
            int j = 0;
            for (int c = 0; c < 4; c++)
            {
                for (int b = 0; b < 4; b++)
                {
                    for (int a = 0; a < 4; a++, j++)
                    {
                        _weights[j] = wx[a] * wy[b] * wz[c];
                        _offsets[j] = (_x0 + a) + size.X * ((_y0 + b) + size.Y * (_z0 + c));
                    }
                }
            }
        }

        public bool Inside(int x, int y, int z, Size3 size) =>
            x + _x0 >= 0 && y + _y0 >= 0 && z + _z0 >= 0 && x + _x0 + 3 < size.X && y + _y0 + 3 < size.Y && z + _z0 + 3 < size.Z;

        public double Sample(double[] coefficients, int index)
        {
            double sum = 0;
            for (int j = 0; j < 64; j++)
            {
                sum += _weights[j] * coefficients[index + _offsets[j]];
            }

            return sum;
        }
    }

    private static double Energy(double[] samples, double centre, Complex[][] harmonics, Complex[] coefficients)
    {
        int nv = samples.Length;

        // Interpolating a flat neighbourhood gives the centre value up to rounding; a relative tolerance keeps such
        // samples on the "not below" side instead of letting rounding decide.
        double threshold = centre - 1e-12 * Math.Max(1, Math.Abs(centre));
        for (int m = 0; m < harmonics.Length; m++)
        {
            var sum = Complex.Zero;
            for (int v = 0; v < nv; v++)
            {
                if (samples[v] >= threshold)
                {
                    sum += harmonics[m][v];
                }
            }

            coefficients[m] = sum;
        }

        var squares = Complex.Zero;
        for (int v = 0; v < nv; v++)
        {
            var g = Complex.Zero;
            for (int m = 0; m < harmonics.Length; m++)
            {
                g += coefficients[m] * harmonics[m][v];
            }

            squares += g * g;
        }

        return Complex.Sqrt(squares).Real;
    }

    private static double ExcessKurtosis(double[] samples)
    {
        double mean = 0;
        foreach (var s in samples)
        {
            mean += s;
        }

        mean /= samples.Length;
        double m2 = 0, m4 = 0;
        foreach (var s in samples)
        {
            double d = (s - mean) * (s - mean);
            m2 += d;
            m4 += d * d;
        }

        m2 /= samples.Length;
        m4 /= samples.Length;
        return m2 <= 1e-24 * Math.Max(1, mean * mean) ? 0 : m4 / (m2 * m2) - 3;
    }

    /// <summary>scipy's <c>sph_harm(m, n, azimuth, polar)</c>: <c>√((2n+1)/4π · (n−m)!/(n+m)!) · P_n^m(cos polar) · e^{i m azimuth}</c>.</summary>
    private static Complex SphericalHarmonic(int m, int n, double azimuth, double polar)
    {
        int am = Math.Abs(m);
        double legendre = AssociatedLegendre(n, am, Math.Cos(polar));
        double norm = Math.Sqrt((2 * n + 1) / (4 * Math.PI) * Factorial(n - am) / Factorial(n + am));
        if (m < 0)
        {
            // Y_n^{−m} = (−1)^m conj(Y_n^m)
            return (am % 2 == 0 ? 1 : -1) * Complex.Conjugate(norm * legendre * Complex.FromPolarCoordinates(1, am * azimuth));
        }

        return norm * legendre * Complex.FromPolarCoordinates(1, m * azimuth);
    }

    /// <summary>P_n^m(x) with the Condon–Shortley phase, m ≥ 0.</summary>
    private static double AssociatedLegendre(int n, int m, double x)
    {
        double pmm = 1;
        double s = Math.Sqrt(Math.Max(0, 1 - x * x));
        double f = 1;
        for (int i = 1; i <= m; i++)
        {
            pmm *= -f * s;
            f += 2;
        }

        if (n == m)
        {
            return pmm;
        }

        double pmm1 = x * (2 * m + 1) * pmm;
        if (n == m + 1)
        {
            return pmm1;
        }

        double pnn = 0;
        for (int l = m + 2; l <= n; l++)
        {
            pnn = (x * (2 * l - 1) * pmm1 - (l + m - 1) * pmm) / (l - m);
            pmm = pmm1;
            pmm1 = pnn;
        }

        return pnn;
    }

    private static double Factorial(int n)
    {
        double f = 1;
        for (int i = 2; i <= n; i++)
        {
            f *= i;
        }

        return f;
    }

    /// <summary>Unit icosphere vertices: the icosahedron, each face split in four <paramref name="subdivisions"/> times.</summary>
    internal static List<Vec3> Icosphere(int subdivisions)
    {
        double t = (1 + Math.Sqrt(5)) / 2;
        var vertices = new List<Vec3>
        {
            new(-1, t, 0), new(1, t, 0), new(-1, -t, 0), new(1, -t, 0),
            new(0, -1, t), new(0, 1, t), new(0, -1, -t), new(0, 1, -t),
            new(t, 0, -1), new(t, 0, 1), new(-t, 0, -1), new(-t, 0, 1),
        };
        for (int i = 0; i < vertices.Count; i++)
        {
            vertices[i] = vertices[i].Normalised();
        }

        var faces = new List<(int, int, int)>
        {
            (0, 11, 5), (0, 5, 1), (0, 1, 7), (0, 7, 10), (0, 10, 11), (1, 5, 9), (5, 11, 4), (11, 10, 2), (10, 7, 6), (7, 1, 8),
            (3, 9, 4), (3, 4, 2), (3, 2, 6), (3, 6, 8), (3, 8, 9), (4, 9, 5), (2, 4, 11), (6, 2, 10), (8, 6, 7), (9, 8, 1),
        };
        for (int s = 0; s < subdivisions; s++)
        {
            var midpoints = new Dictionary<(int, int), int>();
            var next = new List<(int, int, int)>(faces.Count * 4);
            int Mid(int a, int b)
            {
                var key = a < b ? (a, b) : (b, a);
                if (!midpoints.TryGetValue(key, out int index))
                {
                    index = vertices.Count;
                    vertices.Add(((vertices[a] + vertices[b]) / 2).Normalised());
                    midpoints[key] = index;
                }

                return index;
            }

            foreach (var (a, b, c) in faces)
            {
                int ab = Mid(a, b), bc = Mid(b, c), ca = Mid(c, a);
                next.Add((a, ab, ca));
                next.Add((b, bc, ab));
                next.Add((c, ca, bc));
                next.Add((ab, bc, ca));
            }

            faces = next;
        }

        return vertices;
    }
}
