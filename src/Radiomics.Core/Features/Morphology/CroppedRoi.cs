using Radiomics.Imaging;

namespace Radiomics.Features.Morphology;

/// <summary>The masks and intensities of an ROI cut to the bounding box of both masks (copies; the ROI is unchanged).</summary>
/// <param name="Size">The box's size.</param>
/// <param name="Morphological">The morphological mask in the box.</param>
/// <param name="Intensity">The intensity mask in the box.</param>
/// <param name="Intensities">The intensities in the box.</param>
/// <param name="MorphologicalCount">Voxels of the morphological mask.</param>
internal sealed record CroppedRoi(Size3 Size, bool[] Morphological, bool[] Intensity, double[] Intensities, long MorphologicalCount)
{
    /// <exception cref="ArgumentException">The morphological mask is empty.</exception>
    public static CroppedRoi Of(RoiVolume roi)
    {
        var size = roi.Geometry.Size;
        var morphological = roi.MorphologicalMask;
        var intensity = roi.IntensityMask;
        int x0 = int.MaxValue, y0 = int.MaxValue, z0 = int.MaxValue, x1 = -1, y1 = -1, z1 = -1;
        long count = 0;
        int i = 0;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++, i++)
                {
                    if (morphological[i] || intensity[i])
                    {
                        x0 = Math.Min(x0, x);
                        y0 = Math.Min(y0, y);
                        z0 = Math.Min(z0, z);
                        x1 = Math.Max(x1, x);
                        y1 = Math.Max(y1, y);
                        z1 = Math.Max(z1, z);
                    }

                    count += morphological[i] ? 1 : 0;
                }
            }
        }

        if (count == 0)
        {
            throw new ArgumentException("The morphological mask of the ROI is empty; morphological features need at least one voxel.", nameof(roi));
        }

        var cropped = new Size3(x1 - x0 + 1, y1 - y0 + 1, z1 - z0 + 1);
        var m = new bool[cropped.Count];
        var g = new bool[cropped.Count];
        var v = new double[cropped.Count];
        var values = roi.Intensities;
        int k = 0;
        for (int z = z0; z <= z1; z++)
        {
            for (int y = y0; y <= y1; y++)
            {
                int row = ((z * size.Y) + y) * size.X;
                for (int x = x0; x <= x1; x++, k++)
                {
                    m[k] = morphological[row + x];
                    g[k] = intensity[row + x];
                    v[k] = values[row + x];
                }
            }
        }

        return new CroppedRoi(cropped, m, g, v, count);
    }
}
