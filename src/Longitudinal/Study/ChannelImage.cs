namespace Radiomics.Longitudinal.Study;

/// <summary>One channel (sequence or parametric map) of a multi-parametric visit: its ID and image.</summary>
/// <param name="Id">The channel's name in the study (e.g. "T2", "ADC"); a plain name, used in output names and table columns.</param>
/// <param name="ImagePath">Absolute path of the channel's image file, or of a DICOM series folder or one file of it.</param>
/// <param name="SourceLine">Line of the manifest that named the channel first.</param>
public sealed record ChannelImage(string Id, string ImagePath, int SourceLine = 0);
