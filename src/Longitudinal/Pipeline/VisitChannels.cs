using Radiomics.Habitats.Model;
using Radiomics.Habitats.VoxelFeatures;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Propagation;
using Radiomics.Longitudinal.Registration;
using Radiomics.Longitudinal.Resampling;
using Radiomics.Longitudinal.Study;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Numerics;
using Radiomics.Processing;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>One channel of a visit on the reference channel's grid, with the transform that put it there.</summary>
/// <param name="Id">The channel's ID.</param>
/// <param name="Image">The channel resampled (trilinear) onto the reference grid; the reference image itself for the reference.</param>
/// <param name="Transform">Reference points to the channel's points (identity for the reference, or when channel registration is off).</param>
internal sealed record VisitChannel(string Id, Image<float> Image, ITransform Transform);

/// <summary>
/// The channels of a multi-parametric visit brought onto the reference channel's grid: each other channel registered
/// to the reference (a translation by default, Mattes mutual information, from the headers' frame; skipped when
/// <see cref="StudySettings.ChannelRegistration"/> is null) and resampled trilinearly; a mask drawn on another
/// channel's grid carried onto the reference grid through the same transform (linear interpolation, arg-max).
/// </summary>
internal static class VisitChannels
{
    /// <summary>Every channel of the visit on the reference grid, the reference first; a single-channel visit gives its image alone.</summary>
    public static IReadOnlyList<VisitChannel> Load(TimePoint visit, Image<float> reference, ImageRegistrationSettings? registration, Parallelism parallel, CancellationToken cancellation = default)
    {
        var result = new List<VisitChannel> { new(visit.ReferenceChannel ?? "", reference, AffineTransform.Identity) };
        foreach (var channel in visit.Channels.Where(c => c.Id != visit.ReferenceChannel))
        {
            cancellation.ThrowIfCancellationRequested();
            var image = ImageFile.Read<float>(channel.ImagePath);
            var transform = Register(reference, image, registration, parallel, cancellation);
            result.Add(new VisitChannel(channel.Id, Resampler.Resample(image, transform, reference.Geometry, Interpolator.Linear, defaultValue: 0, parallel), transform));
        }

        return result;
    }

    /// <summary>The transform from reference points to the channel's points: registration from the headers' frame, or identity.</summary>
    public static ITransform Register(Image<float> reference, Image<float> channel, ImageRegistrationSettings? registration, Parallelism parallel, CancellationToken cancellation = default)
    {
        if (registration is null)
        {
            return AffineTransform.Identity;
        }

        var method = new ImageRegistrationMethod(registration) { NumberOfThreads = parallel.Threads };
        return method.Execute(reference, channel, progress: null, cancellation).Transform;
    }

    /// <summary>
    /// The region's mask on the reference grid: read on the grid of the channel it was drawn on and carried through
    /// that channel's transform when it is not the reference; null when the visit has no mask of the region.
    /// </summary>
    public static LabelMap? Mask(TimePoint visit, string region, IReadOnlyList<VisitChannel> channels, Parallelism parallel)
    {
        var reference = channels[0].Image.Geometry;
        if (visit.MaskChannels.TryGetValue(region, out var id) && channels.FirstOrDefault(c => c.Id == id) is { } channel)
        {
            var native = ImageFile.ReadHeader(visit.Channels.First(c => c.Id == id).ImagePath).Geometry;
            var mask = TimePointMasks.Read(visit, region, native);
            return mask is null ? null : MaskPropagation.Propagate(mask, channel.Transform, reference, LabelInterpolation.LinearArgMax, parallel);
        }

        return TimePointMasks.Read(visit, region, reference);
    }

    /// <summary>The voxel feature map of a visit's channels on the reference grid (<see cref="HabitatVoxelFeatures.Map(IReadOnlyList{ValueTuple{string, Image{float}}}, LabelMap, HabitatSettings, string, byte?, IReadOnlyList{IVoxelFeature}?)"/>); <paramref name="scan"/> names the scan in errors.</summary>
    public static VoxelFeatureMap HabitatMap(IReadOnlyList<VisitChannel> channels, LabelMap mask, HabitatSettings model, string scan) =>
        HabitatVoxelFeatures.Map(Named(channels), mask, model, scan);

    /// <summary>The channels as (name, image) pairs, the reference first ("" for a single-channel visit).</summary>
    public static IReadOnlyList<(string Name, Image<float> Image)> Named(IReadOnlyList<VisitChannel> channels) => [.. channels.Select(c => (c.Id, c.Image))];
}
