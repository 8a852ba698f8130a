using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Radiomics.IO.Dicom.Codecs;

namespace Radiomics.IO.Dicom;

/// <summary>
/// Reads the frames of one file with native (uncompressed) pixel data straight from where its header said the pixel
/// data lies, into the output volume: no second parse of the file and no copy of the whole file in memory. When the
/// voxel type has the sample's width the samples are read into the output itself and converted there.
/// </summary>
internal static class NativePixelReader
{
    /// <summary>True when every slice of the file knows where its native pixel data lies.</summary>
    public static bool Applies(IEnumerable<(DicomSlice Slice, int Z)> slices)
    {
        foreach (var (s, _) in slices)
        {
            if (s.NativePixelData is null || s.Format.BitsAllocated < 8)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads each slice's frame of <paramref name="path"/> into its plane of <paramref name="volume"/>.</summary>
    public static void Read<T>(string path, IEnumerable<(DicomSlice Slice, int Z)> slices, Memory<T> volume, int plane, bool invertMonochrome1)
        where T : unmanaged, INumber<T>
    {
        using SafeFileHandle handle = Open(path);
        long fileLength = RandomAccess.GetLength(handle);
        byte[]? scratch = null;
        try
        {
            foreach (var (s, z) in slices)
            {
                var (offset, length) = s.NativePixelData!.Value;
                var format = s.Format;
                if (offset + length > fileLength)
                {
                    throw new ImageFileException(path, ImageFileProblem.Truncated, $"the value of {DicomDictionary.Name(DicomTags.PixelData)} {DicomTags.PixelData} at byte {offset} needs {length} bytes but only {Math.Max(0, fileLength - offset)} remain.");
                }

                long frameLength = format.DecodedLength;
                if (length < frameLength * s.FrameCount)
                {
                    throw new ImageFileException(path, ImageFileProblem.DataLengthMismatch, $"PixelData holds {length} bytes; {s.FrameCount} frame(s) of {format.Columns}×{format.Rows} at {format.BitsAllocated} bits need {frameLength * s.FrameCount}.");
                }

                var destination = volume.Span.Slice(z * plane, plane);
                var (slope, intercept) = s.Rescale(invertMonochrome1);
                bool inPlace = System.Runtime.CompilerServices.Unsafe.SizeOf<T>() * 8 == format.BitsAllocated;
                Span<byte> samples;
                if (inPlace)
                {
                    samples = MemoryMarshal.AsBytes(destination);
                }
                else
                {
                    scratch ??= ArrayPool<byte>.Shared.Rent((int)frameLength);
                    samples = scratch.AsSpan(0, (int)frameLength);
                }

                ReadExactly(handle, samples, offset + (frameLength * s.Frame), path);
                if (s.BigEndian)
                {
                    Swap(samples, format.BitsAllocated);
                }

                if (!(inPlace && Verbatim<T>(format, slope, intercept)))
                {
                    // In place, each voxel is read before it is written at the same bytes.
                    DicomPixelData.ToValues(samples, format, slope, intercept, destination);
                }
            }
        }
        finally
        {
            if (scratch is not null)
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
        }
    }

    /// <summary>The stored samples already are the voxel values: full-width samples of the voxel type, no rescale.</summary>
    private static bool Verbatim<T>(FrameFormat format, double slope, double intercept)
    {
        if (slope != 1 || intercept != 0 || format.BitsStored != format.BitsAllocated)
        {
            return false;
        }

        return format.IsSigned
            ? typeof(T) == typeof(short) || typeof(T) == typeof(int) || typeof(T) == typeof(sbyte)
            : typeof(T) == typeof(ushort) || typeof(T) == typeof(uint) || typeof(T) == typeof(byte);
    }

    private static void Swap(Span<byte> samples, int bitsAllocated)
    {
        if (bitsAllocated == 16)
        {
            var s = MemoryMarshal.Cast<byte, ushort>(samples);
            BinaryPrimitives.ReverseEndianness(s, s);
        }
        else if (bitsAllocated == 32)
        {
            var s = MemoryMarshal.Cast<byte, uint>(samples);
            BinaryPrimitives.ReverseEndianness(s, s);
        }
    }

    private static void ReadExactly(SafeFileHandle handle, Span<byte> buffer, long offset, string path)
    {
        while (buffer.Length > 0)
        {
            int n = RandomAccess.Read(handle, buffer, offset);
            if (n <= 0)
            {
                throw new ImageFileException(path, ImageFileProblem.Truncated, $"the pixel data ends at byte {offset}, before the frame does.");
            }

            buffer = buffer[n..];
            offset += n;
        }
    }

    private static SafeFileHandle Open(string path)
    {
        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (FileNotFoundException e)
        {
            throw new ImageFileException(path, ImageFileProblem.NotFound, "no such file.", e);
        }
    }
}
