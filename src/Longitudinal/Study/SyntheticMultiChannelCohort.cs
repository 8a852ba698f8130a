using System.Globalization;
using System.Text;
using System.Text.Json;
using Radiomics.Imaging;
using Radiomics.IO;

namespace Radiomics.Longitudinal.Study;

/// <summary>
/// Writes a synthetic multi-parametric MR cohort with known habitats: per subject a baseline and follow-up visits,
/// each a T2 scan (reference, 1 × 1 × 2 mm) and an ADC scan (2 × 2 × 4 mm) of the same field of view; the T2
/// intensities multiplied by a per-subject scanner gain; Gaussian noise (magnitude outside the body); a tumour of
/// four habitats bounded by the level sets of two smooth random fields, one deciding T2 high/low and the other ADC
/// high/low, so each channel alone separates only two groups; follow-ups shifted by a few mm with changed habitat
/// fractions. Each voxel averages the continuous phantom over its extent (partial volume). Writes the images, the
/// tumour mask of every visit on both grids (<c>_tumour_T2</c>, <c>_tumour_ADC</c>; the manifest lists the baseline's on
/// the T2 grid and the follow-ups' on the ADC grid by default), the planted habitat maps on the T2 grid (<c>truth/</c>),
/// <c>truth.json</c> and a manifest with a <c>channel</c> column (T2 listed first: the reference).
/// </summary>
public static class SyntheticMultiChannelCohort
{
    private const double TissueT2 = 100, HighT2 = 170, LowT2 = 120;
    private const double TissueAdc = 1000, HighAdc = 1500, LowAdc = 800;
    private const int Waves = 6;

    public static (string ManifestPath, IReadOnlyList<SyntheticMultiChannelTruth> Truth) Write(SyntheticMultiChannelCohortSettings settings, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        if (settings.Subjects < 1 || settings.FollowUps < 0 || !(settings.NoiseFraction >= 0) || !(settings.T2Scale.Minimum > 0))
        {
            throw new InvalidInputException("a synthetic multi-channel cohort needs at least one subject, no negative follow-ups, a non-negative noise and a positive T2 scale.");
        }

        Directory.CreateDirectory(Path.Combine(outputDirectory, "truth"));
        var rng = new Random(settings.Seed);
        var t2Grid = Grid(settings.FieldOfView, settings.T2Spacing);
        var adcGrid = Grid(settings.FieldOfView, settings.AdcSpacing);
        var manifest = new StringBuilder("subject,timepoint,date,channel,image,mask,region\n");
        var truth = new List<SyntheticMultiChannelTruth>();
        var start = new DateOnly(2025, 1, 6);
        for (int p = 0; p < settings.Subjects; p++)
        {
            string subject = $"P{p + 1:D2}";
            var (rMin, rMax) = settings.TumourRadius;
            var radii = new Vec3(Between(rng, rMin, rMax), Between(rng, rMin, rMax), Between(rng, rMin, rMax));
            var centre = new Vec3(Between(rng, -6, 6), Between(rng, -6, 6), Between(rng, -4, 4));
            double scale = Math.Exp(Between(rng, Math.Log(settings.T2Scale.Minimum), Math.Log(settings.T2Scale.Maximum)));
            var fieldT2 = Field.Random(rng, settings.HabitatWavelength);
            var fieldAdc = Field.Random(rng, settings.HabitatWavelength);
            double highT2 = Between(rng, 0.4, 0.6), highAdc = Between(rng, 0.4, 0.6);
            double changeT2 = (rng.Next(2) * 2 - 1) * settings.FractionChangePerInterval, changeAdc = (rng.Next(2) * 2 - 1) * settings.FractionChangePerInterval;
            for (int t = 0; t <= settings.FollowUps; t++)
            {
                string tp = $"t{t}";
                var shift = t == 0 ? Vec3.Zero : new Vec3(Between(rng, -1, 1), Between(rng, -1, 1), Between(rng, -1, 1)) * settings.MaxShift;
                var phantom = new Phantom(centre + shift, radii, fieldT2, fieldAdc, shift + centre, settings.FieldOfView);
                phantom.SetFractions(t2Grid, Math.Clamp(highT2 + t * changeT2, 0.2, 0.8), Math.Clamp(highAdc + t * changeAdc, 0.2, 0.8));
                var noise = new Random(rng.Next());
                var t2 = Render(t2Grid, phantom, Vec3.Zero, noise, settings.NoiseFraction, channel: 0, scale);
                var adc = Render(adcGrid, phantom, settings.AdcMisregistration, noise, settings.NoiseFraction, channel: 1, 1);
                var habitats = phantom.Labels(t2Grid);
                bool maskOnAdc = t > 0 && settings.FollowUpMasksOnAdcGrid;
                string t2File = $"{subject}_{tp}_T2.nii.gz", adcFile = $"{subject}_{tp}_ADC.nii.gz";
                string t2Mask = $"{subject}_{tp}_tumour_T2.nii.gz", adcMask = $"{subject}_{tp}_tumour_ADC.nii.gz";
                string truthFile = Path.Combine("truth", $"{subject}_{tp}_habitats.nii.gz");
                ImageFile.Write(t2, Path.Combine(outputDirectory, t2File));
                ImageFile.Write(adc, Path.Combine(outputDirectory, adcFile));
                ImageFile.Write(phantom.Mask(t2Grid, Vec3.Zero), Path.Combine(outputDirectory, t2Mask));
                ImageFile.Write(phantom.Mask(adcGrid, settings.AdcMisregistration), Path.Combine(outputDirectory, adcMask));
                ImageFile.Write(habitats, Path.Combine(outputDirectory, truthFile));
                var date = start.AddDays(t * settings.DaysBetweenScans + p);
                manifest.Append(CultureInfo.InvariantCulture, $"{subject},{tp},{date:yyyy-MM-dd},T2,{t2File},{(maskOnAdc ? "" : t2Mask)},{StudyManifest.DefaultRegion}\n");
                manifest.Append(CultureInfo.InvariantCulture, $"{subject},{tp},{date:yyyy-MM-dd},ADC,{adcFile},{(maskOnAdc ? adcMask : "")},{StudyManifest.DefaultRegion}\n");
                long inside = habitats.Count(1) + habitats.Count(2) + habitats.Count(3) + habitats.Count(4);
                truth.Add(new SyntheticMultiChannelTruth(subject, tp, scale, shift,
                    [.. Enumerable.Range(1, 4).Select(h => (double)habitats.Count((byte)h) / inside)], truthFile));
            }
        }

        string manifestPath = Path.Combine(outputDirectory, "manifest.csv");
        AtomicFile.WriteAllText(manifestPath, manifest.ToString());
        var options = new JsonSerializerOptions { WriteIndented = true, IncludeFields = true };
        AtomicFile.WriteAllText(Path.Combine(outputDirectory, "truth.json"), JsonSerializer.Serialize(new { settings, scans = truth }, options));
        return (manifestPath, truth);
    }

