namespace Radiomics.IO.Dicom.Codecs;

/// <summary>Decodes one encapsulated frame of a compressed transfer syntax into native pixel samples.</summary>
public interface IFrameDecoder
{
    /// <summary>The transfer syntax UIDs this decoder reads.</summary>
    IReadOnlyList<string> TransferSyntaxUids { get; }

    /// <summary>
    /// Decodes one frame (its fragments concatenated) into little-endian samples of <paramref name="format"/>:
    /// exactly <see cref="FrameFormat.DecodedLength"/> bytes, sample values as stored (no rescale).
    /// </summary>
    /// <param name="encoded">The compressed frame.</param>
    /// <param name="format">The frame's size and sample layout from the data set.</param>
    /// <param name="output">Receives the decoded frame; its length is <see cref="FrameFormat.DecodedLength"/>.</param>
    /// <param name="filePath">The DICOM file, named in errors.</param>
    /// <exception cref="ImageFileException">The stream is corrupt, truncated, lies about its size or uses an unsupported
    /// feature (problem <see cref="ImageFileProblem.CorruptCompression"/> or <see cref="ImageFileProblem.Unsupported"/>).</exception>
    void Decode(ReadOnlySpan<byte> encoded, FrameFormat format, Span<byte> output, string filePath);
}
