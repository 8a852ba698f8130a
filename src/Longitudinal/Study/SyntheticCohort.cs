using System.Globalization;
using System.Text;
using System.Text.Json;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Synthetic;

namespace Radiomics.Longitudinal.Study;

/// <summary>Settings of a synthetic treatment-response study.</summary>
public sealed record SyntheticCohortSettings
{
    public int Subjects { get; init; } = 4;

    public int TimePoints { get; init; } = 3;

    /// <summary>Days between consecutive scans.</summary>
    public int DaysBetweenScans { get; init; } = 42;

    /// <summary>Tumour volume change per interval for each subject, cycled: −25 % (responder) … +10 % (progression).</summary>
    public IReadOnlyList<double> VolumeChangePerInterval { get; init; } = [-0.25, -0.15, -0.05, 0.10];

    /// <summary>Growth of the necrotic core's normalised radius per interval in responders (the planted habitat transition).</summary>
    public double CoreGrowthPerInterval { get; init; } = 0.08;

    /// <summary>Change of the viable layer's mean intensity per interval in responders (the planted intensity change), HU.</summary>
    public double ViableIntensityChangePerInterval { get; init; } = -12;

    /// <summary>Largest patient repositioning between scans: rotation (degrees) and translation (mm).</summary>
    public double MaxRotationDegrees { get; init; } = 3;

    public double MaxTranslation { get; init; } = 4;

    /// <summary>Whether follow-up masks go into the manifest too (otherwise only baselines have masks and the rest are propagated).</summary>
    public bool FollowUpMasksInManifest { get; init; }

    public SyntheticScanSettings Scan { get; init; } = new();

    public int Seed { get; init; } = 7;
}

/// <summary>The planted truth of one synthetic scan.</summary>
public sealed record SyntheticTruth(
    string Subject, string TimePoint, double Day, double VolumeScale, double TumourVolume, double[] HabitatVolumes, double ViableIntensity, double TumourMeanIntensity, string TumourMaskPath, string HabitatMaskPath);

/// <summary>
/// Writes a synthetic treatment-response study: per subject a baseline and follow-ups whose tumours shrink (or grow) by
/// known factors, whose necrotic core grows and whose viable layer darkens in responders, scanned with the patient
/// repositioned each time. Writes the images, the baseline masks, <c>manifest.csv</c>, and the truth (true masks
/// and habitats of every scan, <c>truth.json</c>) so pipelines can be checked against it.
/// </summary>
public static class SyntheticCohort
{
    public static (string ManifestPath, IReadOnlyList<SyntheticTruth> Truth) Write(SyntheticCohortSettings settings, string outputDirectory, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        if (settings.Subjects < 1 || settings.TimePoints < 1 || settings.VolumeChangePerInterval.Count == 0)
        {
            throw new InvalidInputException("a synthetic cohort needs at least one subject, one time point and one volume change.");
        }

        Directory.CreateDirectory(Path.Combine(outputDirectory, "truth"));
        var rng = new Random(settings.Seed);
        var truth = new List<SyntheticTruth>();
        var manifest = new StringBuilder("subject,timepoint,date,image,mask,region\n");
        var start = new DateOnly(2025, 1, 6);
        int done = 0;
        for (int p = 0; p < settings.Subjects; p++)
        {
            string subject = $"P{p + 1:D2}";
            double change = settings.VolumeChangePerInterval[p % settings.VolumeChangePerInterval.Count];
            bool responder = change < 0;
            int anatomySeed = rng.Next();
            // Each patient's tumour has its own size and place.
            var radii = settings.Scan.TumourRadii * (0.85 + 0.3 * rng.NextDouble());
            var offset = settings.Scan.TumourOffset + new Vec3(Uniform(rng), Uniform(rng), Uniform(rng)) * 4;
            for (int t = 0; t < settings.TimePoints; t++)
            {
                string tp = $"t{t}";
                double scale = Math.Pow(1 + change, t);
                var scanSettings = settings.Scan with
                {
                    TumourRadii = radii,
                    TumourOffset = offset,
                    VolumeScale = scale,
                    CoreFraction = settings.Scan.CoreFraction + (responder ? settings.CoreGrowthPerInterval * t : 0),
                    ViableIntensity = settings.Scan.ViableIntensity + (responder ? settings.ViableIntensityChangePerInterval * t : 0),
                    RotationDegrees = t == 0 ? 0 : (rng.NextDouble() * 2 - 1) * settings.MaxRotationDegrees,
                    Translation = t == 0 ? Vec3.Zero : new Vec3(Uniform(rng), Uniform(rng), Uniform(rng)) * settings.MaxTranslation,
                    AnatomySeed = anatomySeed,
                    NoiseSeed = rng.Next(),
                };
                var scan = SyntheticScan.Create(scanSettings);
                string image = $"{subject}_{tp}.nii.gz";
                string mask = $"{subject}_{tp}_tumour.nii.gz";
                string habitats = $"{subject}_{tp}_habitats.nii.gz";
                ImageFile.Write(scan.Image, Path.Combine(outputDirectory, image));
                ImageFile.Write(scan.Tumour, Path.Combine(outputDirectory, "truth", mask));
                ImageFile.Write(scan.Habitats, Path.Combine(outputDirectory, "truth", habitats));
                bool listMask = t == 0 || settings.FollowUpMasksInManifest;
                if (listMask)
                {
                    ImageFile.Write(scan.Tumour, Path.Combine(outputDirectory, mask));
                }

                var date = start.AddDays(t * settings.DaysBetweenScans + p);
                manifest.Append(CultureInfo.InvariantCulture, $"{subject},{tp},{date:yyyy-MM-dd},{image},{(listMask ? mask : "")},{StudyManifest.DefaultRegion}\n");
                double voxel = scan.Image.Geometry.VoxelVolume;
                truth.Add(new SyntheticTruth(
                    subject, tp, t * settings.DaysBetweenScans, scale, scan.Tumour.Count(1) * voxel,
                    [scan.Habitats.Count(1) * voxel, scan.Habitats.Count(2) * voxel, scan.Habitats.Count(3) * voxel],
                    scanSettings.ViableIntensity, MeanInside(scan.Image.Voxels, scan.Tumour.Voxels), Path.Combine("truth", mask), Path.Combine("truth", habitats)));
                progress?.Report(++done);
            }
        }

        string manifestPath = Path.Combine(outputDirectory, "manifest.csv");
        AtomicFile.WriteAllText(manifestPath, manifest.ToString());
        AtomicFile.WriteAllText(
            Path.Combine(outputDirectory, "truth.json"),
            JsonSerializer.Serialize(new { settings = settings with { }, scans = truth }, new JsonSerializerOptions { WriteIndented = true }));
        return (manifestPath, truth);
    }

    private static double MeanInside(ReadOnlySpan<float> image, ReadOnlySpan<byte> mask)
    {
        double sum = 0;
        long count = 0;
        for (int i = 0; i < image.Length; i++)
        {
            if (mask[i] != 0)
            {
                sum += image[i];
                count++;
            }
        }

        return count == 0 ? double.NaN : sum / count;
    }

    private static double Uniform(Random rng) => (rng.NextDouble() * 2 - 1) / Math.Sqrt(3);
}
