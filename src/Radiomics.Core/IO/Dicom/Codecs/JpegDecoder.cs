using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Radiomics.IO.Dicom.Codecs;

/// <summary>
/// JPEG (ITU-T T.81) with Huffman coding: lossless process 14 with any selection value (1.2.840.10008.1.2.4.57) and
/// selection value 1 (…4.70), baseline 8-bit (…4.50) and extended 12-bit (…4.51) sequential DCT of grey images.
/// Progressive, hierarchical and arithmetic-coded streams and colour DCT (which needs libjpeg's upsampling and colour
/// conversion) are reported as unsupported.
/// </summary>
public sealed class JpegDecoder : IFrameDecoder
{
    public const string Baseline = "1.2.840.10008.1.2.4.50";
    public const string Extended = "1.2.840.10008.1.2.4.51";
    public const string Lossless = "1.2.840.10008.1.2.4.57";
    public const string LosslessFirstOrder = "1.2.840.10008.1.2.4.70";

    private const string Codec = "JPEG";

    public IReadOnlyList<string> TransferSyntaxUids { get; } = [Baseline, Extended, Lossless, LosslessFirstOrder];

    public void Decode(ReadOnlySpan<byte> encoded, FrameFormat format, Span<byte> output, string filePath) =>
        FrameDecoding.Decode(Codec, encoded, format, output, filePath, (data, f, o) => Write(DecodeStream(data, f), f, o));

    private static JpegFrame DecodeStream(ReadOnlySpan<byte> data, FrameFormat format)
    {
        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8)
        {
            throw new CodecStreamException("the frame does not start with a JPEG start-of-image marker");
        }

        var dcTables = new JpegHuffmanTable?[4];
        var acTables = new JpegHuffmanTable?[4];
        var quantTables = new int[]?[4];
        JpegFrame? frame = null;
        var restartInterval = 0;
        var pointTransform = 0;
        var p = 2;
        while (true)
        {
            while (p < data.Length && data[p] == 0xFF && p + 1 < data.Length && data[p + 1] == 0xFF)
            {
                p++;
            }

            if (p + 1 >= data.Length)
            {
                break; // no end-of-image marker: accept when every component has been decoded (checked below)
            }

            if (data[p] != 0xFF)
            {
                throw new CodecStreamException($"expected a marker at byte {p}, found 0x{data[p]:X2}");
            }

            var marker = data[p + 1];
            p += 2;
            if (marker == 0xD9)
            {
                break;
            }

            if (marker is >= 0xD0 and <= 0xD7 or 0x01)
            {
                continue;
            }

            var segment = FrameDecoding.MarkerSegment(data, ref p, marker);
            switch (marker)
            {
                case 0xC0 or 0xC1 or 0xC3:
                    if (frame is not null)
                    {
                        throw new CodecStreamException("a second frame header");
                    }

                    frame = ReadFrame(marker, segment, format);
                    break;
                case 0xC4:
                    ReadHuffmanTables(segment, dcTables, acTables);
                    break;
                case 0xDB:
                    ReadQuantTables(segment, quantTables);
                    break;
                case 0xDD:
                    if (segment.Length < 2)
                    {
                        throw new CodecStreamException("a short restart interval segment");
                    }

                    restartInterval = BinaryPrimitives.ReadUInt16BigEndian(segment);
                    break;
                case 0xDA:
                    if (frame is null)
                    {
                        throw new CodecStreamException("a scan before the frame header");
                    }

                    var scan = ReadScan(segment, frame, dcTables, acTables, out var ss, out var se, out var ah, out var al);
                    pointTransform = al;
                    if (frame.IsLossless)
                    {
                        p = JpegLosslessScan.Decode(data, p, frame, scan, dcTables!, ss, al, restartInterval);
                    }
                    else
                    {
                        if (ss != 0 || se != 63 || ah != 0 || al != 0)
                        {
                            throw new CodecStreamException($"a sequential scan with spectral selection {ss}–{se} and approximation {ah}/{al}");
                        }

                        p = JpegDctScan.Decode(data, p, frame, scan, dcTables!, acTables!, quantTables, restartInterval);
                    }

                    break;
                case 0xC2 or 0xC5 or 0xC6 or 0xC7 or >= 0xC9 and <= 0xCB or >= 0xCD and <= 0xCF:
                    throw CodecStreamException.Unsupported($"JPEG process with frame marker SOF{marker - 0xC0} (progressive, hierarchical or arithmetic coding)");
                case 0xC8 or 0xCC:
                    throw CodecStreamException.Unsupported("arithmetic-coded JPEG");
                default:
                    break; // APPn, COM, DNL and others: skipped
            }
        }

