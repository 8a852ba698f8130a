using System.Text;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.IO;

public class MetaImageTests
{
    private const string Header = "ObjectType = Image\nNDims = 3\nBinaryData = True\nBinaryDataByteOrderMSB = False\nCompressedData = False\n"
        + "TransformMatrix = 0 1 0 -1 0 0 0 0 1\nOffset = 10 20 30\nElementSpacing = 2 3 4\nDimSize = 3 2 2\nElementType = MET_SHORT\n";

    private static byte[] Voxels(int count) => Enumerable.Range(0, count).SelectMany(i => BitConverter.GetBytes((short)(i * 3))).ToArray();

    private static byte[] File(string header, byte[] data) => Encoding.ASCII.GetBytes(header + "ElementDataFile = LOCAL\n").Concat(data).ToArray();

    private static ImageFileProblem Problem(byte[] bytes, string name = "bad.mha")
    {
        using var tmp = new TempDirectory();
        System.IO.File.WriteAllBytes(tmp.File(name), bytes);
        var e = Assert.Throws<ImageFileException>(() => ImageFile.Read(tmp.File(name)));
        Assert.Contains(name, e.Message, StringComparison.Ordinal);
        return e.Problem;
    }

    [Fact]
    public void TransformMatrix_lists_direction_columns_as_ITK_reads_it()
    {
        using var tmp = new TempDirectory();
        System.IO.File.WriteAllBytes(tmp.File("r.mha"), File(Header, Voxels(12)));
        var image = (Image<short>)ImageFile.Read(tmp.File("r.mha"));
        // Columns (0,1,0) and (−1,0,0): index axis x runs along +y. Voxel (1,1,1) → (10,20,30) + (−3, 2, 4).
        Assert.Equal(new Vec3(7, 22, 34), image.Geometry.IndexToPhysical(1, 1, 1));
        Assert.Equal(12, image[1, 1, 0]);
    }

    [Fact]
    public void Detached_mhd_reads_from_its_raw_file()
    {
        using var tmp = new TempDirectory();
        System.IO.File.WriteAllBytes(tmp.File("d.raw"), Voxels(12));
        System.IO.File.WriteAllText(tmp.File("d.mhd"), Header + "ElementDataFile = d.raw\n");
        Assert.Equal(33, ((Image<short>)ImageFile.Read(tmp.File("d.mhd")))[2, 1, 1]);
    }

    [Fact]
    public void Binary_file_is_not_a_header() => Assert.Equal(ImageFileProblem.BadMagic, Problem([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));

    [Fact]
    public void Text_without_MetaImage_fields_is_not_a_header() => Assert.Equal(ImageFileProblem.BadMagic, Problem(Encoding.ASCII.GetBytes("hello = world\nElementDataFile = LOCAL\n")));

    [Fact]
    public void Truncated_data_is_reported() => Assert.Equal(ImageFileProblem.Truncated, Problem(File(Header, Voxels(10))));

    [Fact]
    public void Truncated_compressed_data_is_reported()
    {
        using var tmp = new TempDirectory();
        MetaImage.Write(TestImages.Random<float>(ImageGeometry.Create(16, 16, 16), 4), tmp.File("ok.mha"));
        var bytes = System.IO.File.ReadAllBytes(tmp.File("ok.mha"));
        var p = Problem(bytes[..(bytes.Length - bytes.Length / 3)]);
        Assert.Contains(p, new[] { ImageFileProblem.Truncated, ImageFileProblem.CorruptCompression });
    }

    [Fact]
    public void Extra_data_is_a_length_mismatch() => Assert.Equal(ImageFileProblem.DataLengthMismatch, Problem(File(Header, Voxels(14))));

    [Theory]
    [InlineData("DimSize = 3 2 2", "DimSize = 3 -2 2", ImageFileProblem.InvalidDimensions)]
    [InlineData("DimSize = 3 2 2", "DimSize = 3 0 2", ImageFileProblem.InvalidDimensions)]
    [InlineData("ElementSpacing = 2 3 4", "ElementSpacing = 2 0 4", ImageFileProblem.InvalidSpacing)]
    [InlineData("ElementSpacing = 2 3 4", "ElementSpacing = 2 -3 4", ImageFileProblem.InvalidSpacing)]
    [InlineData("ElementType = MET_SHORT", "ElementType = MET_STRING", ImageFileProblem.UnsupportedDataType)]
    [InlineData("DimSize = 3 2 2", "DimSize = 100000 100000 100000", ImageFileProblem.TooLarge)]
    [InlineData("DimSize = 3 2 2", "DimSize = 1000 1000 200", ImageFileProblem.Truncated)]
    public void Bad_header_fields_are_reported(string from, string to, ImageFileProblem expected) =>
        Assert.Equal(expected, Problem(File(Header.Replace(from, to, StringComparison.Ordinal), Voxels(12))));
}
