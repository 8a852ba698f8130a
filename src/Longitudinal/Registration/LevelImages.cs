using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Registration;

/// <summary>The fixed image (with its optional mask) and the moving image at one pyramid level.</summary>
internal sealed class LevelImages
{
    public LevelImages(Image<float> fixedImage, byte[]? fixedMask, Image<float> movingImage)
    {
        Fixed = fixedImage;
        FixedMask = fixedMask;
        Moving = movingImage;
        long count = 0;
        if (fixedMask is null)
        {
            count = fixedImage.VoxelCount;
        }
        else
        {
            foreach (var m in fixedMask)
            {
                count += m != 0 ? 1 : 0;
            }
        }

        SampleCount = count;
        FixedRange = Range(fixedImage, fixedMask);
        MovingRange = Range(movingImage, null);
    }

    public Image<float> Fixed { get; }

    /// <summary>Non-zero where the fixed image counts; null for the whole image.</summary>
    public byte[]? FixedMask { get; }

    public Image<float> Moving { get; }

    public long SampleCount { get; }

    public (double Min, double Max) FixedRange { get; }

    public (double Min, double Max) MovingRange { get; }

    private static (double Min, double Max) Range(Image<float> image, byte[]? mask)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        var v = image.Voxels;
        for (int i = 0; i < v.Length; i++)
        {
            if (mask is null || mask[i] != 0)
            {
                min = Math.Min(min, v[i]);
                max = Math.Max(max, v[i]);
            }
        }

        return min <= max ? (min, max) : (0, 1);
    }
}