        if (frame is null || frame.Components.Any(c => !c.Decoded))
        {
            throw new CodecStreamException("the stream ends before every component has been decoded");
        }

        if (frame.IsLossless && pointTransform > 0)
        {
            foreach (var c in frame.Components)
            {
                var samples = c.Samples;
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = (samples[i] << pointTransform) & 0xFFFF;
                }
            }
        }

        return frame;
    }

    private static JpegFrame ReadFrame(int marker, ReadOnlySpan<byte> s, FrameFormat format)
    {
        if (s.Length < 6)
        {
            throw new CodecStreamException("a short frame header");
        }

        int precision = s[0];
        int height = BinaryPrimitives.ReadUInt16BigEndian(s[1..]);
        int width = BinaryPrimitives.ReadUInt16BigEndian(s[3..]);
        int count = s[5];
        if (s.Length < 6 + (3 * count))
        {
            throw new CodecStreamException("a short frame header");
        }

        if (height != format.Rows || width != format.Columns || count != format.SamplesPerPixel)
        {
            throw new CodecStreamException(
                $"the JPEG frame is {width}×{height} with {count} components; the data set declares {format.Columns}×{format.Rows} with {format.SamplesPerPixel}");
        }

        var lossless = marker == 0xC3;
        if (lossless ? precision is < 2 or > 16 : precision is not (8 or 12) || (marker == 0xC0 && precision != 8))
        {
            throw new CodecStreamException($"sample precision {precision} is not valid for frame marker SOF{marker - 0xC0}");
        }

        if (precision > format.BitsAllocated)
        {
            throw new CodecStreamException($"sample precision {precision} exceeds BitsAllocated {format.BitsAllocated}");
        }

        var components = new JpegComponent[count];
        for (var i = 0; i < count; i++)
        {
            var c = s.Slice(6 + (3 * i), 3);
            components[i] = new JpegComponent { Id = c[0], H = c[1] >> 4, V = c[1] & 15, QuantTable = c[2] & 3 };
            if (components[i].H is < 1 or > 4 || components[i].V is < 1 or > 4)
            {
                throw new CodecStreamException($"component {c[0]} has sampling factors {components[i].H}×{components[i].V}");
            }
        }

        var maxH = components.Max(c => c.H);
        var maxV = components.Max(c => c.V);
        if (count > 1 && components.Any(c => c.H != 1 || c.V != 1))
        {
            throw CodecStreamException.Unsupported("subsampled colour components");
        }

        if (count > 1 && !lossless)
        {
            throw CodecStreamException.Unsupported("colour DCT (lossy) JPEG; only grey lossy JPEG is decoded");
        }

        return new JpegFrame
        {
            Marker = marker, Precision = precision, Width = width, Height = height, Components = components, MaxH = maxH, MaxV = maxV,
        };
    }

    private static void ReadHuffmanTables(ReadOnlySpan<byte> s, JpegHuffmanTable?[] dc, JpegHuffmanTable?[] ac)
    {
        while (s.Length > 0)
        {
            if (s.Length < 17)
            {
                throw new CodecStreamException("a short Huffman table");
            }

            int tc = s[0] >> 4, th = s[0] & 15;
            var counts = s.Slice(1, 16);
            var total = 0;
            foreach (var n in counts)
            {
                total += n;
            }

            if (tc > 1 || th > 3 || total > 256 || s.Length < 17 + total)
            {
                throw new CodecStreamException("an invalid Huffman table");
            }

            var table = JpegHuffmanTable.Create(counts, s.Slice(17, total));
            (tc == 0 ? dc : ac)[th] = table;
            s = s[(17 + total)..];
        }
    }

    private static void ReadQuantTables(ReadOnlySpan<byte> s, int[]?[] tables)
    {
        var natural = JpegDctScan.NaturalOrder;
        while (s.Length > 0)
        {
            int pq = s[0] >> 4, tq = s[0] & 15;
            var size = pq == 0 ? 64 : 128;
            if (pq > 1 || tq > 3 || s.Length < 1 + size)
            {
                throw new CodecStreamException("an invalid quantisation table");
            }

            var table = new int[64];
            for (var k = 0; k < 64; k++)
            {
                table[natural[k]] = pq == 0 ? s[1 + k] : BinaryPrimitives.ReadUInt16BigEndian(s[(1 + (2 * k))..]);
            }

            tables[tq] = table;
            s = s[(1 + size)..];
        }
    }

    private static JpegComponent[] ReadScan(
        ReadOnlySpan<byte> s, JpegFrame frame, JpegHuffmanTable?[] dc, JpegHuffmanTable?[] ac,
        out int ss, out int se, out int ah, out int al)
    {
        int count = s.Length > 0 ? s[0] : 0;
        if (count < 1 || count > 4 || s.Length < 4 + (2 * count))
        {
            throw new CodecStreamException("an invalid scan header");
        }

        var scan = new JpegComponent[count];
        for (var i = 0; i < count; i++)
        {
            int id = s[1 + (2 * i)], tables = s[2 + (2 * i)];
            var component = frame.Components.FirstOrDefault(c => c.Id == id)
                ?? throw new CodecStreamException($"the scan names component {id}, which the frame does not have");
            component.DcTable = tables >> 4;
            component.AcTable = tables & 15;
            if (component.DcTable > 3 || dc[component.DcTable] is null
                || (!frame.IsLossless && (component.AcTable > 3 || ac[component.AcTable] is null)))
            {
                throw new CodecStreamException($"component {id} uses a Huffman table that is not defined");
            }

            scan[i] = component;
        }

        var tail = s[(1 + (2 * count))..];
        ss = tail[0];
        se = tail[1];
        ah = tail[2] >> 4;
        al = tail[2] & 15;
        return scan;
    }

    private static void Write(JpegFrame frame, FrameFormat format, Span<byte> output)
    {
        var width = frame.Width;
        var height = frame.Height;
        var spp = frame.Components.Length;
        var bytes = format.BitsAllocated / 8;
        if (spp == 1 && bytes == 2 && BitConverter.IsLittleEndian)
        {
            var grey = frame.Components[0];
            var target = MemoryMarshal.Cast<byte, ushort>(output);
            for (var y = 0; y < height; y++)
            {
                var row = grey.Samples.AsSpan(y * grey.Stride, width);
                var o = target.Slice(y * width, width);
                for (var x = 0; x < row.Length; x++)
                {
                    o[x] = (ushort)row[x];
                }
            }

            return;
        }

        for (var c = 0; c < spp; c++)
        {
            var component = frame.Components[c];
            var samples = component.Samples;
            for (var y = 0; y < height; y++)
            {
                var row = samples.AsSpan(y * component.Stride, width);
                for (var x = 0; x < width; x++)
                {
                    var pixel = (y * width) + x;
                    var index = format.PlanarConfiguration == 0 ? (pixel * spp) + c : (c * width * height) + pixel;
                    FrameDecoding.WriteSample(output, index, bytes, row[x]);
                }
            }
        }
    }
}
