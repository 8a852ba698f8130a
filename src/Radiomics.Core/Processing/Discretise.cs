using Radiomics.Features;
using Radiomics.Imaging;

namespace Radiomics.Processing;

/// <summary>Intensity discretisation (IBSI 1, "Intensity discretisation", 4R0B): grey levels 1..N_g.</summary>
public static class Discretise
{
    /// <summary>The most grey levels discretisation may produce; texture matrices grow with N_g².</summary>
    public const int MaximumGreyLevels = 65536;

    /// <summary>
    /// Grey levels of the voxels in <paramref name="mask"/> (0 elsewhere) and N_g. Fixed bin number (K15C):
    /// <c>⌊N_g (X − X_min)/(X_max − X_min)⌋ + 1</c>, N_g at X_max, over the masked intensities. Fixed bin size (Q3RU):
    /// <c>⌊(X − X_min)/w_b⌋ + 1</c> with X_min the settings' lower bound, else <paramref name="rangeMinimum"/> (the
    /// re-segmentation range's lower bound), else the ROI minimum; N_g is the highest level in the ROI (MIRP's
    /// choice; levels below 1 become 1). None: intensities must already be whole numbers ≥ 1.
    /// </summary>
    public static int[] Levels(ReadOnlySpan<double> intensities, ReadOnlySpan<bool> mask, DiscretisationSettings settings, double? rangeMinimum, out int greyLevelCount)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (intensities.Length != mask.Length)
        {
            throw new ArgumentException($"{intensities.Length} intensities but {mask.Length} mask values.", nameof(mask));
        }

        settings.Validate();
        var (min, max, count) = MinMax(intensities, mask);
        var levels = new int[intensities.Length];
        if (count == 0)
        {
            greyLevelCount = 1;
            return levels;
        }

