using System.Globalization;
using Radiomics.Imaging;

namespace Radiomics.IO.Dicom;

/// <summary>A rasterised ROI and what was noticed on the way (points outside the image, skipped contours).</summary>
public sealed record RasterisedRoi(LabelMap Mask, IReadOnlyList<string> Warnings);

/// <summary>
/// Rasterises the closed planar contours of an RTSTRUCT ROI onto an image grid: a voxel is inside when its centre is
/// inside; several contours on one slice combine even-odd (so inner contours are holes); each contour goes to the
/// nearest slice plane when it lies within <see cref="SliceTolerance"/> slices of it; parts outside the image are
/// clipped with a warning.
/// </summary>
public static class ContourRasteriser
{
    /// <summary>Largest distance, in slices, from a contour plane to the nearest slice centre.</summary>
    public const double SliceTolerance = 0.5;

    public static RasterisedRoi Rasterise(RtStructRoi roi, ImageGeometry geometry, string source)
    {
        ArgumentNullException.ThrowIfNull(roi);
        ArgumentNullException.ThrowIfNull(geometry);
        var warnings = new List<string>();
        var size = geometry.Size;
        var normal = geometry.Direction.Column(0).Cross(geometry.Direction.Column(1));
        var edgesBySlice = new Dictionary<int, List<(double X0, double Y0, double X1, double Y1)>>();
        int outsideSlices = 0, outsidePoints = 0, skipped = 0;
        foreach (var contour in roi.Contours)
        {
            if (contour.GeometricType != "CLOSED_PLANAR" || contour.Points.Count < 3)
            {
                skipped++;
                continue;
            }

            var idx = contour.Points.Select(geometry.PhysicalToIndex).ToArray();
            double zMin = idx.Min(p => p.Z), zMax = idx.Max(p => p.Z);
            if (zMax - zMin > 0.25)
            {
                throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"'{source}': a contour of ROI '{roi.Name}' spans {zMax - zMin:F2} slices; its plane is not parallel to the image slices (the image's slice normal is {normal})."));
            }

            double zc = (zMin + zMax) / 2;
            int k = (int)Math.Round(zc);
            if (Math.Abs(zc - k) > SliceTolerance || k < 0 || k >= size.Z)
            {
                outsideSlices++;
                continue;
            }

            foreach (var p in idx)
            {
                if (p.X < -0.5 || p.Y < -0.5 || p.X > size.X - 0.5 || p.Y > size.Y - 0.5)
                {
                    outsidePoints++;
                }
            }

            if (!edgesBySlice.TryGetValue(k, out var edges))
            {
                edgesBySlice[k] = edges = [];
            }

            for (int i = 0; i < idx.Length; i++)
            {
                var a = idx[i];
                var b = idx[(i + 1) % idx.Length];
                if (a.Y != b.Y)
                {
                    edges.Add((a.X, a.Y, b.X, b.Y));
                }
            }
        }

        if (outsideSlices > 0)
        {
            warnings.Add($"ROI '{roi.Name}': {outsideSlices} contour(s) lie outside the image's slices and were clipped.");
        }

        if (outsidePoints > 0)
        {
            warnings.Add($"ROI '{roi.Name}': {outsidePoints} contour point(s) lie outside the image; the mask is clipped to the image.");
        }

        if (skipped > 0)
        {
            warnings.Add($"ROI '{roi.Name}': {skipped} contour(s) are not closed planar polygons (POINT, OPEN_PLANAR or fewer than 3 points) and were skipped.");
        }

        var voxels = new byte[geometry.VoxelCount];
        var crossings = new List<double>();
        foreach (var (k, edges) in edgesBySlice)
        {
            for (int j = 0; j < size.Y; j++)
            {
                crossings.Clear();
                foreach (var (x0, y0, x1, y1) in edges)
                {
                    // Half-open rule: an edge counts for rows in [min y, max y), so shared vertices count once.
                    if ((y0 <= j && j < y1) || (y1 <= j && j < y0))
                    {
                        crossings.Add(x0 + (j - y0) * (x1 - x0) / (y1 - y0));
                    }
                }

                crossings.Sort();
                int row = size.X * (j + size.Y * k);
                for (int c = 0; c + 1 < crossings.Count; c += 2)
                {
                    int from = Math.Max(0, (int)Math.Ceiling(crossings[c]));
                    int to = Math.Min(size.X - 1, (int)Math.Ceiling(crossings[c + 1]) - 1);
                    for (int i = from; i <= to; i++)
                    {
                        voxels[row + i] = 1;
                    }
                }
            }
        }

        return new RasterisedRoi(new LabelMap(new Image<byte>(geometry, voxels)), warnings);
    }
}
