using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Features;

/// <summary>
/// TEST SCAFFOLDING, to be replaced by the extractor's preprocessing once the feature engine is merged: the minimal
/// IBSI 1 preprocessing of configurations A, B and C of the CT phantom (manual, "Reference data sets") that the
/// morphology tests need. Image converted to float and rounded; for B and C, resampling with the "align grid centres"
/// grid (n_b = ⌈n_a s_a / s_b⌉, origin ½(n_a − 1 − (s_b/s_a)(n_b − 1)) in grid units), linear interpolation with
/// nearest-boundary extrapolation, intensities rounded to integers, the mask interpolated linearly and kept where ≥ 0.5
/// (up to rounding of the grid positions);
/// then re-segmentation of the intensity mask by range. Only the part of the grid around the ROI is interpolated.
/// Configurations are named as in the reference table ("config_A"); bench/MorphologyBench compiles this file too.
/// </summary>
internal static class IbsiCtPhantomScaffold
{
    private static readonly Dictionary<string, RoiVolume> Cache = [];

    public static RoiVolume Roi(string config)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(config, out var roi))
            {
                roi = Build(config);
                Cache[config] = roi;
            }

            return roi;
        }
    }

    private static RoiVolume Build(string config)
    {
        var image = ImageFile.Read<float>(SharedData.Path("ibsi", "ibsi_1_ct_radiomics_phantom", "nifti", "image", "phantom.nii.gz"));
        var mask = ImageFile.Read<float>(SharedData.Path("ibsi", "ibsi_1_ct_radiomics_phantom", "nifti", "mask", "mask.nii.gz"));
        var g = image.Geometry;
        var (spacing, low, high) = config switch
        {
            "config_A" => (g.Spacing, -500.0, 400.0),
            "config_B" => (new Vec3(2, 2, g.Spacing.Z), -500.0, 400.0),
            "config_C" => (new Vec3(2, 2, 2), -1000.0, 400.0),
            _ => throw new ArgumentOutOfRangeException(nameof(config), config, "Scaffolding covers configurations A, B and C."),
        };

        var source = g.Size;
        var bounds = LabelMap.Threshold(mask, v => v >= 0.5f).BoundingBox(1) ?? throw new InvalidOperationException("Empty phantom mask.");
        Span<int> n = stackalloc int[3];
        Span<double> origin = stackalloc double[3];
        Span<double> step = stackalloc double[3];
        Span<int> from = stackalloc int[3];
        Span<int> to = stackalloc int[3];
        for (int a = 0; a < 3; a++)
        {
            step[a] = spacing[a] / g.Spacing[a];
            n[a] = (int)Math.Ceiling(source[a] * g.Spacing[a] / spacing[a] - 1e-9);
            origin[a] = 0.5 * (source[a] - 1 - (step[a] * (n[a] - 1)));
            // New voxels whose position falls within two source voxels of the ROI's bounding box.
            from[a] = Math.Max(0, (int)Math.Floor((bounds.Min[a] - 2 - origin[a]) / step[a]));
            to[a] = Math.Min(n[a] - 1, (int)Math.Ceiling((bounds.Max[a] + 2 - origin[a]) / step[a]));
        }

        var size = new Size3(to[0] - from[0] + 1, to[1] - from[1] + 1, to[2] - from[2] + 1);
        var values = new double[size.Count];
        var morphological = new bool[size.Count];
        var intensity = new bool[size.Count];
        var rounded = image.Voxels.ToArray();
        for (int i = 0; i < rounded.Length; i++)
        {
            rounded[i] = MathF.Round(rounded[i]);
        }

        var maskValues = mask.Voxels.ToArray();
        int k = 0;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++, k++)
                {
                    var at = new Vec3(
                        origin[0] + ((from[0] + x) * step[0]),
                        origin[1] + ((from[1] + y) * step[1]),
                        origin[2] + ((from[2] + z) * step[2]));
                    double v = Math.Round(Linear(rounded, source, at), MidpointRounding.ToEven);
                    // Config C puts every third slice exactly half-way between two source slices (step 2/3): the mask
                    // is exactly 0.5 there, but the inexact grid arithmetic gives 0.4999… for some voxels; the manual
                    // warns about this and wants them in the ROI.
                    bool inRoi = Linear(maskValues, source, at) >= 0.5 - 1e-9;
                    values[k] = v;
                    morphological[k] = inRoi;
                    intensity[k] = inRoi && v >= low && v <= high;
                }
            }
        }

        var geometry = new ImageGeometry(size, spacing, g.IndexToPhysical(new Vec3(origin[0] + (from[0] * step[0]), origin[1] + (from[1] * step[1]), origin[2] + (from[2] * step[2]))), g.Direction);
        return new RoiVolume(geometry, values, morphological, intensity);
    }

    /// <summary>Trilinear interpolation at a continuous index, clamping to the grid (nearest-boundary extrapolation).</summary>
    private static double Linear(float[] data, Size3 size, Vec3 at)
    {
        double x = Math.Clamp(at.X, 0, size.X - 1), y = Math.Clamp(at.Y, 0, size.Y - 1), z = Math.Clamp(at.Z, 0, size.Z - 1);
        int x0 = Math.Min((int)x, size.X - 2), y0 = Math.Min((int)y, size.Y - 2), z0 = Math.Min((int)z, size.Z - 2);
        double fx = x - x0, fy = y - y0, fz = z - z0;
        double sum = 0;
        for (int c = 0; c < 8; c++)
        {
            int dx = c & 1, dy = (c >> 1) & 1, dz = (c >> 2) & 1;
            double w = (dx == 1 ? fx : 1 - fx) * (dy == 1 ? fy : 1 - fy) * (dz == 1 ? fz : 1 - fz);
            if (w != 0)
            {
                sum += w * data[x0 + dx + (size.X * (y0 + dy + (size.Y * (z0 + dz))))];
            }
        }

        return sum;
    }
}
