using Radiomics.Imaging;

namespace Radiomics.Habitats.Workflows;

/// <summary>Brings one channel of a multi-parametric scan onto the reference channel's grid (registration, then resampling).</summary>
public interface IChannelAligner
{
    /// <summary>The channel on <paramref name="reference"/>'s grid.</summary>
    /// <param name="reference">The reference channel.</param>
    /// <param name="channel">The channel to bring onto the reference grid.</param>
    /// <param name="scan">How errors name the scan and channel.</param>
    /// <exception cref="InvalidInputException">The two grids do not overlap.</exception>
    Image<float> Align(Image<float> reference, Image<float> channel, string scan);
}
