namespace Radiomics.IO.Dicom.Codecs;

/// <summary>
/// Decodes one sequential Huffman DCT scan (baseline process 1 and extended process 2/4), T.81 annex F: per block a
/// DC difference and run-length coded AC coefficients in zig-zag order, dequantised and inverse transformed with
/// libjpeg's islow IDCT into the components' sample planes.
/// </summary>
internal static class JpegDctScan
{
    /// <summary>Zig-zag index to natural (row-major) index.</summary>
    public static ReadOnlySpan<byte> NaturalOrder =>
    [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21,
        28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61,
        54, 47, 55, 62, 63,
    ];

    /// <summary>Decodes the scan starting at <paramref name="position"/>; returns the position of the marker after it.</summary>
    public static int Decode(
        ReadOnlySpan<byte> data, int position, JpegFrame frame, JpegComponent[] scan, JpegHuffmanTable[] dcTables,
        JpegHuffmanTable[] acTables, int[]?[] quantTables, int restartInterval)
    {
        var mcusX = (frame.Width + (8 * frame.MaxH) - 1) / (8 * frame.MaxH);
        var mcusY = (frame.Height + (8 * frame.MaxV) - 1) / (8 * frame.MaxV);
        foreach (var component in frame.Components)
        {
            if (component.Samples.Length == 0)
            {
                component.Stride = mcusX * component.H * 8;
                component.Samples = new int[component.Stride * mcusY * component.V * 8];
            }
        }

        int blocksX, blocksY;
        if (scan.Length == 1)
        {
            var c = scan[0];
            blocksX = (((frame.Width * c.H) + frame.MaxH - 1) / frame.MaxH + 7) / 8;
            blocksY = (((frame.Height * c.V) + frame.MaxV - 1) / frame.MaxV + 7) / 8;
        }
        else
        {
            blocksX = mcusX;
            blocksY = mcusY;
        }

        var quant = new int[scan.Length][];
        for (var i = 0; i < scan.Length; i++)
        {
            quant[i] = quantTables[scan[i].QuantTable]
                ?? throw new CodecStreamException($"component {scan[i].Id} uses quantisation table {scan[i].QuantTable}, which is not defined");
        }

        var predictions = new int[scan.Length];
        Span<int> coefficients = stackalloc int[64];
        var reader = new JpegBitReader(data, position);
        var mcu = 0;
        var nextRestart = 0;
        for (var my = 0; my < blocksY; my++)
        {
            for (var mx = 0; mx < blocksX; mx++)
            {
                if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0)
                {
                    reader.Restart(nextRestart);
                    nextRestart = (nextRestart + 1) & 7;
                    Array.Clear(predictions);
                }

                mcu++;
                for (var i = 0; i < scan.Length; i++)
                {
                    var c = scan[i];
                    var (h, v) = scan.Length == 1 ? (1, 1) : (c.H, c.V);
                    for (var by = 0; by < v; by++)
                    {
                        for (var bx = 0; bx < h; bx++)
                        {
                            DecodeBlock(ref reader, dcTables[c.DcTable], acTables[c.AcTable], ref predictions[i], coefficients);
                            var x0 = ((mx * h) + bx) * 8;
                            var y0 = ((my * v) + by) * 8;
                            JpegIslowIdct.Transform(coefficients, quant[i], frame.Precision, c.Samples, (y0 * c.Stride) + x0, c.Stride);
                        }
                    }
                }
            }

            if (reader.Overrun)
            {
                throw new CodecStreamException($"the entropy-coded data ends at block row {my + 1} of {blocksY}");
            }
        }

        foreach (var component in scan)
        {
            component.Decoded = true;
        }

        return reader.EndOfScan();
    }

    private static void DecodeBlock(ref JpegBitReader reader, JpegHuffmanTable dc, JpegHuffmanTable ac, ref int prediction, scoped Span<int> coefficients)
    {
        coefficients.Clear();
        var s = reader.Decode(dc);
        if (s > 16)
        {
            throw new CodecStreamException($"a DC difference category of {s} bits");
        }

        if (s != 0)
        {
            prediction += Extend(reader.ReadBits(s), s);
        }

        coefficients[0] = prediction;
        var natural = NaturalOrder;
        for (var k = 1; k < 64; k++)
        {
            var rs = reader.Decode(ac);
            var r = rs >> 4;
            s = rs & 15;
            if (s != 0)
            {
                k += r;
                if (k > 63)
                {
                    throw new CodecStreamException("an AC coefficient run passes the end of its block");
                }

                coefficients[natural[k]] = Extend(reader.ReadBits(s), s);
            }
            else if (r == 15)
            {
                k += 15;
            }
            else
            {
                break;
            }
        }
    }

    private static int Extend(int v, int s) => v < 1 << (s - 1) ? v - (1 << s) + 1 : v;
}
