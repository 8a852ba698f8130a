using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Delta;
using Radiomics.Longitudinal.Pipeline;
using Radiomics.Longitudinal.Study;
using Radiomics.Plotting;
using Radiomics.Plotting.Charts;

namespace Radiomics.Cli.Commands;

/// <summary>The Plotly figures of the demo report, built from the study's tables and the maps it wrote.</summary>
internal static class DemoFigures
{
    private const string VolumeCode = "RNU0";
    private static readonly string[] HabitatNames = ["necrotic core", "viable", "enhancing rim"];

    public static IReadOnlyList<(string Heading, Figure Figure)> Create(StudyResult result, Cohort cohort, StudySettings settings)
    {
        var figures = new List<(string, Figure)>();
        var volumeChange = result.Deltas.OfKind(DeltaKind.RelativePercent).Where(r => r.IbsiCode == VolumeCode && r.Region == settings.Region).ToList();
        if (volumeChange.Count > 0)
        {
            var points = volumeChange.Select(r => new TrajectoryPoint(r.Subject, r.Day, r.Value))
                .Concat(volumeChange.Select(r => r.Subject).Distinct().Select(s => new TrajectoryPoint(s, 0, 0)));
            figures.Add(("Tumour volume over time", FeatureTrajectories.Create(points, "tumour volume change (%)")
                .WithTitle("Mesh volume (RNU0), change from baseline")));

            var last = volumeChange.GroupBy(r => r.Subject).Select(g => g.MaxBy(r => r.Day)!);
            figures.Add(("Response waterfall", DeltaWaterfall.Create(last.Select(r => (r.Subject, r.Value)), "volume change at the last scan (%)", [-30, 20],
                "Volume change per patient (dashed: −30 % / +20 %)")));
        }

        // Ranked by change in units of each feature's spread over the cohort (ChangeRanking), not by relative change,
        // which puts features near zero first.
        var topFeatures = ChangeRanking.Largest(result.Deltas, 20, r => r.Family != "habitat");
        if (topFeatures.Count > 0)
        {
            figures.Add(("Largest feature changes", DeltaWaterfall.Create(topFeatures.Select(c => (c.Label, c.StandardisedChange)),
                "median change at the last scan (cohort SDs)", title: "Features that changed most (median over patients, in units of each feature's spread)")));
        }

        if (Sankey(result, cohort) is { } sankey)
        {
            figures.Add(("Habitat transitions", sankey));
        }

        var first = cohort.Subjects.FirstOrDefault();
        if (first is not null)
        {
            var habitats = result.Layout.SubjectMap(first.Id, first.Baseline.Id, "habitats");
            if (File.Exists(habitats))
            {
                var image = ImageFile.Read<float>(first.Baseline.ImagePath);
                figures.Add(($"Habitats of {first.Id} at baseline", SliceViewer.Create(image, ImageFile.ReadLabelMap(habitats), new SliceViewerSettings
                {
                    Title = $"{first.Id} {first.Baseline.Id}: habitats",
                    OverlayName = "habitat",
                    LabelNames = HabitatNames,
                    OverlayOpacity = 0.5,
                })));
            }

            var lastScan = first.TimePoints[^1];
            var jacobian = result.Layout.SubjectMap(first.Id, lastScan.Id, "jacobian");
            if (first.TimePoints.Count > 1 && File.Exists(jacobian))
            {
                LabelMap? mask = lastScan.Masks.TryGetValue(settings.Region, out var path) ? ImageFile.ReadLabelMap(path)
                    : File.Exists(result.Layout.SubjectMap(first.Id, lastScan.Id, settings.Region)) ? ImageFile.ReadLabelMap(result.Layout.SubjectMap(first.Id, lastScan.Id, settings.Region))
                    : null;
                figures.Add(($"Registration of {first.Id} {lastScan.Id}", RegistrationCheck.JacobianDeterminant(ImageFile.Read<float>(jacobian), mask, ImageFile.Read<float>(lastScan.ImagePath))
                    .WithTitle($"{first.Id} {lastScan.Id} ← {first.Baseline.Id}: Jacobian determinant of the follow-up → baseline mapping (> 1: the tumour shrank)")));
            }
        }

        return figures;
    }

    /// <summary>Baseline habitats against what their voxels became at each subject's last scan, pooled over subjects.</summary>
    private static Figure? Sankey(StudyResult result, Cohort cohort)
    {
        if (result.Transitions.Count == 0)
        {
            return null;
        }

        int k = result.Transitions.Max(t => Math.Max(t.FromHabitat, t.ToHabitat));
        var counts = new long[k + 1, k + 1];
        double volume = 0;
        long voxels = 0;
        foreach (var subject in result.Transitions.GroupBy(t => t.Subject))
        {
            string last = cohort[subject.Key].TimePoints[^1].Id;
            foreach (var t in subject.Where(t => t.ToTimePoint == last))
            {
                counts[t.FromHabitat, t.ToHabitat] += t.Voxels;
                volume += t.VolumeMm3;
                voxels += t.Voxels;
            }
        }

        return HabitatSankey.Create([counts], voxels > 0 ? volume / voxels : 1, ["baseline", "last scan"], HabitatNames)
            .WithTitle("Habitat transitions, baseline → last scan (all patients, volume in mm³)");
    }
}
