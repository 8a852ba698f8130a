namespace Radiomics.IO.Dicom.Codecs;

/// <summary>
/// A canonical Huffman table from a DHT segment (T.81 annex C and F.2.2.3): a lookup of the codes up to
/// <see cref="FastBits"/> bits, and the MINCODE/MAXCODE/VALPTR arrays for longer codes.
/// </summary>
internal sealed class JpegHuffmanTable
{
    public const int FastBits = 9;

    private JpegHuffmanTable(byte[] values)
    {
        Values = values;
    }

    /// <summary>Indexed by the next <see cref="FastBits"/> bits: (code length &lt;&lt; 8) | symbol, or 0 for longer codes.</summary>
    public ushort[] Fast { get; } = new ushort[1 << FastBits];

    public int[] MaxCode { get; } = new int[18];

    public int[] MinCode { get; } = new int[17];

    public int[] ValueOffset { get; } = new int[17];

    public byte[] Values { get; }

    /// <summary>Builds a table from BITS (codes per length 1–16) and HUFFVAL; rejects tables that overfill the code space.</summary>
    public static JpegHuffmanTable Create(ReadOnlySpan<byte> counts, ReadOnlySpan<byte> values)
    {
        var table = new JpegHuffmanTable(values.ToArray());
        var code = 0;
        var k = 0;
        for (var length = 1; length <= 16; length++)
        {
            int n = counts[length - 1];
            table.ValueOffset[length] = k;
            table.MinCode[length] = code;
            if (n == 0)
            {
                table.MaxCode[length] = -1;
            }
            else
            {
                if (code + n > 1 << length)
                {
                    throw new CodecStreamException("a Huffman table defines more codes than its lengths allow");
                }

                if (length <= FastBits)
                {
                    for (var i = 0; i < n; i++)
                    {
                        var first = (code + i) << (FastBits - length);
                        var entry = (ushort)((length << 8) | values[k + i]);
                        table.Fast.AsSpan(first, 1 << (FastBits - length)).Fill(entry);
                    }
                }

                table.MaxCode[length] = code + n - 1;
            }

            code = (code + n) << 1;
            k += n;
        }

        table.MaxCode[17] = int.MaxValue;
        return table;
    }
}
