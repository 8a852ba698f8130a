using System.Buffers.Binary;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.IO;

/// <summary><c>radiomics info</c> streams NIfTI, NRRD and MetaImage voxels: the same summary as reading the image whole, without holding it.</summary>
public sealed class ImageSummaryStreamingTests
{
    private static ImageGeometry Grid(int x, int y, int z) => new(new Size3(x, y, z), new Vec3(0.8, 0.9, 2.5), new Vec3(-10, 5, 3), Matrix3.Identity);

    public static TheoryData<string, string> Cases => new()
    {
        { "uint8", ".nii" }, { "int16", ".nii.gz" }, { "float", ".nii" }, { "float", ".nii.gz" }, { "scaled", ".nii" }, { "vector", ".nii.gz" },
        { "int16", ".nrrd" }, { "float", ".nrrd" }, { "vector", ".nrrd" }, { "float", ".nhdr" }, { "float", "-raw.nrrd" }, { "int16", "-raw.nhdr" },
        { "uint8", ".mha" }, { "float", ".mha" }, { "vector", ".mha" }, { "float", ".mhd" }, { "int16", "-raw.mha" }, { "float", "-raw.mhd" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_streamed_summary_equals_the_summary_of_the_image_read_whole(string kind, string extension)
    {
        using var tmp = new TempDirectory();
        string path = tmp.File("image" + extension);
        var random = new Random(kind.Length * 31 + extension.Length);
        // More than one 1 MiB chunk for the float cases, so chunk boundaries are crossed.
        Image image = kind switch
        {
            "uint8" => Fill(new Image<byte>(Grid(30, 20, 10)), random, v => (byte)random.Next(256)),
            "int16" or "scaled" => Fill(new Image<short>(Grid(60, 50, 20)), random, v => (short)random.Next(-2000, 3000)),
            "vector" => Fill(new Image<float>(Grid(20, 20, 10), components: 3), random, v => (float)random.NextDouble()),
            _ => WithNonFinite(Fill(new Image<float>(Grid(128, 128, 20)), random, v => (float)(1000 * random.NextDouble() - 500))),
        };
        bool raw = extension.StartsWith("-raw", StringComparison.Ordinal);
        if (raw && extension.Contains(".n", StringComparison.Ordinal))
        {
            Nrrd.Write(image, path, compress: false);
        }
        else if (raw)
        {
            MetaImage.Write(image, path, compress: false);
        }
        else
        {
            ImageFile.Write(image, path);
        }

        if (kind == "scaled")
        {
            var bytes = File.ReadAllBytes(path);
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(112), 0.5f);
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(116), -1024.25f);
            File.WriteAllBytes(path, bytes);
        }

        var whole = ImageSummary.Of(ImageFile.Read(path));
        ImageSummary streamed;
        using (MemoryBudget.Override(1 << 10))
        {
            // Streaming never holds the image, so a budget far below its size does not stop it (reading whole would).
            Assert.Equal(ImageFileProblem.TooLarge, Assert.Throws<ImageFileException>(() => ImageFile.Read(path)).Problem);
            streamed = ImageFile.ReadSummary(path);
        }

        Assert.Equal(whole with { Mean = 0 }, streamed with { Mean = 0 });
        Assert.Equal(whole.Mean, streamed.Mean, Math.Abs(whole.Mean) * 1e-12);
        if (kind == "scaled")
        {
            Assert.Equal(PixelType.Float32, streamed.PixelType);
            Assert.True(streamed.Minimum < -1024, $"scaled minimum {streamed.Minimum}");
        }

        if (kind == "float")
        {
            Assert.Equal(3, streamed.NonFiniteValues);
        }
    }

    [Fact]
    public void A_big_endian_raw_nrrd_streams_to_its_values()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File("be.nrrd");
        var header = "NRRD0004\ntype: int16\ndimension: 3\nsizes: 2 2 1\nendian: big\nencoding: raw\n\n"u8.ToArray();
        byte[] data = [0xFF, 0x38, 0x00, 0x07, 0x01, 0x00, 0x00, 0x01]; // -200, 7, 256, 1
        File.WriteAllBytes(path, [.. header, .. data]);
        var summary = ImageFile.ReadSummary(path);
        Assert.Equal(-200, summary.Minimum);
        Assert.Equal(256, summary.Maximum);
        Assert.Equal(16, summary.Mean);
        Assert.Equal(ImageSummary.Of(ImageFile.Read(path)), summary);
    }

    [Theory]
    [InlineData("cut.nrrd")]
    [InlineData("cut.mha")]
    public void A_truncated_compressed_nrrd_or_metaimage_is_refused_naming_the_file(string name)
    {
        using var tmp = new TempDirectory();
        string path = tmp.File(name);
        ImageFile.Write(Fill(new Image<short>(Grid(40, 40, 10)), new Random(3), _ => (short)7), path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^12]);
        var e = Assert.Throws<ImageFileException>(() => ImageFile.ReadSummary(path));
        Assert.Contains(name, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_gzip_stream_is_still_refused_naming_the_file()
    {
        using var tmp = new TempDirectory();
        string path = tmp.File("cut.nii.gz");
        ImageFile.Write(Fill(new Image<short>(Grid(40, 40, 10)), new Random(3), _ => (short)7), path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^12]);
        var e = Assert.Throws<ImageFileException>(() => ImageFile.ReadSummary(path));
        Assert.Contains("cut.nii.gz", e.Message, StringComparison.Ordinal);
    }

    private static Image<T> Fill<T>(Image<T> image, Random random, Func<int, T> value) where T : unmanaged, System.Numerics.INumber<T>
    {
        var v = new T[image.Voxels.Length];
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = value(i);
        }

        return new Image<T>(image.Geometry, v, image.Components);
    }

    private static Image<float> WithNonFinite(Image<float> image)
    {
        var v = image.Voxels.ToArray();
        v[5] = float.NaN;
        v[70_000] = float.PositiveInfinity;
        v[^1] = float.NegativeInfinity;
        return new Image<float>(image.Geometry, v, image.Components);
    }
}
