using Radiomics.Imaging;

namespace Radiomics.Plotting.Charts;

/// <summary>
/// Habitats in 3D: one point cloud per habitat at voxel centres in mm (LPS for axis-aligned images), each habitat its
/// own legend entry so it can be hidden, with equal scales on all three axes. Large regions are thinned on a regular
/// voxel lattice to at most <c>maxPoints</c> points so the figure stays responsive.
/// </summary>
public static class HabitatMap3D
{
    public static Figure Create(LabelMap habitats, IReadOnlyList<string>? names = null, int maxPoints = 30_000, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(habitats);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        var labels = habitats.Labels().Where(l => l > 0).ToArray();
        if (labels.Length == 0)
        {
            throw new ArgumentException("The habitat map has no labelled voxels.", nameof(habitats));
        }

        long total = labels.Sum(l => (long)habitats.Count(l));
        // Keep one voxel in stride³ so that about maxPoints remain.
        int stride = Math.Max(1, (int)Math.Ceiling(Math.Cbrt((double)total / maxPoints)));
        var geometry = habitats.Geometry;
        var scales = new[] { AxisScale.For(geometry, 0), AxisScale.For(geometry, 1), AxisScale.For(geometry, 2) };
        var points = labels.ToDictionary(l => l, _ => (X: new List<double>(), Y: new List<double>(), Z: new List<double>()));
        var size = geometry.Size;
        for (int z = 0; z < size.Z; z += stride)
        {
            for (int y = 0; y < size.Y; y += stride)
            {
                for (int x = 0; x < size.X; x += stride)
                {
                    byte label = habitats[x, y, z];
                    if (label != 0)
                    {
                        var p = points[label];
                        p.X.Add(scales[0].At(x));
                        p.Y.Add(scales[1].At(y));
                        p.Z.Add(scales[2].At(z));
                    }
                }
            }
        }

        double markerSize = Math.Clamp(6.0 - Math.Log10(total / (double)(stride * stride * stride)), 1.5, 5);
        var traces = labels.Select(l => (Trace)new Scatter3DTrace
        {
            Name = names is not null && l - 1 < names.Count ? names[l - 1] : $"habitat {l}",
            X = points[l].X.ToArray(),
            Y = points[l].Y.ToArray(),
            Z = points[l].Z.ToArray(),
            Mode = ScatterMode.Markers,
            Marker = new Marker { Color = Palette.Color(l - 1), Size = markerSize, Opacity = 0.6 },
            HoverTemplate = "%{x:.1f}, %{y:.1f}, %{z:.1f} mm<extra>%{fullData.name}</extra>",
        }).ToList();
        var scene = new Scene
        {
            XAxis = new SceneAxis { Title = scales[0].Title },
            YAxis = new SceneAxis { Title = scales[1].Title },
            ZAxis = new SceneAxis { Title = scales[2].Title },
            AspectMode = AspectMode.Data,
        };
        return new Figure(traces, new Layout { Title = title is null ? null : new Title(title), Scene = scene, Height = 600 });
    }
}
