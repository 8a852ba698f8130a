using System.IO.Compression;
using System.Text;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.IO;

public class NrrdTests
{
    private const string Header3 = "NRRD0004\ntype: short\ndimension: 3\nspace: left-posterior-superior\nsizes: 3 2 2\n"
        + "space directions: (0.5,0,0) (0,0.75,0) (0,0,2)\nkinds: domain domain domain\nendian: little\nspace origin: (1,2,3)\n";

    private static byte[] Voxels(int count)
    {
        var b = new byte[count * 2];
        for (int i = 0; i < count; i++)
        {
            BitConverter.TryWriteBytes(b.AsSpan(2 * i), (short)(i * 10 - 30));
        }

        return b;
    }

    private static byte[] File(string header, byte[] data) => Encoding.ASCII.GetBytes(header + "\n").Concat(data).ToArray();

    private static byte[] Gz(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var z = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(data);
        }

        return ms.ToArray();
    }

    private static Image Read(TempDirectory tmp, byte[] bytes, string name = "x.nrrd")
    {
        System.IO.File.WriteAllBytes(tmp.File(name), bytes);
        return ImageFile.Read(tmp.File(name));
    }

    private static ImageFileProblem Problem(byte[] bytes, string name = "bad.nrrd")
    {
        using var tmp = new TempDirectory();
        System.IO.File.WriteAllBytes(tmp.File(name), bytes);
        var e = Assert.Throws<ImageFileException>(() => ImageFile.Read(tmp.File(name)));
        Assert.Contains(name, e.Message, StringComparison.Ordinal);
        return e.Problem;
    }

    [Fact]
    public void Raw_attached_file_reads_geometry_and_values()
    {
        using var tmp = new TempDirectory();
        var image = (Image<short>)Read(tmp, File(Header3 + "encoding: raw\n", Voxels(12)));
        Assert.Equal(new Vec3(0.5, 0.75, 2), image.Geometry.Spacing);
        Assert.Equal(new Vec3(1, 2, 3), image.Geometry.Origin);
        Assert.Equal(-30, image[0, 0, 0]);
        Assert.Equal(80, image[2, 1, 1]);
    }

    [Fact]
    public void Ras_space_is_converted_to_LPS()
    {
        using var tmp = new TempDirectory();
        string header = Header3.Replace("left-posterior-superior", "right-anterior-superior", StringComparison.Ordinal) + "encoding: gzip\n";
        var image = Read(tmp, File(header, Gz(Voxels(12))));
        Assert.Equal(new Vec3(-1, -2, 3), image.Geometry.Origin);
        Assert.Equal(Matrix3.Diagonal(new Vec3(-1, -1, 1)), image.Geometry.Direction);
        Assert.Equal(new Vec3(-1.5, -2.75, 3), image.Geometry.IndexToPhysical(1, 1, 0));
    }

    [Fact]
    public void Detached_header_with_raw_data_and_line_skip_reads()
    {
        using var tmp = new TempDirectory();
        System.IO.File.WriteAllBytes(tmp.File("d.raw"), Encoding.ASCII.GetBytes("junk line\n").Concat(Voxels(12)).ToArray());
        string header = Header3 + "encoding: raw\nline skip: 1\ndata file: d.raw\n";
        System.IO.File.WriteAllText(tmp.File("d.nhdr"), header);
        var image = (Image<short>)ImageFile.Read(tmp.File("d.nhdr"));
        Assert.Equal(80, image[2, 1, 1]);
    }

    [Fact]
    public void Ascii_encoding_reads()
    {
        using var tmp = new TempDirectory();
        string header = Header3.Replace("type: short", "type: float", StringComparison.Ordinal) + "encoding: ascii\n";
        var image = (Image<float>)Read(tmp, Encoding.ASCII.GetBytes(header + "\n" + string.Join(' ', Enumerable.Range(0, 12).Select(i => i * 0.5))));
        Assert.Equal(5.5f, image[2, 1, 1]);
    }

    [Fact]
    public void Vector_axis_first_becomes_planar_components()
    {
        using var tmp = new TempDirectory();
        string header = "NRRD0004\ntype: short\ndimension: 4\nspace: left-posterior-superior\nsizes: 2 3 2 2\n"
            + "space directions: none (1,0,0) (0,1,0) (0,0,1)\nkinds: vector domain domain domain\nendian: little\nencoding: raw\n";
        var image = (Image<short>)Read(tmp, File(header, Voxels(24)));
        Assert.Equal(2, image.Components);
        // voxel v = 2 + 3·(1 + 2·1) = 11; interleaved element 2·v + c holds (2v + c)·10 − 30
        Assert.Equal((2 * 11 + 1) * 10 - 30, image[2, 1, 1, 1]);
        Assert.Equal((2 * 11) * 10 - 30, image[2, 1, 1, 0]);
    }

    [Fact]
    public void Wrong_magic_is_reported() => Assert.Equal(ImageFileProblem.BadMagic, Problem(Encoding.ASCII.GetBytes("PNG\nhello")));

    [Fact]
    public void Truncated_raw_data_is_reported() =>
        Assert.Equal(ImageFileProblem.Truncated, Problem(File(Header3 + "encoding: raw\n", Voxels(11))));

    [Fact]
    public void Truncated_gzip_is_reported()
    {
        string header = Header3.Replace("sizes: 3 2 2", "sizes: 30 20 20", StringComparison.Ordinal);
        var rng = new Random(1);
        var data = new byte[30 * 20 * 20 * 2];
        rng.NextBytes(data);
        var gz = Gz(data);
        var p = Problem(File(header + "encoding: gzip\n", gz[..(gz.Length / 2)]));
        Assert.Contains(p, new[] { ImageFileProblem.Truncated, ImageFileProblem.CorruptCompression });
    }

    [Fact]
    public void Header_without_data_is_truncated() =>
        Assert.Equal(ImageFileProblem.Truncated, Problem(Encoding.ASCII.GetBytes(Header3 + "encoding: raw\n")));

    [Fact]
    public void Extra_data_is_a_length_mismatch() =>
        Assert.Equal(ImageFileProblem.DataLengthMismatch, Problem(File(Header3 + "encoding: raw\n", Voxels(13))));

    [Theory]
    [InlineData("sizes: 3 2 2", "sizes: 3 -2 2")]
    [InlineData("sizes: 3 2 2", "sizes: 3 0 2")]
    [InlineData("sizes: 3 2 2", "sizes: 3 2")]
    public void Bad_sizes_are_reported(string from, string to) =>
        Assert.Equal(ImageFileProblem.InvalidDimensions, Problem(File(Header3.Replace(from, to, StringComparison.Ordinal) + "encoding: raw\n", Voxels(12))));

    [Theory]
    [InlineData("(0.5,0,0)", "(0,0,0)")]
    public void Zero_spacing_is_reported(string from, string to) =>
        Assert.Equal(ImageFileProblem.InvalidSpacing, Problem(File(Header3.Replace(from, to, StringComparison.Ordinal) + "encoding: raw\n", Voxels(12))));

    [Fact]
    public void Unknown_type_is_reported() =>
        Assert.Equal(ImageFileProblem.UnsupportedDataType, Problem(File(Header3.Replace("type: short", "type: complex", StringComparison.Ordinal) + "encoding: raw\n", Voxels(12))));

    [Fact]
    public void Huge_sizes_are_refused_before_allocating() =>
        Assert.Equal(ImageFileProblem.TooLarge, Problem(File(Header3.Replace("sizes: 3 2 2", "sizes: 100000 100000 100000", StringComparison.Ordinal) + "encoding: gzip\n", Gz(Voxels(12)))));

    [Fact]
    public void Missing_required_field_is_reported() =>
        Assert.Equal(ImageFileProblem.InvalidHeader, Problem(File(Header3, Voxels(12))));
}
