using Radiomics.Numerics;
using Radiomics.Processing;
using System.Diagnostics;
using System.Text.Json;
using Radiomics.Features;
using Radiomics.Habitats.Model;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Propagation;
using Radiomics.Longitudinal.Registration;
using Radiomics.Longitudinal.Resampling;
using Radiomics.Longitudinal.Study;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Tables;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>
/// One subject of a study, start to finish: registration of each follow-up with the baseline, masks propagated where a
/// follow-up has none (Dice where it has one), the Jacobian volume change, features at every time point, habitats and
/// their transitions; everything written into the subject's folder, <c>done.json</c> last.
/// </summary>
/// <param name="settings">The study's settings.</param>
/// <param name="layout">The study folder.</param>
/// <param name="habitatModel">The cohort habitat model (null: no habitats).</param>
/// <param name="registration">Follow-up registration (null: none).</param>
/// <param name="settingsHash">The settings' fingerprint, written into <c>done.json</c>.</param>
/// <param name="baselineMaps">Baseline voxel feature maps by subject ID, computed while fitting the habitat model, so they are not computed again.</param>
internal sealed class SubjectPipeline(
    StudySettings settings, StudyLayout layout, HabitatModel? habitatModel, IImageRegistration? registration, string settingsHash,
    IReadOnlyDictionary<string, Habitats.VoxelFeatures.VoxelFeatureMap>? baselineMaps = null)
{
    public SubjectOutcome Run(Subject subject, IProgress<(string Step, double Fraction)>? progress, CancellationToken cancellation)
    {
        var total = Stopwatch.StartNew();
        var timings = new Dictionary<string, double>(StringComparer.Ordinal);
        Directory.CreateDirectory(layout.SubjectFolder(subject.Id));
        int steps = (2 * subject.TimePoints.Count) + 2, step = 0;
        void Report(string name) => progress?.Report((name, (double)step++ / steps));

        Report("loading baseline");
        var baseline = subject.Baseline;
        var parallel = new Parallelism(settings.Threads);
        var baseImage = ReadImage(baseline);
        var baseChannels = VisitChannels.Load(baseline, baseImage, settings.ChannelRegistration, parallel, cancellation);
        var baseMask = VisitChannels.Mask(baseline, settings.Region, baseChannels, parallel) ?? throw new StudyException(
            $"Subject '{subject.Id}': the baseline ({baseline.Id}) has no '{settings.Region}' mask; every subject needs one at baseline.");
        var scans = new List<ScanResult> { new(baseline, baseImage, baseMask, "given") { Channels = baseChannels } };
        var transforms = new Dictionary<string, ITransform>(StringComparer.Ordinal);
        var deltaMaps = settings.DeltaMaps ? new DeltaMapStage(layout, subject.Id, settings.WriteMaps, parallel) : null;
        var registrations = new List<RegistrationRecord>();
        double baselineVolume = baseMask.Count(1) * baseImage.Geometry.VoxelVolume;

        foreach (var followUp in subject.FollowUps)
        {
            cancellation.ThrowIfCancellationRequested();
            Report($"registering {followUp.Id}");
            var image = ReadImage(followUp);
            var channels = VisitChannels.Load(followUp, image, settings.ChannelRegistration, parallel, cancellation);
            var given = VisitChannels.Mask(followUp, settings.Region, channels, parallel);
            if (registration is null)
            {
                scans.Add(new ScanResult(followUp, image, given ?? throw new StudyException(
                    $"Subject '{subject.Id}', time point '{followUp.Id}': no '{settings.Region}' mask, and registration is off so none can be propagated."), "given") { Channels = channels });
                continue;
            }

            var watch = Stopwatch.StartNew();
            // The baseline is the moving image: its masks are then pulled onto the follow-up grid without inverting anything.
            var result = registration.Execute(image, baseImage, progress: null, cancellation);
            timings[$"registration {followUp.Id}"] = watch.Elapsed.TotalSeconds;
            transforms[followUp.Id] = result.Transform;
            var propagated = MaskPropagation.Propagate(baseMask, result.Transform, image.Geometry, LabelInterpolation.LinearArgMax, parallel);
            var mask = given ?? propagated;
            var field = DisplacementField.Sample(result.Transform, image.Geometry, parallel);
            var jacobian = DisplacementField.JacobianDeterminant(field, parallel);
            var minimumJacobian = MinimumInside(jacobian.Voxels, mask.Voxels);
            var folding = Folding.Of(jacobian);
            double voxel = image.Geometry.VoxelVolume;
            long count = mask.Count(1);
            double seconds = watch.Elapsed.TotalSeconds;
            var back = Stopwatch.StartNew();
            var (volumeRatio, jacobianMap) = JacobianVolumeChange.Measure(
                registration, jacobian.Voxels, mask, baseImage, image, baseMask, settings.VolumeChangeOnExpandingMap, parallel, cancellation);
            if (jacobianMap == JacobianMap.BaselineToFollowUp)
            {
                timings[$"volume change {followUp.Id}"] = back.Elapsed.TotalSeconds;
            }

            registrations.Add(new RegistrationRecord(
                subject.Id, followUp.Id, given is null ? "propagated" : "given", result.MetricValue, seconds,
                given is null ? double.NaN : Overlap.Dice(given, propagated), baselineVolume, count * voxel, count * voxel / baselineVolume,
                volumeRatio, minimumJacobian, folding.MinimumJacobian, folding.FoldedVolumeMm3, jacobianMap));
            if (settings.WriteMaps)
            {
                if (given is null)
                {
                    ImageFile.Write(propagated, layout.SubjectMap(subject.Id, followUp.Id, settings.Region));
                    if (DicomMapOutput.IsDicomSeries(followUp.ImagePath))
                    {
                        DicomMapOutput.Write(propagated, followUp.ImagePath, layout.SubjectMapSegmentation(subject.Id, followUp.Id, settings.Region), settings.Region, $"{settings.Region} propagated from {baseline.Id}");
                    }
                }

                ImageFile.Write(jacobian, layout.SubjectMap(subject.Id, followUp.Id, "jacobian"));
            }

            scans.Add(new ScanResult(followUp, image, mask, given is null ? "propagated" : "given") { Channels = channels });
            deltaMaps?.Add(scans[0], scans[^1], field);
        }

        var tables = new List<FeatureTable>();
        foreach (var scan in scans)
        {
            cancellation.ThrowIfCancellationRequested();
            Report($"features {scan.TimePoint.Id}");
            var watch = Stopwatch.StartNew();
            var (image, mask) = settings.FeaturesInBaselineFrame && transforms.TryGetValue(scan.TimePoint.Id, out var toBaseline)
                ? (InBaselineFrame(scan.Image, toBaseline, baseImage.Geometry, parallel), baseMask)
                : (scan.Image, scan.Mask);
            try
            {
                // Every channel of a multi-parametric visit on the reference grid inside the reference mask; the reference
                // channel exactly as a single-channel scan's image (in the baseline frame when asked).
                foreach (var channel in scan.Channels)
                {
                    var channelImage = channel.Id == scan.Channels[0].Id ? image : channel.Image;
                    var channelMask = channel.Id == scan.Channels[0].Id ? mask : scan.Mask;
                    tables.Add(FeatureExtractor.Extract(channelImage, channelMask, settings.Features)
                        .WithSubject(subject.Id).WithTimePoint(scan.TimePoint.Id).WithRegion(settings.Region).WithChannel(channel.Id));
                }
            }
            catch (RadiomicsException e) when (e is not StudyException)
            {
                throw new StudyException($"{HabitatNormalisation.ScanName(subject.Id, scan.TimePoint.Id, "features")}: {e.Message}", e);
            }
            timings[$"features {scan.TimePoint.Id}"] = watch.Elapsed.TotalSeconds;
        }

        var transitions = new List<TransitionRecord>();
        var habitatFeatures = new List<HabitatFeatureTable>();
        var habitatSkips = new List<HabitatFeatureSkip>();
        LabelMap? baselineHabitats = null;
        if (habitatModel is not null && settings.Habitats is { } habitatSettings)
        {
            Report("habitats");
            var watch = Stopwatch.StartNew();
            // The model's own features, normalisation and N4 (a model fitted elsewhere is applied as it was fitted);
            // the study's voxel features for older models that do not record theirs.
            var model = habitatModel.Training.Settings;
            model = model with { VoxelFeatures = model.VoxelFeatures ?? habitatSettings.Model.VoxelFeatures };
            foreach (var scan in scans)
            {
                var voxelFeatures = scan.TimePoint == baseline && baselineMaps is not null && baselineMaps.TryGetValue(subject.Id, out var cached)
                    ? cached
                    : VisitChannels.HabitatMap(scan.Channels, scan.Mask, model, HabitatNormalisation.ScanName(subject.Id, scan.TimePoint.Id, "habitats"));
                var map = habitatModel.Predict(voxelFeatures);
                var summary = HabitatSummary.Compute(map, habitatModel.HabitatCount);
                tables.Add(new FeatureTable(HabitatFeatureRows.Of(summary, VisitChannels.Named(scan.Channels), map, subject.Id, scan.TimePoint.Id, settings.Region)));
                if (habitatSettings.PerHabitatFeatures)
                {
                    var featureWatch = Stopwatch.StartNew();
                    try
                    {
                        var (perHabitat, skips) = HabitatFeatures.Extract(
                            VisitChannels.Named(scan.Channels), map, habitatModel.HabitatCount, settings.Features, subject.Id, scan.TimePoint.Id, settings.Region);
                        habitatFeatures.Add(perHabitat);
                        habitatSkips.AddRange(skips);
                    }
                    catch (RadiomicsException e) when (e is not StudyException)
                    {
                        throw new StudyException($"{HabitatNormalisation.ScanName(subject.Id, scan.TimePoint.Id, "habitat features")}: {e.Message}", e);
                    }

                    timings[$"habitat features {scan.TimePoint.Id}"] = featureWatch.Elapsed.TotalSeconds;
                }

                if (settings.WriteMaps)
                {
                    ImageFile.Write(map, layout.SubjectMap(subject.Id, scan.TimePoint.Id, "habitats"));
                    if (DicomMapOutput.IsDicomSeries(scan.TimePoint.ImagePath))
                    {
                        DicomMapOutput.Write(map, scan.TimePoint.ImagePath, layout.SubjectMapSegmentation(subject.Id, scan.TimePoint.Id, "habitats"), "Habitat", "Habitats");
                    }
                }

                if (baselineHabitats is null)
                {
                    baselineHabitats = map;
                }
                else if (transforms.TryGetValue(scan.TimePoint.Id, out var transform))
                {
                    var before = MaskPropagation.Propagate(baselineHabitats, transform, scan.Image.Geometry, LabelInterpolation.NearestNeighbor, parallel);
                    transitions.AddRange(TransitionRecord.Of(subject.Id, baseline.Id, scan.TimePoint.Id, HabitatTransitions.Compute(before, map, habitatModel.HabitatCount)));
                }
            }

            timings["habitats"] = watch.Elapsed.TotalSeconds;
        }

        var deltaVoxels = deltaMaps?.Finish(baseline.Id, baselineHabitats, habitatModel?.HabitatCount ?? 0) ?? [];
        if (deltaMaps is null)
        {
            File.Delete(layout.SubjectDeltaVoxels(subject.Id));
        }

        var repeats = FeatureTable.Empty;
        if (settings.Stability is { } stability)
        {
            Report("stability");
            var watch = Stopwatch.StartNew();
            var (perturbed, skipped) = Stability.PerturbedExtraction.Extract(subject.Id, baseImage, baseMask, settings.Features, stability);
            repeats = perturbed.WithRegion(settings.Region);
            repeats.WriteCsv(layout.SubjectStabilityRepeats(subject.Id));
            // Perturbations that emptied a small mask are reported beside the repeats instead of failing the subject.
            AtomicFile.WriteAllText(
                Path.Combine(layout.SubjectFolder(subject.Id), "stability_skipped.csv"),
                RecordTable.ToCsv(Stability.SkippedPerturbation.Columns, skipped));
            timings["stability"] = watch.Elapsed.TotalSeconds;
        }
        else
        {
            // A rerun without stability must not pick up the repeats of an earlier run.
            File.Delete(layout.SubjectStabilityRepeats(subject.Id));
        }

        var features = FeatureTable.Concat(tables);
        features.WriteCsv(layout.SubjectFeatures(subject.Id));
        var perHabitatFeatures = HabitatFeatureTable.Concat(habitatFeatures);
        if (habitatModel is not null && settings.Habitats is { PerHabitatFeatures: true })
        {
            perHabitatFeatures.WriteCsv(layout.SubjectHabitatFeatures(subject.Id));
            HabitatFeatureSkip.WriteCsv(layout.SubjectHabitatFeaturesSkipped(subject.Id), habitatSkips);
        }
        else
        {
            // A rerun without them must not pick up an earlier run's.
            File.Delete(layout.SubjectHabitatFeatures(subject.Id));
            File.Delete(layout.SubjectHabitatFeaturesSkipped(subject.Id));
        }

        RegistrationRecord.WriteCsv(layout.SubjectRegistrations(subject.Id), registrations);
        TransitionRecord.WriteCsv(layout.SubjectTransitions(subject.Id), transitions);
        timings["total"] = total.Elapsed.TotalSeconds;
        var done = new SubjectDone(subject.Id, settingsHash, subject.TimePoints.ToDictionary(t => t.Id, t => t.Day), timings, DateTimeOffset.UtcNow);
        AtomicFile.WriteAllText(layout.SubjectDone(subject.Id), JsonSerializer.Serialize(done, SubjectDone.Json));
        progress?.Report(("done", 1));
        return new SubjectOutcome(subject.Id, Resumed: false, features, registrations, transitions, repeats, done)
        {
            DeltaVoxels = deltaVoxels, HabitatFeatures = perHabitatFeatures, HabitatFeatureSkips = habitatSkips,
        };
    }

    /// <summary>
    /// The follow-up resampled onto the baseline grid: the registration maps follow-up points to baseline points, so
    /// its dense field is inverted (numerically) to pull follow-up intensities onto baseline voxels.
    /// </summary>
    private static Image<float> InBaselineFrame(Image<float> followUp, ITransform followUpToBaseline, ImageGeometry baseline, Parallelism parallel)
    {
        var field = DisplacementFieldTransform.Adopt(DisplacementField.Sample(followUpToBaseline, followUp.Geometry, parallel));
        var baselineToFollowUp = DisplacementField.Invert(field, baseline, parallelism: parallel);
        return Resampler.Resample(followUp, baselineToFollowUp, baseline, Interpolator.Linear, defaultValue: 0, parallel);
    }

    private static Image<float> ReadImage(TimePoint timePoint) => ImageFile.Read<float>(timePoint.ImagePath);

    private static double MinimumInside(ReadOnlySpan<float> values, ReadOnlySpan<byte> mask)
    {
        double minimum = double.PositiveInfinity;
        for (int i = 0; i < values.Length; i++)
        {
            if (mask[i] != 0)
            {
                minimum = Math.Min(minimum, values[i]);
            }
        }

        return minimum;
    }
}
