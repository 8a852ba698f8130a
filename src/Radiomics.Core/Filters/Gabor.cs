using Radiomics.Numerics;
using System.Globalization;
using System.Numerics;
using Radiomics.Imaging;

namespace Radiomics.Filters;

/// <summary>
/// Gabor filter (IBSI 2 Q88H), a 2D filter applied in image planes:
/// <c>g(x, y) = exp(−(x̃² + γ²ỹ²) / 2σ²) · exp(j·2π·x̃/λ)</c> with <c>x̃ = x cos θ + y sin θ</c>,
/// <c>ỹ = −x sin θ + y cos θ</c>, σ and λ in mm, not normalised, on a square kernel as wide as the image (as in
/// the IBSI 2 reference) unless the envelope has fallen below exp(−truncation²/2) well inside it. The response is the modulus of the complex response; several orientations θ and,
/// optionally, the three orthogonal planes are pooled. Convolution is done in the Fourier domain, slice by slice.
/// </summary>
public sealed record GaborSettings : FilterSettings
{
    /// <summary>Width σ of the Gaussian envelope in mm. Default 5 mm.</summary>
    public double Sigma { get; init; } = 5;

    /// <summary>Wavelength λ in mm. Default 2 mm.</summary>
    public double Lambda { get; init; } = 2;

    /// <summary>Spatial aspect ratio γ. Default 1.5.</summary>
    public double Gamma { get; init; } = 1.5;

    /// <summary>Orientation θ in degrees, from the first towards the second in-plane axis (x towards y in axial planes). Default 0.</summary>
    public double Theta { get; init; }

    /// <summary>
    /// Step Δθ in degrees: when set, the orientations θ, θ+Δθ, … up to a full turn are pooled (Δθ must divide 360).
    /// Null (default) filters at θ only.
    /// </summary>
    public double? ThetaStep { get; init; }

    /// <summary>
    /// Also filter in the coronal and sagittal planes and pool them with the axial plane (IBSI 2 "2D filter made
    /// 3D rotation invariant over orthogonal planes"). Default false: axial slices only.
    /// </summary>
    public bool OrthogonalPlanes { get; init; }

    /// <summary>
    /// Kernel truncation in units of the envelope's widest standard deviation, <c>σ·max(1, 1/γ)</c>; the kernel is
    /// never wider than the image. Default 4 (beyond it the envelope is below 3.4·10⁻⁴ of its peak).
    /// </summary>
    public double Truncation { get; init; } = 4;

    /// <summary>How the orientations and planes are pooled. Default <see cref="Filters.Pooling.Mean"/>.</summary>
    public Pooling Pooling { get; init; } = Pooling.Mean;

    /// <summary>Default <see cref="BoundaryCondition.Mirror"/>.</summary>
    public BoundaryCondition Boundary { get; init; } = BoundaryCondition.Mirror;

    public override string ImageTypeName() => string.Create(
        CultureInfo.InvariantCulture,
        $"gabor-sigma-{Sigma:G6}mm-lambda-{Lambda:G6}mm-gamma-{Gamma:G6}-theta-{(ThetaStep is { } step ? $"step-{step:G6}" : $"{Theta:G6}")}{(OrthogonalPlanes ? "-3planes" : "")}");

    public override void Validate()
    {
        FilterInput.RequirePositive(Sigma, nameof(Sigma));
        FilterInput.RequirePositive(Lambda, nameof(Lambda));
        FilterInput.RequirePositive(Gamma, nameof(Gamma));
        FilterInput.RequirePositive(Truncation, nameof(Truncation));
        if (!double.IsFinite(Theta))
        {
            throw new ArgumentOutOfRangeException(nameof(Theta), Theta, "θ must be a finite angle in degrees.");
        }

        if (ThetaStep is { } step)
        {
            double turns = 360 / step;
            if (!(step > 0) || Math.Abs(turns - Math.Round(turns)) > 1e-9)
            {
                throw new ArgumentOutOfRangeException(nameof(ThetaStep), step, "Δθ must be a positive number of degrees that divides 360.");
            }
        }

        FilterInput.RequireDefined(Pooling, nameof(Pooling));
        FilterInput.RequireDefined(Boundary, nameof(Boundary));
    }

    /// <summary>The orientations θ (degrees) that are pooled.</summary>
    public IReadOnlyList<double> Orientations() => ThetaStep is { } step
        ? Enumerable.Range(0, (int)Math.Round(360 / step)).Select(k => Theta + k * step).ToArray()
        : [Theta];

