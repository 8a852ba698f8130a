using Radiomics.Filters;
using Radiomics.Imaging;

namespace Radiomics.Features.PyRadiomics;

/// <summary>
/// PyRadiomics' image types (its <c>imageoperations.get&lt;Type&gt;Image</c>) applied to the whole (pre-cropped) image,
/// each yielding named images (<c>original</c>, <c>square</c>, <c>wavelet-LLH</c>, <c>log-sigma-1-0-mm-3D</c>, …).
/// </summary>
/// <remarks>
/// Square, SquareRoot, Logarithm and Exponential follow PyRadiomics' formulas exactly. LoG, Wavelet and Gradient use the
/// toolkit's IBSI 2 filters (LoG: Gaussian truncated at 4σ, PyRadiomics: SimpleITK's recursive Gaussian; Wavelet: the
/// undecimated separable transform with the same sub-band names and levels, PyRadiomics: PyWavelets' swtn with wrap
/// padding to even sizes; Gradient: the toolkit's central differences), so their values are close to but not identical
/// with PyRadiomics'. LBP2D is scikit-image's <c>local_binary_pattern</c> per slice across <c>force2Ddimension</c>
/// (<see cref="LocalBinaryPattern2DSettings"/>); LBP3D is PyRadiomics' spherical-harmonics LBP at the ROI's voxels
/// (<see cref="LocalBinaryPattern3DSettings"/>: <c>lbp-3D-m1</c> … <c>lbp-3D-m&lt;lbp3DLevels&gt;</c>, then
/// <c>lbp-3D-k</c>), 0 elsewhere (PyRadiomics leaves those voxels unset; no feature reads them). Its samples beyond the
/// image edge mirror back inside where scipy's <c>map_coordinates</c> reads 0, which only matters for an ROI touching
/// the edge; a sample set with no spread has kurtosis 0 (scipy before 1.9 gives −3, later versions NaN).
/// </remarks>
public static class PyRadiomicsImageTypes
{
    internal static IEnumerable<(string Name, Image<double> Image, PyRadiomicsSettings Settings)> Generate(
        Image<double> image, LabelMap roi, PyRadiomicsImageType type, PyRadiomicsSettings global)
    {
        var s = type.Settings ?? global;
        switch (type.Kind)
        {
            case PyRadiomicsImageKind.Original:
                yield return ("original", image, s);
                break;
            case PyRadiomicsImageKind.Square:
                {
                    double max = MaxAbs(image), coeff = 1 / Math.Sqrt(max);
                    yield return ("square", Map(image, x => (coeff * x) * (coeff * x)), s);
                    break;
                }

            case PyRadiomicsImageKind.SquareRoot:
                {
                    double coeff = MaxAbs(image);
                    yield return ("squareroot", Map(image, x => x > 0 ? Math.Sqrt(x * coeff) : x < 0 ? -Math.Sqrt(-x * coeff) : x), s);
                    break;
                }

            case PyRadiomicsImageKind.Logarithm:
                {
                    double max = MaxAbs(image);
                    var log = Map(image, x => x > 0 ? Math.Log(x + 1) : x < 0 ? -Math.Log(-(x - 1)) : x);
                    double logMax = MaxAbs(log);
                    yield return ("logarithm", Map(log, x => x * (max / logMax)), s);
                    break;
                }

            case PyRadiomicsImageKind.Exponential:
                {
                    double max = MaxAbs(image), coeff = Math.Log(max) / max;
                    yield return ("exponential", Map(image, x => Math.Exp(coeff * x)), s);
                    break;
                }

            case PyRadiomicsImageKind.Gradient:
                yield return ("gradient", new GradientMagnitudeSettings { UseSpacing = s.GradientUseSpacing }.Apply(image), s);
                break;
            case PyRadiomicsImageKind.LoG:
                foreach (var sigma in s.Sigma)
                {
                    yield return (LogName(sigma), new LaplacianOfGaussianSettings { Sigma = sigma }.Apply(image), s);
                }

                break;
            case PyRadiomicsImageKind.Wavelet:
                {
                    int dims = s.Force2D ? 2 : 3;
                    for (int level = s.StartLevel + 1; level <= s.StartLevel + s.Level; level++)
                    {
                        string prefix = level == s.StartLevel + 1 ? "wavelet-" : $"wavelet{level - s.StartLevel}-";
                        foreach (var band in SubBands(dims))
                        {
                            if (band.All(c => c == 'L'))
                            {
                                continue;
                            }

                            yield return (prefix + band, new SeparableWaveletSettings { Family = s.Wavelet, Subband = Pad(band), Level = level }.Apply(image), s);
                        }
                    }

                    string approx = (s.Level == 1 ? "wavelet-" : $"wavelet{s.Level}-") + new string('L', dims);
                    yield return (approx, new SeparableWaveletSettings { Family = s.Wavelet, Subband = Pad(new string('L', dims)), Level = s.StartLevel + s.Level }.Apply(image), s);
                    break;
                }

            case PyRadiomicsImageKind.LBP2D:
                {
                    var lbp = new LocalBinaryPattern2DSettings
                    {
                        Radius = s.Lbp2DRadius,
                        Samples = s.Lbp2DSamples,
                        Method = LbpMethod(s.Lbp2DMethod),
                        SliceDimension = s.Force2DDimension,
                    };
                    yield return ("lbp-2D", lbp.Apply(image), s);
                    break;
                }

            case PyRadiomicsImageKind.LBP3D:
                {
                    var inside = new bool[image.VoxelCount];
                    var labels = roi.Voxels;
                    for (int i = 0; i < inside.Length; i++)
                    {
                        inside[i] = labels[i] != 0;
                    }

                    var maps = LocalBinaryPattern3DSettings.RoiMaps(image.Voxels.ToArray(), image.Geometry.Size, inside, s.Lbp3DLevels, s.Lbp3DIcosphereRadius, s.Lbp3DIcosphereSubdivision);
                    for (int level = 1; level <= s.Lbp3DLevels; level++)
                    {
                        yield return ($"lbp-3D-m{level}", new Image<double>(image.Geometry, maps[level - 1]), s);
                    }

                    yield return ("lbp-3D-k", new Image<double>(image.Geometry, maps[s.Lbp3DLevels]), s);
                    break;
                }

            default:
                throw new InvalidInputException($"The image type {type.Kind} is not available in the toolkit's PyRadiomics flavour; remove it from imageType.");
        }
    }

