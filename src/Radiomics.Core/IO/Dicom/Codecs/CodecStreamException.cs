namespace Radiomics.IO.Dicom.Codecs;

/// <summary>
/// A compressed stream is damaged or uses a feature the decoder does not implement. Thrown inside the decoders, which
/// know no file name, and turned into an <see cref="ImageFileException"/> naming the file by <see cref="FrameDecoding"/>.
/// </summary>
internal sealed class CodecStreamException(string detail, bool unsupported = false) : Exception(detail)
{
    /// <summary>The stream is valid but uses a feature the decoder does not implement.</summary>
    public bool IsUnsupported { get; } = unsupported;

    public static CodecStreamException Unsupported(string detail) => new(detail, unsupported: true);
}
