using System.Buffers.Binary;
using System.IO.Compression;

namespace Radiomics.TestSupport;

/// <summary>
/// Small compressed files (.nii.gz, gzip .nrrd, zlib .mha) whose header honestly declares a huge float image of zeros: the file is tiny because zeros
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
        WriteZeros(z, (long)nx * ny * nz * sizeof(float));
    }

    /// <summary>An attached gzip NRRD of float zeros (LPS, 1 mm, identity).</summary>
    public static void WriteNrrdGzZeros(string path, int nx, int ny, int nz)
    {
        using var file = File.Create(path);
        file.Write(System.Text.Encoding.ASCII.GetBytes(
            $"NRRD0004\ntype: float\ndimension: 3\nspace: left-posterior-superior\nsizes: {nx} {ny} {nz}\n" +
            "space directions: (1,0,0) (0,1,0) (0,0,1)\nkinds: domain domain domain\nendian: little\nencoding: gzip\nspace origin: (0,0,0)\n\n"));
        using var z = new GZipStream(file, CompressionLevel.SmallestSize);
        WriteZeros(z, (long)nx * ny * nz * sizeof(float));
    }

    /// <summary>A MetaImage with zlib-compressed float zeros in the same file (ElementDataFile = LOCAL).</summary>
    public static void WriteMhaZlibZeros(string path, int nx, int ny, int nz)
    {
        using var file = File.Create(path);
        file.Write(System.Text.Encoding.ASCII.GetBytes(
            $"ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = False\nCompressedData = True\n" +
            $"TransformMatrix = 1 0 0 0 1 0 0 0 1\nOffset = 0 0 0\nElementSpacing = 1 1 1\nDimSize = {nx} {ny} {nz}\nElementType = MET_FLOAT\nElementDataFile = LOCAL\n"));
        using var z = new ZLibStream(file, CompressionLevel.SmallestSize);
        WriteZeros(z, (long)nx * ny * nz * sizeof(float));
    }

    private static void WriteZeros(Stream z, long bytes)
    {
        var zeros = new byte[1 << 20];
        long left = bytes;
        while (left > 0)
        {
            int n = (int)Math.Min(left, zeros.Length);
            z.Write(zeros, 0, n);
            left -= n;
        }
    }
}