    /// <summary>The names of the images <see cref="Generate"/> yields for an image type, in the same order, without computing them.</summary>
    public static IReadOnlyList<string> Names(PyRadiomicsImageType type, PyRadiomicsSettings global)
    {
        var s = type.Settings ?? global;
        switch (type.Kind)
        {
            case PyRadiomicsImageKind.LoG:
                return [.. s.Sigma.Select(LogName)];
            case PyRadiomicsImageKind.Wavelet:
                {
                    int dims = s.Force2D ? 2 : 3;
                    var names = new List<string>();
                    for (int level = s.StartLevel + 1; level <= s.StartLevel + s.Level; level++)
                    {
                        string prefix = level == s.StartLevel + 1 ? "wavelet-" : $"wavelet{level - s.StartLevel}-";
                        names.AddRange(SubBands(dims).Where(b => !b.All(c => c == 'L')).Select(b => prefix + b));
                    }

                    names.Add((s.Level == 1 ? "wavelet-" : $"wavelet{s.Level}-") + new string('L', dims));
                    return names;
                }

            case PyRadiomicsImageKind.LBP3D:
                return [.. Enumerable.Range(1, s.Lbp3DLevels).Select(l => $"lbp-3D-m{l}"), "lbp-3D-k"];
            default:
                return [type.Kind switch
                {
                    PyRadiomicsImageKind.Original => "original",
                    PyRadiomicsImageKind.Square => "square",
                    PyRadiomicsImageKind.SquareRoot => "squareroot",
                    PyRadiomicsImageKind.Logarithm => "logarithm",
                    PyRadiomicsImageKind.Exponential => "exponential",
                    PyRadiomicsImageKind.Gradient => "gradient",
                    PyRadiomicsImageKind.LBP2D => "lbp-2D",
                    _ => throw new InvalidInputException($"The image type {type.Kind} is not available in the toolkit's PyRadiomics flavour; remove it from imageType."),
                }];
        }
    }

    private static string LogName(double sigma) =>
        "log-sigma-" + sigma.ToString("0.0###", System.Globalization.CultureInfo.InvariantCulture).Replace('.', '-') + "-mm-3D";

    private static LocalBinaryPatternMethod LbpMethod(string name) => name switch
    {
        "default" => LocalBinaryPatternMethod.Default,
        "ror" => LocalBinaryPatternMethod.RotationInvariant,
        "var" => LocalBinaryPatternMethod.Variance,
        _ => LocalBinaryPatternMethod.Uniform,
    };

    /// <summary>Sub-band names in PyRadiomics' order (x, y, z letters; H for high-pass).</summary>
    private static IEnumerable<string> SubBands(int dims)
    {
        for (int code = 0; code < 1 << dims; code++)
        {
            var chars = new char[dims];
            for (int d = 0; d < dims; d++)
            {
                chars[d] = ((code >> (dims - 1 - d)) & 1) == 1 ? 'H' : 'L';
            }

            yield return new string(chars);
        }
    }

    private static string Pad(string band) => band.Length == 3 ? band : band + "L";

    private static double MaxAbs(Image<double> image)
    {
        double max = 0;
        foreach (var x in image.Voxels)
        {
            max = Math.Max(max, Math.Abs(x));
        }

        return max;
    }

    private static Image<double> Map(Image<double> image, Func<double, double> f)
    {
        var source = image.Voxels;
        var target = new double[image.Geometry.VoxelCount];
        for (int i = 0; i < source.Length; i++)
        {
            target[i] = f(source[i]);
        }

        return new Image<double>(image.Geometry, target);
    }
}
