namespace Radiomics.IO.Dicom.Codecs;

/// <summary>What a decoded frame must look like, from the image pixel module of the data set.</summary>
/// <param name="Rows">Rows (0028,0010).</param>
/// <param name="Columns">Columns (0028,0011).</param>
/// <param name="SamplesPerPixel">SamplesPerPixel (0028,0002): 1 for grey images.</param>
/// <param name="BitsAllocated">BitsAllocated (0028,0100): 8, 16 or 32.</param>
/// <param name="BitsStored">BitsStored (0028,0101).</param>
/// <param name="IsSigned">PixelRepresentation (0028,0103) is 1.</param>
/// <param name="PlanarConfiguration">PlanarConfiguration (0028,0006) of the decoded output: 0 interleaved, 1 planes.</param>
public readonly record struct FrameFormat(
    int Rows, int Columns, int SamplesPerPixel, int BitsAllocated, int BitsStored, bool IsSigned, int PlanarConfiguration = 0)
{
    /// <summary>Bytes of one decoded frame: rows × columns × samples × BitsAllocated / 8.</summary>
    public long DecodedLength => (long)Rows * Columns * SamplesPerPixel * (BitsAllocated / 8);
}