        switch (settings.Method)
        {
            case DiscretisationMethod.FixedBinNumber:
            {
                int n = settings.BinNumber;
                double range = max - min;
                for (int i = 0; i < levels.Length; i++)
                {
                    if (mask[i])
                    {
                        double x = intensities[i];
                        levels[i] = x >= max ? n : Math.Clamp((int)Math.Floor(n * (x - min) / range) + 1, 1, n);
                    }
                }

                greyLevelCount = n;
                return levels;
            }

            case DiscretisationMethod.FixedBinSize:
            {
                double lower = settings.LowerBound ?? rangeMinimum ?? min;
                double w = settings.BinWidth;
                int top = 1;
                for (int i = 0; i < levels.Length; i++)
                {
                    if (mask[i])
                    {
                        double l = Math.Floor((intensities[i] - lower) / w) + 1;
                        if (l > MaximumGreyLevels)
                        {
                            throw new InvalidInputException(
                                $"Intensity {intensities[i]} falls in bin {l:G6} of width {w} above the lower bound {lower}; more than {MaximumGreyLevels} grey levels. Choose a larger bin width.");
                        }

                        int level = Math.Max(1, (int)l);
                        levels[i] = level;
                        top = Math.Max(top, level);
                    }
                }

                greyLevelCount = top;
                return levels;
            }

            default:
            {
                int top = 1;
                for (int i = 0; i < levels.Length; i++)
                {
                    if (mask[i])
                    {
                        double x = intensities[i];
                        if (x < 1 || x != Math.Floor(x) || x > MaximumGreyLevels)
                        {
                            throw new InvalidInputException(
                                $"Without discretisation, ROI intensities must be whole numbers from 1 to {MaximumGreyLevels} to serve as grey levels; found {x}. Use fixed bin number or fixed bin size.");
                        }

                        levels[i] = (int)x;
                        top = Math.Max(top, (int)x);
                    }
                }

                greyLevelCount = top;
                return levels;
            }
        }
    }

    /// <summary>
    /// The discretised ROI for texture and intensity-histogram features, on the bounding box of the morphological mask:
    /// grey levels for the intensity mask, 0 elsewhere.
    /// </summary>
    public static DiscretisedVolume Volume(RoiVolume roi, DiscretisationSettings settings, double? rangeMinimum)
    {
        ArgumentNullException.ThrowIfNull(roi);
        var box = MaskBox(roi.MorphologicalMask, roi.Geometry.Size)
            ?? throw new EmptyRoiException("The morphological mask is empty.");
        var size = box.Size;
        var full = roi.Geometry.Size;
        var intensities = new double[size.Count];
        var intensityMask = new bool[size.Count];
        var morphological = new bool[size.Count];
        int o = 0;
        for (int z = box.Min.Z; z <= box.Max.Z; z++)
        {
            for (int y = box.Min.Y; y <= box.Max.Y; y++)
            {
                int s = box.Min.X + full.X * (y + full.Y * z);
                roi.Intensities.Slice(s, size.X).CopyTo(intensities.AsSpan(o, size.X));
                roi.IntensityMask.Slice(s, size.X).CopyTo(intensityMask.AsSpan(o, size.X));
                roi.MorphologicalMask.Slice(s, size.X).CopyTo(morphological.AsSpan(o, size.X));
                o += size.X;
            }
        }

        var levels = Levels(intensities, intensityMask, settings, rangeMinimum, out int ng);
        return new DiscretisedVolume(size, roi.Geometry.Spacing, levels, ng, morphological);
    }

    /// <summary>
    /// X_d,gl, w_d and the total range G of the intensity-volume histogram for the ROI intensities, as the manual's
    /// three cases define them. None (discrete calibrated, e.g. CT): intensities as they are, w_d = 1, G = the
    /// re-segmentation range (upper end max(X) when half-open) or [min, max]. Fixed bin size (continuous calibrated):
    /// bin centres X_min + (X_d − ½)w_b with X_min/X_max from the settings' lower bound or the range, else the ROI;
    /// G = [X_min + ½w_b, X_max − ½w_b]. Fixed bin number (arbitrary units): X_d itself, w_d = 1, G = [1, N_g].
    /// </summary>
    public static IntensityVolumeHistogramData ForIntensityVolumeHistogram(
        ReadOnlySpan<double> roiIntensities, DiscretisationSettings settings, double? rangeMinimum, double? rangeMaximum)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate("intensity-volume histogram discretisation");
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var x in roiIntensities)
        {
            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }

        if (roiIntensities.IsEmpty)
        {
            throw new EmptyRoiException("The intensity mask is empty.");
        }

        var values = roiIntensities.ToArray();
        switch (settings.Method)
        {
            case DiscretisationMethod.FixedBinSize:
            {
                double lower = settings.LowerBound ?? rangeMinimum ?? min;
                double upper = rangeMaximum ?? max;
                double w = settings.BinWidth;
                for (int i = 0; i < values.Length; i++)
                {
                    double bin = Math.Max(1, Math.Floor((values[i] - lower) / w) + 1);
                    values[i] = lower + (bin - 0.5) * w;
                }

                return new IntensityVolumeHistogramData(values, w, lower + 0.5 * w, upper - 0.5 * w);
            }

            case DiscretisationMethod.FixedBinNumber:
            {
                int n = settings.BinNumber;
                for (int i = 0; i < values.Length; i++)
                {
                    double x = values[i];
                    values[i] = x >= max ? n : Math.Clamp(Math.Floor(n * (x - min) / (max - min)) + 1, 1, n);
                }

                return new IntensityVolumeHistogramData(values, 1, 1, n);
            }

            default:
                return new IntensityVolumeHistogramData(values, 1, rangeMinimum ?? min, rangeMaximum ?? max);
        }
    }

    internal static BoundingBox? MaskBox(ReadOnlySpan<bool> mask, Size3 size)
    {
        int minX = int.MaxValue, minY = int.MaxValue, minZ = int.MaxValue, maxX = -1, maxY = -1, maxZ = -1;
        int i = 0;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++, i++)
                {
                    if (mask[i])
                    {
                        minX = Math.Min(minX, x); maxX = Math.Max(maxX, x);
                        minY = Math.Min(minY, y); maxY = Math.Max(maxY, y);
                        minZ = Math.Min(minZ, z); maxZ = Math.Max(maxZ, z);
                    }
                }
            }
        }

        return maxX < 0 ? null : new BoundingBox(new Index3(minX, minY, minZ), new Index3(maxX, maxY, maxZ));
    }

    private static (double Min, double Max, int Count) MinMax(ReadOnlySpan<double> intensities, ReadOnlySpan<bool> mask)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        int count = 0;
        for (int i = 0; i < intensities.Length; i++)
        {
            if (mask[i])
            {
                min = Math.Min(min, intensities[i]);
                max = Math.Max(max, intensities[i]);
                count++;
            }
        }

        return (min, max, count);
    }
}
