namespace Radiomics.IO.Dicom.Codecs;

/// <summary>
/// Reads a JPEG-LS scan's bits (ITU-T T.87 A.1): most significant bit first; after each 0xFF byte the next byte's top
/// bit is a stuffed zero and only its seven low bits carry data; 0xFF followed by a byte ≥ 0x80 is a marker and ends
/// the scan. Zero bits supplied past the end are counted, so a scan that needs them is reported as truncated.
/// </summary>
internal ref struct JpegLsBitReader
{
    private readonly ReadOnlySpan<byte> data;
    private ulong buffer;
    private int bits;
    private int padding;
    private bool afterFF;
    private bool atMarker;

    public JpegLsBitReader(ReadOnlySpan<byte> data, int position)
    {
        this.data = data;
        Position = position;
    }

    public int Position { get; private set; }

    public readonly bool Overrun => bits < padding;

    private void Fill()
    {
        while (bits <= 56)
        {
            if (atMarker || Position >= data.Length)
            {
                padding += 8;
                bits += 8;
                continue;
            }

            var b = data[Position];
            if (afterFF)
            {
                if (b >= 0x80)
                {
                    atMarker = true;
                    continue;
                }

                buffer |= (ulong)b << (57 - bits);
                bits += 7;
                Position++;
                afterFF = false;
                continue;
            }

            if (b == 0xFF && (Position + 1 >= data.Length || data[Position + 1] >= 0x80))
            {
                atMarker = true;
                continue;
            }

            buffer |= (ulong)b << (56 - bits);
            bits += 8;
            Position++;
            afterFF = b == 0xFF;
        }
    }

    /// <summary>Reads <paramref name="n"/> bits (0–31) as an unsigned number.</summary>
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

        var v = (int)(buffer >> (64 - n));
        buffer <<= n;
        bits -= n;
        return v;
    }

    public bool ReadBit() => ReadBits(1) != 0;

    /// <summary>Counts zero bits up to the next one bit (consumed); more than <paramref name="limit"/> zeros is corrupt.</summary>
    public int ReadUnary(int limit)
    {
        var count = 0;
        while (true)
        {
            if (bits < 32)
            {
                Fill();
            }

            if (buffer != 0)
            {
                var zeros = System.Numerics.BitOperations.LeadingZeroCount(buffer);
                if (zeros < bits)
                {
                    count += zeros;
                    buffer <<= zeros + 1;
                    bits -= zeros + 1;
                    break;
                }
            }

            if (padding > 0)
            {
                throw new CodecStreamException("a Golomb code runs past the end of the scan data");
            }

            count += bits;
            buffer = 0;
            bits = 0;
            if (count > limit)
            {
                throw new CodecStreamException("a Golomb code is longer than its limit");
            }
        }

        if (count > limit)
        {
            throw new CodecStreamException("a Golomb code is longer than its limit");
        }

        return count;
    }

    /// <summary>The position of the marker that ends the scan.</summary>
    public readonly int EndOfScan()
    {
        var p = Position;
        while (p + 1 < data.Length && !(data[p] == 0xFF && data[p + 1] >= 0x80))
        {
            p++;
        }

        return p;
    }
}
