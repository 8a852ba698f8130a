using Radiomics.Habitats.Workflows;
using Radiomics.Imaging;
using Radiomics.Longitudinal.Registration;
using Radiomics.Longitudinal.Resampling;
using Radiomics.Numerics;
using Radiomics.Processing;

namespace Radiomics.Longitudinal.Pipeline;

/// <summary>
/// A channel brought onto the reference channel's grid as a study's visit does it (<see cref="VisitChannels"/>):
/// registered to the reference (<see cref="StudySettings.DefaultChannelRegistration"/> unless told otherwise; null trusts
/// the headers) and resampled trilinearly. <c>radiomics habitats --channel</c> uses it for channels on other grids.
/// </summary>
/// <param name="registration">The channel registration; null: the headers' frame (no registration).</param>
/// <param name="parallelism">Threads.</param>
public sealed class ChannelAligner(ImageRegistrationSettings? registration, Parallelism parallelism = default) : IChannelAligner
{
    public Image<float> Align(Image<float> reference, Image<float> channel, string scan)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(channel);
        ChannelGrids.EnsureOverlap(reference.Geometry, channel.Geometry, scan);
        var transform = VisitChannels.Register(reference, channel, registration, parallelism);
        return Resampler.Resample(channel, transform, reference.Geometry, Interpolator.Linear, defaultValue: 0, parallelism);
    }
}
