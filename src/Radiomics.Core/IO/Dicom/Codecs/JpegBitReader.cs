using System.Runtime.CompilerServices;

namespace Radiomics.IO.Dicom.Codecs;

/// <summary>
/// Reads the entropy-coded segment of a JPEG scan (ITU-T T.81 F.2.2.5): most significant bit first, a stuffed zero
/// after each 0xFF removed, stopping at the next marker. Past a marker or the end of the data it supplies zero bits,
/// as libjpeg does, but counts them, so a scan that consumes them is reported as truncated rather than decoded.
/// </summary>
internal ref struct JpegBitReader
{
    private readonly ReadOnlySpan<byte> data;
    private ulong buffer;
    private int bits;
    private int padding;
    private bool atMarker;

    public JpegBitReader(ReadOnlySpan<byte> data, int position)
    {
        this.data = data;
        Position = position;
    }

    /// <summary>The next byte not yet taken into the bit buffer.</summary>
    public int Position { get; private set; }

    /// <summary>True when the decoder has consumed zero bits supplied past a marker or the end of the data.</summary>
    public readonly bool Overrun => bits < padding;

    public void Fill()
    {
        while (bits <= 56)
        {
            uint b = 0;
            if (!atMarker && Position < data.Length)
            {
                b = data[Position];
                if (b == 0xFF)
                {
                    if (Position + 1 < data.Length && data[Position + 1] == 0)
                    {
                        Position += 2;
                    }
                    else
                    {
                        atMarker = true;
                        b = 0;
                        padding += 8;
                    }
                }
                else
                {
                    Position++;
                }
            }
            else
            {
                padding += 8;
            }

            buffer |= (ulong)b << (56 - bits);
            bits += 8;
        }
    }

    /// <summary>The next <paramref name="n"/> bits (1–32) without consuming them; call <see cref="Fill"/> first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int Peek(int n) => (int)(buffer >> (64 - n));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Skip(int n)
    {
        buffer <<= n;
        bits -= n;
    }

    /// <summary>Reads <paramref name="n"/> bits (0–16) as an unsigned number.</summary>
    public int ReadBits(int n)
    {
        if (n == 0)
        {
            return 0;
        }

        if (bits < n)
        {
            Fill();
        }

        var v = Peek(n);
        Skip(n);
        return v;
    }

    /// <summary>Reads one bit.</summary>
    public int ReadBit() => ReadBits(1);

    /// <summary>
    /// Decodes one lossless difference (T.81 H.1.2.2): a Huffman-coded category SSSS, then SSSS extra bits (none for
    /// 16, whose difference is 32768).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DecodeDifference(JpegHuffmanTable table)
    {
        if (bits < 32)
        {
            Fill();
        }

        int ssss;
        var entry = table.Fast[Peek(JpegHuffmanTable.FastBits)];
        if (entry != 0)
        {
            Skip(entry >> 8);
            ssss = entry & 0xFF;
        }
        else
        {
            ssss = DecodeSlow(table);
        }

        if (ssss == 0)
        {
            return 0;
        }

        if (ssss >= 16)
        {
            return ssss == 16 ? 32768 : throw new CodecStreamException($"a lossless difference category of {ssss} bits (at most 16)");
        }

        var v = Peek(ssss);
        Skip(ssss);
        return v < 1 << (ssss - 1) ? v - (1 << ssss) + 1 : v;
    }

    /// <summary>Decodes one Huffman-coded symbol.</summary>
    public int Decode(JpegHuffmanTable table)
    {
        if (bits < 16)
        {
            Fill();
        }

        var entry = table.Fast[Peek(JpegHuffmanTable.FastBits)];
        if (entry != 0)
        {
            Skip(entry >> 8);
            return entry & 0xFF;
        }

        return DecodeSlow(table);
    }

    private int DecodeSlow(JpegHuffmanTable table)
    {
        var code16 = Peek(16);
        for (var length = JpegHuffmanTable.FastBits + 1; length <= 16; length++)
        {
            var code = code16 >> (16 - length);
            if (code <= table.MaxCode[length])
            {
                Skip(length);
                return table.Values[table.ValueOffset[length] + code - table.MinCode[length]];
            }
        }

        throw new CodecStreamException("an entropy-coded segment holds a code its Huffman table does not define");
    }

    /// <summary>
    /// Ends an entropy-coded segment at a restart interval: drops the buffered bits and expects marker RST
    /// <paramref name="expected"/> (0–7) at the current position, then continues after it.
    /// </summary>
    public void Restart(int expected)
    {
        buffer = 0;
        bits = 0;
        padding = 0;
        atMarker = false;
        while (Position < data.Length && data[Position] == 0xFF && Position + 1 < data.Length && data[Position + 1] == 0xFF)
        {
            Position++;
        }

        if (Position + 1 >= data.Length || data[Position] != 0xFF || data[Position + 1] != 0xD0 + expected)
        {
            throw new CodecStreamException($"restart marker RST{expected} is missing at byte {Position}");
        }

        Position += 2;
    }

    /// <summary>The position of the marker that ends the scan (drops buffered bits).</summary>
    public int EndOfScan()
    {
        var p = Position;
        while (p + 1 < data.Length && !(data[p] == 0xFF && data[p + 1] != 0 && data[p + 1] != 0xFF && data[p + 1] is < 0xD0 or > 0xD7))
        {
            p++;
        }

        return p;
    }
}
