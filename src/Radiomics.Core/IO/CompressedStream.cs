using System.Buffers.Binary;
using System.IO.Compression;

namespace Radiomics.IO;

/// <summary>The two deflate framings image formats use.</summary>
internal enum Compression
{
    /// <summary>RFC 1952 gzip (NIfTI .nii.gz, NRRD gzip): trailer CRC-32 and ISIZE, little-endian.</summary>
    Gzip,

    /// <summary>RFC 1950 zlib (MetaImage CompressedData): trailer Adler-32, big-endian.</summary>
    Zlib,
}

/// <summary>
/// Decompresses voxel data from the current position of a file to its end and, in <see cref="Finish"/>, verifies
/// what the .NET decompressors leave unchecked when a stream is cut or followed by other bytes: the stream must end
/// exactly at the end of the file, and the trailer's checksum and length must match the data. One member only: a
/// multi-member gzip (bgzip) or trailing bytes are refused in every format alike.
/// </summary>
internal sealed class CompressedStream : Stream
{
    private readonly string _path;
    private readonly FileStream _file;
    private readonly Compression _kind;
    private readonly Stream _inner;
    private uint _check;
    private long _length;

    public CompressedStream(string path, FileStream file, Compression kind)
    {
        _path = path;
        _file = file;
        _kind = kind;
        _check = kind == Compression.Gzip ? 0u : 1u;
        _inner = kind == Compression.Gzip
            ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true)
            : new ZLibStream(file, CompressionMode.Decompress, leaveOpen: true);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = _inner.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new ImageFileException(_path, ImageFileProblem.CorruptCompression, $"{e.Message} (after {_length} decompressed bytes)", e);
        }

        var got = buffer[..n];
        _check = _kind == Compression.Gzip ? Checksums.Crc32(_check, got) : Checksums.Adler32(_check, got);
        _length += n;
        return n;
    }

    /// <summary>Confirms that no data follows and that the trailer's checksum (and, for gzip, length) match.</summary>
    public void Finish()
    {
        VoxelBuffer.EnsureEnd(_path, this);
        int trailer = _kind == Compression.Gzip ? 8 : 4;
        if (_file.Length < trailer)
        {
            throw new ImageFileException(_path, ImageFileProblem.Truncated, "the compressed stream has no trailer.");
        }

        Span<byte> t = stackalloc byte[8];
        _file.Position = _file.Length - trailer;
        if (_file.ReadAtLeast(t[..trailer], trailer, throwOnEndOfStream: false) < trailer)
        {
            throw new ImageFileException(_path, ImageFileProblem.Truncated, "the compressed stream's trailer cannot be read.");
        }

        if (_kind == Compression.Gzip)
        {
            uint crc = BinaryPrimitives.ReadUInt32LittleEndian(t);
            uint isize = BinaryPrimitives.ReadUInt32LittleEndian(t[4..]);
            if (crc != _check || isize != (uint)_length)
            {
                throw new ImageFileException(_path, ImageFileProblem.CorruptCompression,
                    $"the gzip trailer (CRC-32 {crc:x8}, length {isize}) does not match the {_length} decompressed bytes (CRC-32 {_check:x8}): " +
                    "the file is cut short, has bytes after the compressed data, or holds several gzip members.");
            }
        }
        else
        {
            uint adler = BinaryPrimitives.ReadUInt32BigEndian(t);
            if (adler != _check)
            {
                throw new ImageFileException(_path, ImageFileProblem.CorruptCompression,
                    $"the zlib trailer (Adler-32 {adler:x8}) does not match the {_length} decompressed bytes (Adler-32 {_check:x8}): " +
                    "the file is cut short or has bytes after the compressed data.");
            }
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