    /// <summary>A grid over the field of view centred on the origin (identity direction).</summary>
    private static ImageGeometry Grid(Vec3 fieldOfView, Vec3 spacing)
    {
        var size = new Size3((int)Math.Round(fieldOfView.X / spacing.X), (int)Math.Round(fieldOfView.Y / spacing.Y), (int)Math.Round(fieldOfView.Z / spacing.Z));
        var origin = new Vec3(-fieldOfView.X / 2 + spacing.X / 2, -fieldOfView.Y / 2 + spacing.Y / 2, -fieldOfView.Z / 2 + spacing.Z / 2);
        return ImageGeometry.Create(size.X, size.Y, size.Z, spacing, origin);
    }

    /// <summary>One channel: each voxel the mean of the phantom over a lattice of about 1 mm inside it, plus noise (magnitude), times the scale.</summary>
    private static Image<float> Render(ImageGeometry grid, Phantom phantom, Vec3 contentShift, Random noise, double noiseFraction, int channel, double scale)
    {
        var voxels = new float[grid.VoxelCount];
        var spacing = grid.Spacing;
        // An odd number of samples per axis (about one per mm), so a voxel's centre is one of them.
        int sx = Samples(spacing.X), sy = Samples(spacing.Y), sz = Samples(spacing.Z);
        double sigma = noiseFraction * (channel == 0 ? HighT2 - LowT2 : HighAdc - LowAdc);
        var size = grid.Size;
        for (int z = 0, i = 0; z < size.Z; z++)
        {
            for (int y = 0; y < size.Y; y++)
            {
                for (int x = 0; x < size.X; x++, i++)
                {
                    double sum = 0;
                    for (int a = 0; a < sz; a++)
                    {
                        for (int b = 0; b < sy; b++)
                        {
                            for (int c = 0; c < sx; c++)
                            {
                                var index = new Vec3(x - 0.5 + (c + 0.5) / sx, y - 0.5 + (b + 0.5) / sy, z - 0.5 + (a + 0.5) / sz);
                                sum += phantom.Value(grid.IndexToPhysical(index) - contentShift, channel);
                            }
                        }
                    }

                    voxels[i] = (float)(scale * Math.Abs(sum / (sx * sy * sz) + sigma * Gaussian(noise)));
                }
            }
        }

        return new Image<float>(grid, voxels);
    }

    private static int Samples(double spacing) => (2 * (int)Math.Floor(spacing / 2)) + 1;

