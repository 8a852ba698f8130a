namespace Radiomics.Habitats.Workflows;

/// <summary>One scan of a habitat analysis: an image file and its tumour mask on the same grid.</summary>
/// <param name="Image">Image file (any format <see cref="IO.ImageFile"/> reads); for a multi-parametric scan, the first channel's.</param>
/// <param name="Mask">Mask file on the image's grid.</param>
public sealed record HabitatScan(string Image, string Mask)
{
    /// <summary>
    /// The channels of a multi-parametric scan (sequences or parametric maps), by name, the reference first, on the
    /// mask's grid; empty for a single image. A channel on another grid is brought onto the reference grid by
    /// <see cref="HabitatsWorkflowSettings.ChannelAligner"/>. Each channel is normalised and mapped on its own, its
    /// feature names prefixed by its name ("T2.intensity"), and all are clustered together.
    /// </summary>
    public IReadOnlyList<HabitatChannel> Channels { get; init; } = [];
}

/// <summary>One channel of a multi-parametric scan.</summary>
/// <param name="Name">The channel's name (e.g. "T2", "ADC"): the prefix of its feature names.</param>
/// <param name="Image">The channel's image file (on the scan's mask grid, or brought onto it by the workflow's channel aligner).</param>
public sealed record HabitatChannel(string Name, string Image);
