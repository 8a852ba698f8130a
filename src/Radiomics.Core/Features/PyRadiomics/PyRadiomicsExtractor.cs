using System.Globalization;
using Radiomics.Imaging;

namespace Radiomics.Features.PyRadiomics;

/// <summary>
/// The <c>pyradiomics</c> feature flavour: PyRadiomics' <c>featureextractor.execute</c> on one image and mask —
/// normalisation, resampling on PyRadiomics' grid, mask checks, re-segmentation, shape, then for every image type the
/// crop to the ROI's bounding box and the enabled feature classes — with PyRadiomics' definitions throughout.
/// </summary>
public static class PyRadiomicsExtractor
{
    /// <summary>Extracts the features of the ROI with label <see cref="PyRadiomicsSettings.Label"/>.</summary>
    /// <exception cref="InvalidInputException">The label is absent, the ROI too small or flat for the checks, or an option cannot apply.</exception>
    /// <exception cref="GeometryMismatchException">The mask is not on the image's grid and <c>correctMask</c> is off.</exception>
    public static PyRadiomicsResult Extract(Image image, LabelMap mask, PyRadiomicsSettings settings) => Extract(image, mask, settings, null);

    /// <summary>
    /// As <see cref="Extract(Image, LabelMap, PyRadiomicsSettings)"/> with the mask as stored in its file (any integer
    /// pixel type), so that <c>diagnostics_Mask-original_Hash</c> is PyRadiomics' SHA-1 of the stored buffer.
    /// </summary>
    public static PyRadiomicsResult Extract(Image image, Image storedMask, PyRadiomicsSettings settings)
    {
        ArgumentNullException.ThrowIfNull(storedMask);
        return Extract(image, LabelMap.FromImage(storedMask, "the mask"), settings, storedMask);
    }

    private static PyRadiomicsResult Extract(Image image, LabelMap mask, PyRadiomicsSettings settings, Image? storedMask)
    {
        var (working, roi, resegmented, boundingBox, diagnostics) = Prepare(image, mask, settings, storedMask);
        var s = settings;

        var features = new List<PyRadiomicsFeature>();
        var shapeMask = s.ResegmentShape && resegmented is not null ? resegmented : roi;
        foreach (var cls in s.FeatureClasses.Where(c => c.Name is "shape" or "shape2D"))
        {
            var volume = Volume(working, shapeMask, boundingBox);
            if (cls.Name == "shape2D" && s.Force2D && volume.Size[s.Force2DDimension] > 1)
            {
                // As PyRadiomics: shape2D is skipped (with a warning) when the ROI spans several slices.
                diagnostics.Add(new("diagnostics_Configuration_Shape2DSkipped", $"the ROI spans {volume.Size[s.Force2DDimension]} slices in dimension {s.Force2DDimension}"));
                continue;
            }

            var values = cls.Name == "shape" ? PyRadiomicsShape.Compute(volume) : PyRadiomicsShape2D.Compute(volume, s);
            features.AddRange(Select(values, cls).Select(v => new PyRadiomicsFeature("original", cls.Name, v.Name, v.Value)));
        }

        var textureMask = resegmented ?? roi;
        foreach (var type in s.ImageTypes)
        {
            foreach (var (name, filtered, typeSettings) in PyRadiomicsImageTypes.Generate(working, textureMask, type, s))
            {
                var volume = Volume(filtered, textureMask, boundingBox);
                var input = new PyRadiomicsTextureInput(volume, typeSettings);
                foreach (var cls in s.FeatureClasses.Where(c => c.Name is not "shape" and not "shape2D"))
                {
                    var values = Compute(cls.Name, input);
                    features.AddRange(Select(values, cls).Select(v => new PyRadiomicsFeature(name, cls.Name, v.Name, v.Value)));
                }
            }
        }

        return new PyRadiomicsResult(s.AdditionalInfo ? diagnostics : [], features);
    }

