using System.Buffers.Binary;

namespace Radiomics.IO.Dicom.Codecs;

/// <summary>
/// JPEG-LS (ITU-T T.87) lossless (1.2.840.10008.1.2.4.80) and near-lossless (…4.81): 2–16-bit samples, grey or
/// colour, non-interleaved or line-interleaved, with preset coding parameters (LSE id 1). Sample-interleaved colour,
/// mapping tables and the colour transforms of T.870 are reported as unsupported.
/// </summary>
public sealed class JpegLsDecoder : IFrameDecoder
{
    public const string JpegLsLossless = "1.2.840.10008.1.2.4.80";
    public const string JpegLsNearLossless = "1.2.840.10008.1.2.4.81";

    private const string Codec = "JPEG-LS";

    public IReadOnlyList<string> TransferSyntaxUids { get; } = [JpegLsLossless, JpegLsNearLossless];

    public void Decode(ReadOnlySpan<byte> encoded, FrameFormat format, Span<byte> output, string filePath) =>
        FrameDecoding.Decode(Codec, encoded, format, output, filePath, DecodeFrame);

    private static void DecodeFrame(ReadOnlySpan<byte> data, FrameFormat format, Span<byte> output)
    {
        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8)
        {
            throw new CodecStreamException("the frame does not start with a JPEG start-of-image marker");
        }

        int precision = 0, width = 0, height = 0;
        int[] componentIds = [];
        int[][] planes = [];
        var decoded = Array.Empty<bool>();
        int maxVal = 0, t1 = 0, t2 = 0, t3 = 0, reset = 0;
        var pointTransform = 0;
        var p = 2;
        while (p + 1 < data.Length)
        {
            if (data[p] != 0xFF)
            {
                throw new CodecStreamException($"expected a marker at byte {p}, found 0x{data[p]:X2}");
            }

            var marker = data[p + 1];
            p += 2;
            if (marker == 0xFF)
            {
                p--;
                continue;
            }

            if (marker == 0xD9)
            {
                break;
            }

            var s = FrameDecoding.MarkerSegment(data, ref p, marker);
            switch (marker)
            {
                case 0xF7:
                    if (planes.Length > 0 || s.Length < 6)
                    {
                        throw new CodecStreamException("a second or short frame header");
                    }

                    precision = s[0];
                    height = BinaryPrimitives.ReadUInt16BigEndian(s[1..]);
                    width = BinaryPrimitives.ReadUInt16BigEndian(s[3..]);
                    int count = s[5];
                    if (height != format.Rows || width != format.Columns || count != format.SamplesPerPixel)
                    {
                        throw new CodecStreamException(
                            $"the JPEG-LS frame is {width}×{height} with {count} components; the data set declares {format.Columns}×{format.Rows} with {format.SamplesPerPixel}");
                    }

                    if (precision is < 2 or > 16 || precision > format.BitsAllocated || s.Length < 6 + (3 * count))
                    {
                        throw new CodecStreamException($"sample precision {precision} does not fit BitsAllocated {format.BitsAllocated}");
                    }

                    componentIds = new int[count];
                    planes = new int[count][];
                    decoded = new bool[count];
                    for (var i = 0; i < count; i++)
                    {
                        componentIds[i] = s[6 + (3 * i)];
                        if (s[7 + (3 * i)] != 0x11)
                        {
                            throw CodecStreamException.Unsupported("subsampled JPEG-LS components");
                        }

                        planes[i] = new int[(height + 1) * (width + 2)];
                    }

                    break;
                case 0xF8:
                    if (s.Length < 1)
                    {
                        throw new CodecStreamException("an empty JPEG-LS preset parameters segment");
                    }

                    if (s[0] != 1)
                    {
                        throw CodecStreamException.Unsupported($"JPEG-LS preset parameters of type {s[0]} (mapping tables or oversize images)");
                    }

                    if (s.Length < 11)
                    {
                        throw new CodecStreamException("a short JPEG-LS preset parameters segment");
                    }

                    maxVal = BinaryPrimitives.ReadUInt16BigEndian(s[1..]);
                    t1 = BinaryPrimitives.ReadUInt16BigEndian(s[3..]);
                    t2 = BinaryPrimitives.ReadUInt16BigEndian(s[5..]);
                    t3 = BinaryPrimitives.ReadUInt16BigEndian(s[7..]);
                    reset = BinaryPrimitives.ReadUInt16BigEndian(s[9..]);
                    break;
                case 0xDA:
                    if (planes.Length == 0)
                    {
                        throw new CodecStreamException("a scan before the frame header");
                    }

                    int ns = s.Length > 0 ? s[0] : 0;
                    if (ns < 1 || s.Length < 4 + (2 * ns))
                    {
                        throw new CodecStreamException("an invalid scan header");
                    }

                    var scanPlanes = new int[ns][];
                    for (var i = 0; i < ns; i++)
                    {
                        var index = Array.IndexOf(componentIds, (int)s[1 + (2 * i)]);
                        if (index < 0 || decoded[index])
                        {
                            throw new CodecStreamException($"the scan names component {s[1 + (2 * i)]}, which the frame does not have or was decoded");
                        }

                        if (s[2 + (2 * i)] != 0)
                        {
                            throw CodecStreamException.Unsupported("JPEG-LS mapping tables");
                        }

                        decoded[index] = true;
                        scanPlanes[i] = planes[index];
                    }

                    var tail = s[(1 + (2 * ns))..];
                    int near = tail[0], interleave = tail[1];
                    pointTransform = tail[2] & 15;
                    if (interleave > 2 || (ns > 1 && interleave == 0))
                    {
                        throw new CodecStreamException($"interleave mode {interleave} with {ns} components in the scan");
                    }

                    if (ns > 1 && interleave == 2)
                    {
                        throw CodecStreamException.Unsupported("sample-interleaved JPEG-LS colour");
                    }

                    var parameters = JpegLsParameters.Resolve(precision - pointTransform, near, maxVal, t1, t2, t3, reset);
                    p = JpegLsScan.Decode(data, p, parameters, scanPlanes, width, height);
                    break;
                default:
                    if (marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC))
                    {
                        throw CodecStreamException.Unsupported($"a JPEG frame marker 0x{marker:X2} in a JPEG-LS stream");
                    }

                    break; // APPn, COM: skipped
            }
        }

        if (planes.Length == 0 || decoded.Any(d => !d))
        {
            throw new CodecStreamException("the stream ends before every component has been decoded");
        }

        Write(planes, width, height, pointTransform, format, output);
    }

    private static void Write(int[][] planes, int width, int height, int pointTransform, FrameFormat format, Span<byte> output)
    {
        var spp = planes.Length;
        var bytes = format.BitsAllocated / 8;
        var stride = width + 2;
        for (var c = 0; c < spp; c++)
        {
            var plane = planes[c];
            for (var y = 0; y < height; y++)
            {
                var row = plane.AsSpan(((y + 1) * stride) + 1, width);
                for (var x = 0; x < width; x++)
                {
                    var pixel = (y * width) + x;
                    var index = format.PlanarConfiguration == 0 ? (pixel * spp) + c : (c * width * height) + pixel;
                    FrameDecoding.WriteSample(output, index, bytes, row[x] << pointTransform);
                }
            }
        }
    }
}
