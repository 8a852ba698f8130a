using System.Buffers.Binary;
using System.IO.Compression;

namespace Radiomics.TestSupport;

/// <summary>
/// A small .nii.gz whose header honestly declares a huge float image of zeros: the file is tiny because zeros
/// compress ~1000:1, but decoding it would need the whole declared size. Written by hand from the NIfTI-1 layout,
/// so the tests do not depend on the writer they test; the zeros are compressed as they are written.
/// </summary>
public static class HonestHeaderFile
{
    public static void WriteNiftiGzZeros(string path, int nx, int ny, int nz)
    {
        var header = new byte[352];
        var h = header.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(h, 348);
        short[] dim = [3, (short)nx, (short)ny, (short)nz, 1, 1, 1, 1];
        for (int i = 0; i < dim.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(h[(40 + 2 * i)..], dim[i]);
        }

        BinaryPrimitives.WriteInt16LittleEndian(h[70..], 16); // datatype: float32
        BinaryPrimitives.WriteInt16LittleEndian(h[72..], 32); // bitpix
        for (int i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(h[(76 + 4 * i)..], 1f); // pixdim (qfac 1, 1 mm)
        }

        BinaryPrimitives.WriteSingleLittleEndian(h[108..], 352f); // vox_offset
        BinaryPrimitives.WriteSingleLittleEndian(h[112..], 1f); // scl_slope
        BinaryPrimitives.WriteInt16LittleEndian(h[254..], 1); // sform_code: scanner
        // srow_x, srow_y, srow_z: identity affine.
        BinaryPrimitives.WriteSingleLittleEndian(h[280..], 1f);
        BinaryPrimitives.WriteSingleLittleEndian(h[300..], 1f);
        BinaryPrimitives.WriteSingleLittleEndian(h[320..], 1f);
        "n+1\0"u8.CopyTo(h[344..]);

        using var file = File.Create(path);
        using var z = new GZipStream(file, CompressionLevel.SmallestSize);
        z.Write(header);
        var zeros = new byte[1 << 20];
        long left = (long)nx * ny * nz * sizeof(float);
        while (left > 0)
        {
            int n = (int)Math.Min(left, zeros.Length);
            z.Write(zeros, 0, n);
            left -= n;
        }
    }
}