    /// <summary>
    /// The steps before the features: the mask onto the image's grid, diagnostics of the original, normalisation,
    /// resampling or pre-crop, the mask checks and re-segmentation.
    /// </summary>
    internal static (Image<double> Working, LabelMap Roi, LabelMap? Resegmented, BoundingBox Box, List<KeyValuePair<string, string>> Diagnostics) Prepare(
        Image image, LabelMap mask, PyRadiomicsSettings settings, Image? storedMask = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(settings);
        var s = settings;
        var tolerance = s.GeometryTolerance ?? ImageGeometry.DefaultTolerance;
        var loaded = mask;
        bool corrected = false;
        if (!image.Geometry.Matches(mask.Geometry, tolerance))
        {
            if (!s.CorrectMask)
            {
                throw new GeometryMismatchException("The mask is not on the image's grid (PyRadiomics: enable correctMask to resample it)", image.Geometry, mask.Geometry);
            }

            mask = PyRadiomicsResampling.MaskOnto(mask, image.Geometry);
            corrected = true;
        }

        if (s.Label is < 1 or > 255 || !mask.Labels().Contains((byte)s.Label))
        {
            throw new InvalidInputException($"Label ({s.Label}) not present in mask; it holds {string.Join(", ", mask.Labels())}.");
        }

        var diagnostics = new List<KeyValuePair<string, string>>();
        var original = image.ConvertTo<double>();
        var roi = mask.Select((byte)s.Label);
        bool info = s.AdditionalInfo;
        if (info)
        {
            PyRadiomicsDiagnostics.Versions(diagnostics);
            PyRadiomicsDiagnostics.Configuration(diagnostics, s);
            PyRadiomicsDiagnostics.Image(diagnostics, "original", image, original);
            PyRadiomicsDiagnostics.Mask(diagnostics, "original", corrected ? loaded.Select((byte)s.Label) : roi, storedMask ?? loaded.Image, null);
            if (corrected)
            {
                PyRadiomicsDiagnostics.Mask(diagnostics, "corrected", roi, null, original);
            }
        }

        var working = s.Normalize ? Normalise(original, s) : original;
        if (s.Interpolator is { } interpolator && s.ResampledPixelSpacing is { } spacing)
        {
            (working, roi) = PyRadiomicsResampling.Resample(working, roi, spacing, interpolator, s.PadDistance, image.PixelType);
            if (info)
            {
                PyRadiomicsDiagnostics.Image(diagnostics, "interpolated", working, working);
                PyRadiomicsDiagnostics.Mask(diagnostics, "interpolated", roi, null, working);
            }
        }
        else if (s.PreCrop)
        {
            var box = Check(roi, s);
            var padded = Pad(box, s.PadDistance, working.Geometry.Size);
            (working, roi) = (working.Crop(padded), roi.Crop(padded));
        }

        var boundingBox = Check(roi, s);
        var resegmented = s.ResegmentRange is { } range ? Resegment(working, roi, range, s.ResegmentMode) : null;
        if (resegmented is not null)
        {
            boundingBox = Check(resegmented, s);
            if (info)
            {
                PyRadiomicsDiagnostics.Mask(diagnostics, "resegmented", resegmented, null, working);
            }
        }

        return (working, roi, resegmented, boundingBox, diagnostics);
    }

    /// <summary>The values of one texture or first-order class.</summary>
    internal static IEnumerable<(string Name, double Value)> Compute(string featureClass, PyRadiomicsTextureInput input) => featureClass switch
    {
        "firstorder" => PyRadiomicsFirstOrder.Compute(input),
        "glcm" => PyRadiomicsGlcm.Compute(input),
        "glrlm" => PyRadiomicsGlrlm.Compute(input),
        "glszm" => PyRadiomicsGlszm.Compute(input),
        "gldm" => PyRadiomicsGldm.Compute(input),
        "ngtdm" => PyRadiomicsNgtdm.Compute(input),
        _ => throw new InvalidInputException($"Unknown feature class '{featureClass}'."),
    };

    /// <summary>The enabled features of a class: those named, else all but the deprecated ones, in PyRadiomics' (alphabetical) order.</summary>
    internal static IEnumerable<(string Name, double Value)> Select(IEnumerable<(string Name, double Value)> values, PyRadiomicsFeatureClass cls)
    {
        var list = values.ToList();
        if (cls.Features.Count > 0)
        {
            foreach (var f in cls.Features)
            {
                if (!list.Any(v => v.Name == f))
                {
                    throw new InvalidInputException($"Feature class '{cls.Name}' has no feature '{f}'; it has {string.Join(", ", list.Select(v => v.Name).Concat(PyRadiomicsNames.Deprecated(cls.Name)).Order(StringComparer.Ordinal))}.");
                }
            }

            return list.Where(v => cls.Features.Contains(v.Name));
        }

        return list.Where(v => !PyRadiomicsNames.Deprecated(cls.Name).Contains(v.Name)).OrderBy(v => v.Name, StringComparer.Ordinal);
    }