    private protected override double[] Filter(double[] voxels, ImageGeometry geometry)
    {
        (int U, int V, int Stack)[] planes = OrthogonalPlanes ? [(0, 1, 2), (0, 2, 1), (1, 2, 0)] : [(0, 1, 2)];
        var pool = new Pool(Pooling);
        foreach (var plane in planes)
        {
            pool.Add(FilterPlane(voxels, geometry, plane));
        }

        return pool.Result();
    }

    /// <summary>
    /// The pooled modulus of the responses to every orientation in every slice of one plane orientation. Each
    /// slice is padded and transformed once; every orientation then costs one product and one inverse transform.
    /// </summary>
    private double[] FilterPlane(double[] voxels, ImageGeometry geometry, (int U, int V, int Stack) plane)
    {
        var size = geometry.Size;
        int nu = size[plane.U], nv = size[plane.V];
        double extent = Truncation * Sigma * Math.Max(1, 1 / Gamma);
        int ru = Math.Min(Math.Max(nu, nv) / 2, (int)Math.Ceiling(extent / geometry.Spacing[plane.U]));
        int rv = Math.Min(Math.Max(nu, nv) / 2, (int)Math.Ceiling(extent / geometry.Spacing[plane.V]));
        int mu = Fft.PowerOfTwoAtLeast(nu + 2 * ru), mv = Fft.PowerOfTwoAtLeast(nv + 2 * rv);
        var thetas = Orientations();
        var spectra = thetas.Select(t => KernelSpectrum(mu, mv, ru, rv, geometry.Spacing[plane.U], geometry.Spacing[plane.V], t)).ToArray();
        var result = new double[voxels.Length];
        int[] strides = [1, size.X, size.X * size.Y];
        int su = strides[plane.U], sv = strides[plane.V], ss = strides[plane.Stack];
        var grid = new Size3(mu, mv, 1);
        ParallelRows.For(0, size[plane.Stack], Parallelism.AllCores, () => (new Complex[mu * mv], new Complex[mu * mv]), (s, buffers) =>
        {
            var (image, product) = buffers;
            for (int tv = 0; tv < mv; tv++)
            {
                int v = BoundaryConditions.Map(tv - rv, nv, Boundary);
                for (int tu = 0; tu < mu; tu++)
                {
                    int u = BoundaryConditions.Map(tu - ru, nu, Boundary);
                    image[tu + mu * tv] = u < 0 || v < 0 ? Complex.Zero : voxels[u * su + v * sv + s * ss];
                }
            }

            Fft.Transform(image, grid, inverse: false, alongZ: false, parallel: false);
            for (int t = 0; t < spectra.Length; t++)
            {
                var spectrum = spectra[t];
                for (int i = 0; i < product.Length; i++)
                {
                    product[i] = image[i] * spectrum[i];
                }

                Fft.Transform(product, grid, inverse: true, alongZ: false, parallel: false);
                for (int v = 0; v < nv; v++)
                {
                    for (int u = 0; u < nu; u++)
                    {
                        double m = product[u + ru + mu * (v + rv)].Magnitude;
                        ref double r = ref result[u * su + v * sv + s * ss];
                        r = t == 0 ? m : Pooling switch
                        {
                            Pooling.Max => Math.Max(r, m),
                            Pooling.Min => Math.Min(r, m),
                            _ => r + m,
                        };
                    }
                }
            }

        });
        if (Pooling == Pooling.Mean && thetas.Count > 1)
        {
            System.Numerics.Tensors.TensorPrimitives.Multiply(result, 1.0 / thetas.Count, result);
        }

        return result;
    }

    /// <summary>DFT of the kernel sampled at offsets within ±<paramref name="ru"/>, ±<paramref name="rv"/> voxels, centred at index 0.</summary>
    private Complex[] KernelSpectrum(int mu, int mv, int ru, int rv, double spacingU, double spacingV, double thetaDegrees)
    {
        double theta = thetaDegrees * Math.PI / 180, cos = Math.Cos(theta), sin = Math.Sin(theta);
        var kernel = new Complex[mu * mv];
        for (int dv = -rv; dv <= rv; dv++)
        {
            double y = dv * spacingV;
            for (int du = -ru; du <= ru; du++)
            {
                double x = du * spacingU;
                double xr = x * cos + y * sin, yr = -x * sin + y * cos;
                double envelope = Math.Exp(-(xr * xr + Gamma * Gamma * yr * yr) / (2 * Sigma * Sigma));
                double phase = 2 * Math.PI * xr / Lambda;
                kernel[((du % mu) + mu) % mu + mu * (((dv % mv) + mv) % mv)] = Complex.FromPolarCoordinates(envelope, phase);
            }
        }

        Fft.Transform(kernel, new Size3(mu, mv, 1), inverse: false, alongZ: false);
        return kernel;
    }
}
