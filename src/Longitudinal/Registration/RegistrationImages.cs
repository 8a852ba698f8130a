using System.Numerics;
using Radiomics.Numerics;
using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// The validated inputs of a registration as float images on a common intensity scale, with their pyramid levels
/// built on demand and shared between stages. Inputs are copied, never modified.
/// </summary>
internal sealed class RegistrationImages
{
    private readonly Dictionary<(Index3 Shrink, double Sigma), LevelImages> _levels = [];
    private readonly Image<float> _fixed;
    private readonly Image<float> _moving;
    private readonly byte[]? _mask;

    private RegistrationImages(Image<float> fixedImage, Image<float> movingImage, byte[]? mask, Parallelism parallelism)
    {
        _fixed = fixedImage;
        _moving = movingImage;
        _mask = mask;
        Parallelism = parallelism;
    }

    public ImageGeometry FixedGeometry => _fixed.Geometry;

    public ImageGeometry MovingGeometry => _moving.Geometry;

    public Parallelism Parallelism { get; }

    /// <summary>The fixed image on the common scale (full resolution).</summary>
    public Image<float> Fixed => _fixed;

    /// <summary>The moving image on the common scale (full resolution).</summary>
    public Image<float> Moving => _moving;

    public byte[]? Mask => _mask;

    /// <summary>Checks the inputs and puts both images on the fixed image's robust intensity scale (1st–99th percentile → 0–1).</summary>
    public static RegistrationImages Create(Image fixedImage, Image movingImage, LabelMap? fixedMask, Parallelism parallelism)
    {
        ArgumentNullException.ThrowIfNull(fixedImage);
        ArgumentNullException.ThrowIfNull(movingImage);
        Check(fixedImage, "fixed image", nameof(fixedImage));
        Check(movingImage, "moving image", nameof(movingImage));
        bool fixed2D = fixedImage.Geometry.Size.Z == 1, moving2D = movingImage.Geometry.Size.Z == 1;
        if (fixed2D != moving2D)
        {
            throw new RegistrationException(
                RegistrationProblem.DimensionMismatch,
                $"The fixed image is {(fixed2D ? "2D" : "3D")} ({fixedImage.Geometry.Size}) but the moving image is {(moving2D ? "2D" : "3D")} ({movingImage.Geometry.Size}); register images of the same dimension.",
                nameof(movingImage));
        }

        byte[]? mask = null;
        if (fixedMask is not null)
        {
            if (!fixedMask.Geometry.Matches(fixedImage.Geometry))
            {
                throw new RegistrationException(RegistrationProblem.InvalidMask, $"The fixed-image mask is not on the fixed image's grid: mask {fixedMask.Geometry}; image {fixedImage.Geometry}.", nameof(fixedMask));
            }

            mask = fixedMask.Voxels.ToArray();
            if (!Array.Exists(mask, v => v != 0))
            {
                throw new RegistrationException(RegistrationProblem.InvalidMask, "The fixed-image mask is empty: no voxel would be compared.", nameof(fixedMask));
            }
        }

        // Percentiles and ranges from the images as they are, then one rescaled float copy of each: converting first and
        // rescaling the conversion held two copies of a whole CT scan at once.
        var (lo, hi) = Percentiles(fixedImage, mask, 0.01, 0.99);
        if (!(hi > lo))
        {
            (lo, hi) = fixedImage.Range();
        }

        if (!(hi > lo))
        {
            throw new RegistrationException(RegistrationProblem.ConstantImage, $"The fixed image has constant intensity {lo}; there is nothing to align.", nameof(fixedImage));
        }

        var (mlo, mhi) = movingImage.Range();
        if (!(mhi > mlo))
        {
            throw new RegistrationException(RegistrationProblem.ConstantImage, $"The moving image has constant intensity {mlo}; there is nothing to align.", nameof(movingImage));
        }

        return new RegistrationImages(Rescale(fixedImage, lo, hi), Rescale(movingImage, lo, hi), mask, parallelism);
    }

    /// <summary>The level with per-axis shrink factors for <paramref name="targetSpacing"/> mm and smoothing sigma (mm).</summary>
    public LevelImages Level(double targetSpacing, double sigmaMm)
    {
        var fixedShrink = PyramidLevel.ShrinkFactors(_fixed.Geometry, targetSpacing);
        var key = (fixedShrink, Math.Round(sigmaMm, 6));
        lock (_levels)
        {
            if (_levels.TryGetValue(key, out var level))
            {
                return level;
            }

            var movingShrink = PyramidLevel.ShrinkFactors(_moving.Geometry, targetSpacing);
            var f = PyramidLevel.Create(_fixed, fixedShrink, sigmaMm, Parallelism);
            var m = PyramidLevel.Create(_moving, movingShrink, sigmaMm, Parallelism);
            level = new LevelImages(f, _mask is null ? null : DownsampleMask(_mask, _fixed.Geometry, f.Geometry), m);
            _levels[key] = level;
            return level;
        }
    }

    /// <summary>The smallest spacing of the fixed image: the unit of shrink factors.</summary>
    public double FinestSpacing => Math.Min(_fixed.Geometry.Spacing.X, Math.Min(_fixed.Geometry.Spacing.Y, _fixed.Geometry.Spacing.Z));

    private static void Check(Image image, string what, string paramName)
    {
        if (image.Components != 1)
        {
            throw new RegistrationException(RegistrationProblem.DimensionMismatch, $"The {what} has {image.Components} components; registration compares scalar images.", paramName);
        }

        long bad = image.CountNonFinite();
        if (bad > 0)
        {
            throw new RegistrationException(RegistrationProblem.NonFiniteVoxels, $"The {what} has {bad} NaN or infinite voxel(s); replace them (e.g. by the background value) before registering.", paramName);
        }
    }

    /// <summary>(v − lo) / (hi − lo) as a new float image, read from the voxel type the image has.</summary>
    private static Image<float> Rescale(Image image, double lo, double hi) => image.ToFloat(lo, 1 / (hi - lo));

    /// <summary>Approximate percentiles from a regular subsample of at most ~200 000 voxels.</summary>
    private static (double Lo, double Hi) Percentiles(Image image, byte[]? mask, double lo, double hi) => image.SampledPercentiles(mask, lo, hi);

    private static byte[] DownsampleMask(byte[] mask, ImageGeometry full, ImageGeometry level)
    {
        if (level.Matches(full))
        {
            return mask;
        }

        var size = level.Size;
        var result = new byte[level.VoxelCount];
        int i = 0;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++, i++)
                {
                    var idx = full.PhysicalToNearestIndex(level.IndexToPhysical(x, y, z));
                    if (full.Contains(idx))
                    {
                        result[i] = mask[idx.X + full.Size.X * (idx.Y + full.Size.Y * idx.Z)];
                    }
                }
            }
        }

        return result;
    }
}
