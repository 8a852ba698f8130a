namespace Radiomics.IO;

/// <summary>CRC-32 (ISO 3309, the gzip trailer's) and Adler-32 (the zlib trailer's), computed incrementally.</summary>
internal static class Checksums
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    public static uint Crc32(uint crc, ReadOnlySpan<byte> data)
    {
        uint c = ~crc;
        foreach (byte b in data)
        {
            c = CrcTable[(c ^ b) & 0xff] ^ (c >> 8);
        }

        return ~c;
    }

    public static uint Adler32(uint adler, ReadOnlySpan<byte> data)
    {
        const uint Mod = 65521;
        const int MaxRun = 5552; // the longest run whose sums cannot overflow 32 bits (zlib's NMAX)
        uint a = adler & 0xffff, b = adler >> 16;
        while (data.Length > 0)
        {
            int n = Math.Min(MaxRun, data.Length);
            foreach (byte x in data[..n])
            {
                a += x;
                b += a;
            }

            a %= Mod;
            b %= Mod;
            data = data[n..];
        }

        return (b << 16) | a;
    }

    private static uint[] BuildCrcTable()
    {
        var t = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xedb88320u ^ (c >> 1) : c >> 1;
            }

            t[n] = c;
        }

        return t;
    }
}