    /// <summary>SimpleITK's Normalize (mean 0, unbiased SD 1 over the whole image), outliers clipped, then scaled.</summary>
    private static Image<double> Normalise(Image<double> image, PyRadiomicsSettings s)
    {
        var v = image.Voxels;
        double sum = 0, sumSq = 0;
        foreach (var x in v)
        {
            sum += x;
            sumSq += x * x;
        }

        double n = v.Length, mean = sum / n, sd = Math.Sqrt((sumSq - (sum * sum / n)) / (n - 1));
        var r = new double[image.Geometry.VoxelCount];
        for (int i = 0; i < v.Length; i++)
        {
            double z = (v[i] - mean) / sd;
            if (s.RemoveOutliers is { } o)
            {
                z = Math.Clamp(z, -o, o);
            }

            r[i] = z * s.NormalizeScale;
        }

        return new Image<double>(image.Geometry, r);
    }

    /// <summary>PyRadiomics' checkMask: the bounding box, at least 2 voxels, the minimum dimensions and size.</summary>
    private static BoundingBox Check(LabelMap roi, PyRadiomicsSettings s)
    {
        var box = roi.BoundingBox() ?? throw new EmptyRoiException("The ROI is empty.");
        var size = box.Size;
        int dims = (size.X > 1 ? 1 : 0) + (size.Y > 1 ? 1 : 0) + (size.Z > 1 ? 1 : 0);
        if (dims == 0)
        {
            throw new InvalidInputException("The mask only contains 1 segmented voxel; features cannot be extracted for a single voxel.");
        }

        if (dims < s.MinimumRoiDimensions)
        {
            throw new InvalidInputException($"The mask has too few dimensions ({dims}; minimumROIDimensions is {s.MinimumRoiDimensions}).");
        }

        if (s.MinimumRoiSize is { } min && roi.Count(1) <= min)
        {
            throw new InvalidInputException($"The ROI holds {roi.Count(1)} voxels; minimumROISize asks for more than {min}.");
        }

        return box;
    }

    private static LabelMap Resegment(Image<double> image, LabelMap roi, IReadOnlyList<double> range, PyRadiomicsResegmentMode mode)
    {
        var v = image.Voxels;
        var m = roi.Voxels;
        var inside = new List<double>();
        for (int i = 0; i < v.Length; i++)
        {
            if (m[i] != 0)
            {
                inside.Add(v[i]);
            }
        }

        var sorted = range.Order().ToArray();
        double mean = inside.Average(), sd = Math.Sqrt(inside.Sum(x => (x - mean) * (x - mean)) / inside.Count), max = inside.Max();
        var thresholds = mode switch
        {
            PyRadiomicsResegmentMode.Relative => sorted.Select(t => max * t).ToArray(),
            PyRadiomicsResegmentMode.Sigma => sorted.Select(t => mean + (sd * t)).ToArray(),
            _ => sorted,
        };
        var l = new byte[roi.Geometry.VoxelCount];
        int kept = 0;
        for (int i = 0; i < v.Length; i++)
        {
            if (m[i] != 0 && v[i] >= thresholds[0] && (thresholds.Length < 2 || v[i] <= thresholds[1]))
            {
                l[i] = 1;
                kept++;
            }
        }

        if (kept <= 1)
        {
            throw new EmptyRoiException($"Re-segmentation to [{string.Join(", ", thresholds.Select(t => t.ToString("G6", CultureInfo.InvariantCulture)))}] keeps {kept} voxel(s); features cannot be extracted.");
        }

        return new LabelMap(new Image<byte>(roi.Geometry, l));
    }

    internal static BoundingBox Pad(BoundingBox box, int pad, Size3 size) => new(
        new Index3(Math.Max(0, box.Min.X - pad), Math.Max(0, box.Min.Y - pad), Math.Max(0, box.Min.Z - pad)),
        new Index3(Math.Min(size.X - 1, box.Max.X + pad), Math.Min(size.Y - 1, box.Max.Y + pad), Math.Min(size.Z - 1, box.Max.Z + pad)));

    internal static PyRadiomicsVolume Volume(Image<double> image, LabelMap roi, BoundingBox box)
    {
        var size = box.Size;
        var intensities = new double[size.Count];
        var inside = new bool[size.Count];
        var v = image.Voxels;
        var m = roi.Voxels;
        var full = image.Geometry.Size;
        int k = 0;
        for (int z = box.Min.Z; z <= box.Max.Z; z++)
        {
            for (int y = box.Min.Y; y <= box.Max.Y; y++)
            {
                for (int x = box.Min.X; x <= box.Max.X; x++)
                {
                    int i = x + (full.X * (y + (full.Y * z)));
                    intensities[k] = v[i];
                    inside[k] = m[i] != 0;
                    k++;
                }
            }
        }

        var sp = image.Geometry.Spacing;
        return new PyRadiomicsVolume(size.Z, size.Y, size.X, intensities, inside, (sp.Z, sp.Y, sp.X));
    }

}