    private static double Between(Random rng, double a, double b) => a + (b - a) * rng.NextDouble();

    private static double Gaussian(Random rng) => Radiomics.Synthetic.SyntheticNoise.Gaussian(rng);

    /// <summary>A smooth random field: a sum of plane waves of random direction, wavelength about <c>λ</c> and phase.</summary>
    private sealed record Field(Vec3[] Directions, double[] Phases)
    {
        public static Field Random(Random rng, double wavelength)
        {
            var directions = new Vec3[Waves];
            var phases = new double[Waves];
            for (int i = 0; i < Waves; i++)
            {
                var d = new Vec3(Gaussian(rng), Gaussian(rng), Gaussian(rng));
                double k = 2 * Math.PI / (wavelength * (0.8 + 0.45 * rng.NextDouble()));
                directions[i] = d / d.Norm * k;
                phases[i] = 2 * Math.PI * rng.NextDouble();
            }

            return new Field(directions, phases);
        }

        public double At(Vec3 p)
        {
            double sum = 0;
            for (int i = 0; i < Waves; i++)
            {
                var d = Directions[i];
                sum += Math.Cos((d.X * p.X) + (d.Y * p.Y) + (d.Z * p.Z) + Phases[i]);
            }

            return sum;
        }
    }

    /// <summary>One visit's continuous phantom: body, tumour ellipsoid and the two habitat fields with their thresholds.</summary>
    private sealed class Phantom(Vec3 tumourCentre, Vec3 radii, Field t2, Field adc, Vec3 anatomyShift, Vec3 fieldOfView)
    {
        private readonly Vec3 _body = new(0.44 * fieldOfView.X, 0.42 * fieldOfView.Y, 0.45 * fieldOfView.Z);
        private double _t2Threshold, _adcThreshold;

        /// <summary>Thresholds at the quantiles that make the given fractions of the tumour (T2 grid) "high".</summary>
        public void SetFractions(ImageGeometry grid, double highT2, double highAdc)
        {
            var a = new List<double>();
            var b = new List<double>();
            ForTumourVoxels(grid, Vec3.Zero, (_, p) =>
            {
                a.Add(t2.At(p - anatomyShift));
                b.Add(adc.At(p - anatomyShift));
            });
            a.Sort();
            b.Sort();
            _t2Threshold = a[(int)((1 - highT2) * (a.Count - 1))];
            _adcThreshold = b[(int)((1 - highAdc) * (b.Count - 1))];
        }

        /// <summary>Habitat 1..4 at a point of the tumour, 0 outside it.</summary>
        public int Habitat(Vec3 p)
        {
            if (!InTumour(p))
            {
                return 0;
            }

            var q = p - anatomyShift;
            return 1 + (t2.At(q) > _t2Threshold ? 0 : 1) + (adc.At(q) > _adcThreshold ? 0 : 2);
        }

        public double Value(Vec3 p, int channel)
        {
            var b = p - anatomyShift;
            if (Square(b.X / _body.X) + Square(b.Y / _body.Y) + Square(b.Z / _body.Z) > 1)
            {
                return 0;
            }

            return Habitat(p) switch
            {
                0 => channel == 0 ? TissueT2 : TissueAdc,
                int h => channel == 0 ? (h is 1 or 3 ? HighT2 : LowT2) : (h <= 2 ? HighAdc : LowAdc),
            };
        }

        public LabelMap Labels(ImageGeometry grid)
        {
            var labels = new byte[grid.VoxelCount];
            ForTumourVoxels(grid, Vec3.Zero, (i, p) => labels[i] = (byte)Habitat(p));
            return new LabelMap(new Image<byte>(grid, labels));
        }

        public LabelMap Mask(ImageGeometry grid, Vec3 contentShift)
        {
            var labels = new byte[grid.VoxelCount];
            ForTumourVoxels(grid, contentShift, (i, _) => labels[i] = 1);
            return new LabelMap(new Image<byte>(grid, labels));
        }

        private bool InTumour(Vec3 p)
        {
            var d = p - tumourCentre;
            return Square(d.X / radii.X) + Square(d.Y / radii.Y) + Square(d.Z / radii.Z) <= 1;
        }

        private void ForTumourVoxels(ImageGeometry grid, Vec3 contentShift, Action<int, Vec3> action)
        {
            var size = grid.Size;
            for (int z = 0, i = 0; z < size.Z; z++)
            {
                for (int y = 0; y < size.Y; y++)
                {
                    for (int x = 0; x < size.X; x++, i++)
                    {
                        var p = grid.IndexToPhysical(x, y, z) - contentShift;
                        if (InTumour(p))
                        {
                            action(i, p);
                        }
                    }
                }
            }
        }

        private static double Square(double v) => v * v;
    }
}
