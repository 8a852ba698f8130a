namespace Radiomics.IO.Dicom.Codecs;

/// <summary>Checks shared by every decoder: the output size, and turning stream errors into errors naming the file.</summary>
internal static class FrameDecoding
{
    /// <summary>Throws unless the output span and the frame format agree and the format is one decoders write.</summary>
    public static void CheckOutput(string codec, FrameFormat format, int outputLength, string filePath)
    {
        if (format.Rows <= 0 || format.Columns <= 0 || format.SamplesPerPixel is not (1 or 3)
            || format.BitsAllocated is not (8 or 16 or 32) || format.BitsStored < 1 || format.BitsStored > format.BitsAllocated)
        {
            throw new ImageFileException(filePath, ImageFileProblem.Unsupported,
                $"{codec}: cannot decode a frame of {format.Rows}×{format.Columns}, {format.SamplesPerPixel} samples per pixel, "
                + $"{format.BitsStored} of {format.BitsAllocated} bits");
        }

        if (outputLength != format.DecodedLength)
        {
            throw new ArgumentException(
                $"The output holds {outputLength} bytes but the frame needs {format.DecodedLength}.", nameof(outputLength));
        }
    }

    /// <summary>The error for a damaged stream, naming the file and the codec.</summary>
    public static ImageFileException Error(string codec, string filePath, CodecStreamException e) =>
        new(filePath, e.IsUnsupported ? ImageFileProblem.Unsupported : ImageFileProblem.CorruptCompression, $"{codec}: {e.Message}", e);
}
