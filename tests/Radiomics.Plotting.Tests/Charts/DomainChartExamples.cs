using Radiomics.Habitats.Clustering;
using Radiomics.Habitats.Model;
using Radiomics.Imaging;
using Radiomics.Plotting.Charts;
using Radiomics.Synthetic;

namespace Radiomics.Plotting.Tests.Charts;

/// <summary>Each domain chart drawn from the toolkit's synthetic data, for the schema and browser tests.</summary>
internal static class DomainChartExamples
{
    private static readonly Lazy<(Image<float> Image, LabelMap Mask)> Tumour = new(() => SyntheticTumour.Create(new SyntheticTumourSettings { Size = new(48, 48, 16) }));
    private static readonly Lazy<SyntheticScan> Baseline = new(() => SyntheticScan.Create(new SyntheticScanSettings { Size = new(64, 64, 24) }));
    private static readonly Lazy<SyntheticScan> FollowUp = new(() => SyntheticScan.Create(new SyntheticScanSettings { Size = new(64, 64, 24), VolumeScale = 0.7, CoreFraction = 0.6 }));

    public static IReadOnlyDictionary<string, Func<Figure>> All { get; } = new Dictionary<string, Func<Figure>>
    {
        ["slice-heatmap"] = () => Chart.Slice(Tumour.Value.Image),
        ["slice-viewer-mask"] = () => SliceViewer.Create(Tumour.Value.Image, Tumour.Value.Mask, new SliceViewerSettings { Title = "Synthetic tumour" }),
        ["slice-viewer-habitats-coronal"] = () => SliceViewer.Create(
            Baseline.Value.Image, Baseline.Value.Habitats, new SliceViewerSettings { Plane = SlicePlane.Coronal, OverlayName = "habitat", LabelNames = ["core", "viable", "rim"] }),
        ["habitat-map-3d"] = () => HabitatMap3D.Create(Baseline.Value.Habitats, ["core", "viable", "rim"], maxPoints: 5000),
        ["registration-checkerboard"] = () => RegistrationCheck.Checkerboard(Baseline.Value.Image, Shifted(Baseline.Value.Image, 3)),
        ["registration-difference"] = () => RegistrationCheck.Difference(Baseline.Value.Image, Shifted(Baseline.Value.Image, 3), Baseline.Value.Image),
        ["jacobian-determinant"] = () => RegistrationCheck.JacobianDeterminant(Jacobian(Baseline.Value.Image.Geometry), Baseline.Value.Tumour),
        ["feature-trajectories"] = () => FeatureTrajectories.Create(Trajectories(), "Volume (RNU0)", percentChange: true),
        ["delta-waterfall"] = () => DeltaWaterfall.Create(
            [("volume", -35), ("mean", 12.5), ("joint entropy", -4), ("sphericity", 2), ("kurtosis", 40)], thresholds: [-30, 20], title: "Delta radiomics"),
        ["k-selection"] = () => KSelectionCurves.Create(
            [.. Enumerable.Range(2, 6).Select(k => new ClusterCountScore(k, 1000.0 / k, 0.3 + (0.05 * Math.Sin(k)), 200 + (10 * k), 1.2 - (0.05 * k)))], chosenK: 3),
        ["habitat-sankey"] = () => HabitatSankey.Create(
            [HabitatTransitions.Compute(Baseline.Value.Habitats, FollowUp.Value.Habitats, 3), HabitatTransitions.Compute(FollowUp.Value.Habitats, FollowUp.Value.Habitats, 3)],
            ["baseline", "week 6", "week 12"],
            ["core", "viable", "rim"]),
        ["correlation-heatmap"] = () => CorrelationHeatmap.Create(["a", "b", "c", "d"], Correlated(), showValues: true),
    };

    public static Image<float> Shifted(Image<float> image, int dx)
    {
        var shifted = image.ToBuilder();
        var size = image.Geometry.Size;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++)
                {
                    shifted.Voxels[shifted.LinearIndex(x, y, z)] = image[Math.Clamp(x - dx, 0, size.X - 1), y, z];
                }
            }
        }

        return shifted.ToImage();
    }

    private static Image<float> Jacobian(ImageGeometry geometry)
    {
        var j = new ImageBuilder<float>(geometry);
        var size = geometry.Size;
        for (int z = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++)
                {
                    j.Voxels[j.LinearIndex(x, y, z)] = (float)(1 + (0.6 * Math.Sin(x / 5.0) * Math.Cos(y / 7.0)));
                }
            }
        }

        j.Voxels[j.LinearIndex(size.X / 2, size.Y / 2, size.Z / 2)] = -0.1f;
        return j.ToImage();
    }

    private static IEnumerable<TrajectoryPoint> Trajectories() =>
        from s in Enumerable.Range(1, 4)
        from t in Enumerable.Range(0, 3)
        select new TrajectoryPoint($"P{s:00}", 42 * t, 30000 * (1 - (0.1 * s * t)));

    private static double[][] Correlated()
    {
        var random = new Random(3);
        double[] a = [.. Enumerable.Range(0, 30).Select(_ => random.NextDouble())];
        double[] b = [.. a.Select(v => (2 * v) + (0.1 * random.NextDouble()))];
        double[] c = [.. a.Select(v => -v + (0.5 * random.NextDouble()))];
        double[] d = [.. Enumerable.Range(0, 30).Select(_ => random.NextDouble())];
        return [a, b, c, d];
    }
}
