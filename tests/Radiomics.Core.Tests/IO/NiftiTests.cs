using System.Buffers.Binary;
using System.IO.Compression;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.IO;

public class NiftiTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    // Expected values printed by Fixtures/make_fixtures.py from nibabel's affine, converted to LPS.
    [Fact]
    public void Qform_only_oblique_left_handed_file_reads_as_nibabel_reports()
    {
        var image = ImageFile.Read(Fixture("qform_oblique.nii"));
        var g = image.Geometry;
        Assert.Equal(new Size3(6, 5, 4), g.Size);
        Assert.Equal(0.8000000119209291, g.Spacing.X, 1e-12);
        Assert.Equal(1.2000000476837158, g.Spacing.Y, 1e-12);
        Assert.Equal(2.5, g.Spacing.Z, 1e-12);
        Assert.Equal(new Vec3(-12.5, 40.25, 7.0), g.Origin);
        double[] expected =
        [
            -0.9130000870476261, 0.32546384416465374, 0.2459758670938937,
            -0.35223304814999945, -0.9330769900366356, -0.07279567607442355,
            -0.20582206111587506, 0.15310328803046086, -0.9665384950183178,
        ];
        var actual = g.Direction.ToRowMajorArray();
        for (int i = 0; i < 9; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-6);
        }

        Assert.True(g.Direction.Determinant < 0);
        var v = (Image<short>)image;
        Assert.Equal(606, v[1, 2, 3]);
        Assert.Equal(65553, image.Sum());
    }

    [Fact]
    public void Scanner_sform_is_preferred_over_a_different_qform()
    {
        var g = ImageFile.Read(Fixture("sform_preferred.nii.gz")).Geometry;
        Assert.Equal(new Vec3(-10, -20, 30), g.Origin);
        Assert.True(g.Direction.MaxAbsDifference(new Matrix3(0, 1, 0, -1, 0, 0, 0, 0, 1)) < 1e-7);
    }

    [Fact]
    public void Aligned_sform_that_disagrees_with_the_qform_yields_to_it_as_in_ITK()
    {
        var qform = ImageFile.Read(Fixture("qform_oblique.nii")).Geometry;
        var g = ImageFile.Read(Fixture("aligned_sform_disagrees.nii.gz")).Geometry;
        Assert.True(g.Matches(qform, 1e-6));
    }

    [Fact]
    public void Big_endian_file_with_scl_slope_and_scl_inter_reads_scaled_values()
    {
        var image = ImageFile.Read(Fixture("bigendian_scaled.nii"));
        Assert.Equal(PixelType.Float32, image.PixelType);
        Assert.Equal(31576.5, image.Sum(), 1e-6);
        Assert.Equal(293f, ((Image<float>)image)[1, 2, 3]);
    }

    [Fact]
    public void Nifti2_file_reads()
    {
        var image = ImageFile.Read(Fixture("nifti2.nii.gz"));
        Assert.Equal(PixelType.Float64, image.PixelType);
        Assert.Equal(65553, image.Sum());
        Assert.Equal(new Vec3(-10, -20, 30), image.Geometry.Origin);
    }

    [Fact]
    public void Written_header_holds_RAS_sform_and_qform_so_ITK_and_nibabel_see_the_same_positions()
    {
        using var tmp = new TempDirectory();
        var g = TestImages.Oblique();
        ImageFile.Write(new Image<short>(g), tmp.File("o.nii"));
        var bytes = File.ReadAllBytes(tmp.File("o.nii"));
        float F(int offset) => BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(offset));
        short S(int offset) => BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(offset));
        Assert.Equal(1, S(252));
        Assert.Equal(1, S(254));
        // RAS point of voxel (1,2,3) from the sform rows must be the LPS point with x and y negated.
        var p = g.IndexToPhysical(1, 2, 3);
        for (int row = 0; row < 3; row++)
        {
            double ras = F(280 + 16 * row) * 1 + F(284 + 16 * row) * 2 + F(288 + 16 * row) * 3 + F(292 + 16 * row);
            double expected = row < 2 ? -p[row] : p[row];
            Assert.Equal(expected, ras, 1e-4);
        }

        var back = ImageFile.Read(tmp.File("o.nii")).Geometry;
        Assert.True(back.Matches(g));
    }

    [Fact]
    public void Large_dimensions_are_written_as_Nifti2()
    {
        using var tmp = new TempDirectory();
        var image = new ImageBuilder<byte>(ImageGeometry.Create(40000, 1, 1));
        image[39999, 0, 0] = 9;
        ImageFile.Write(image.ToImage(), tmp.File("long.nii"));
        Assert.Equal(540, BitConverter.ToInt32(File.ReadAllBytes(tmp.File("long.nii")), 0));
        Assert.Equal(9, ((Image<byte>)ImageFile.Read(tmp.File("long.nii")))[39999, 0, 0]);
    }

    [Fact]
    public void Vector_image_is_written_as_5D_with_intent_vector()
    {
        using var tmp = new TempDirectory();
        ImageFile.Write(new Image<float>(ImageGeometry.Create(3, 3, 3), components: 3), tmp.File("field.nii.gz"));
        using var z = new GZipStream(File.OpenRead(tmp.File("field.nii.gz")), CompressionMode.Decompress);
        var header = new byte[348];
        z.ReadExactly(header);
        Assert.Equal(5, BinaryPrimitives.ReadInt16LittleEndian(header.AsSpan(40)));
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(header.AsSpan(48)));
        Assert.Equal(3, BinaryPrimitives.ReadInt16LittleEndian(header.AsSpan(50)));
        Assert.Equal(1007, BinaryPrimitives.ReadInt16LittleEndian(header.AsSpan(68)));
    }

    // ---- bad input: each gives a typed error naming the file, before any large allocation ----

    private static byte[] ValidNii(int nx = 4, int ny = 3, int nz = 2)
    {
        using var tmp = new TempDirectory();
        ImageFile.Write(TestImages.Random<short>(ImageGeometry.Create(nx, ny, nz, new Vec3(1, 1, 2)), 5), tmp.File("v.nii"));
        return File.ReadAllBytes(tmp.File("v.nii"));
    }

    private static ImageFileException ReadBytes(byte[] bytes, string name = "bad.nii")
    {
        using var tmp = new TempDirectory();
        string path = tmp.File(name);
        File.WriteAllBytes(path, name.EndsWith(".gz", StringComparison.Ordinal) ? Gzip(bytes) : bytes);
        var e = Assert.Throws<ImageFileException>(() => ImageFile.Read(path));
        Assert.Equal(path, e.FilePath);
        Assert.Contains(name, e.Message, StringComparison.Ordinal);
        return e;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var ms = new MemoryStream();
        using (var z = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(bytes);
        }

        return ms.ToArray();
    }

    private static byte[] With(byte[] bytes, Action<Span<byte>> patch)
    {
        var copy = (byte[])bytes.Clone();
        patch(copy);
        return copy;
    }

    [Fact]
    public void Truncated_file_is_reported()
    {
        var bytes = ValidNii();
        Assert.Equal(ImageFileProblem.Truncated, ReadBytes(bytes[..(bytes.Length - 10)]).Problem);
        Assert.Equal(ImageFileProblem.Truncated, ReadBytes(bytes[..200]).Problem);
    }

    [Fact]
    public void Truncated_gzip_is_reported()
    {
        using var tmp = new TempDirectory();
        ImageFile.Write(TestImages.Random<float>(ImageGeometry.Create(20, 20, 20), 8), tmp.File("v.nii.gz"));
        var gz = File.ReadAllBytes(tmp.File("v.nii.gz"));
        File.WriteAllBytes(tmp.File("cut.nii.gz"), gz[..(gz.Length / 2)]);
        var e = Assert.Throws<ImageFileException>(() => ImageFile.Read(tmp.File("cut.nii.gz")));
        Assert.Contains(e.Problem, new[] { ImageFileProblem.Truncated, ImageFileProblem.CorruptCompression });
    }

    [Fact]
    public void Gz_file_that_is_not_gzip_is_reported()
    {
        using var tmp = new TempDirectory();
        File.WriteAllBytes(tmp.File("plain.nii.gz"), ValidNii());
        Assert.Equal(ImageFileProblem.BadMagic, Assert.Throws<ImageFileException>(() => ImageFile.Read(tmp.File("plain.nii.gz"))).Problem);
    }

    [Fact]
    public void Wrong_magic_is_reported()
    {
        Assert.Equal(ImageFileProblem.BadMagic, ReadBytes(With(ValidNii(), b => b[344] = (byte)'x')).Problem);
        Assert.Equal(ImageFileProblem.BadMagic, ReadBytes(With(ValidNii(), b => BinaryPrimitives.WriteInt32LittleEndian(b, 123))).Problem);
        Assert.Equal(ImageFileProblem.Truncated, ReadBytes([1, 2]).Problem);
    }

    [Fact]
    public void Header_needing_more_memory_than_available_is_refused_before_allocating()
    {
        var huge = With(ValidNii(), b =>
        {
            BinaryPrimitives.WriteInt16LittleEndian(b[42..], 30000);
            BinaryPrimitives.WriteInt16LittleEndian(b[44..], 30000);
            BinaryPrimitives.WriteInt16LittleEndian(b[46..], 30000);
        });
        Assert.Equal(ImageFileProblem.TooLarge, ReadBytes(huge).Problem);
        Assert.Equal(ImageFileProblem.TooLarge, ReadBytes(huge, "huge.nii.gz").Problem);

        // Allocatable but far more than the file holds: refused from the file size, not by reading.
        var big = With(ValidNii(), b =>
        {
            BinaryPrimitives.WriteInt16LittleEndian(b[42..], 2000);
            BinaryPrimitives.WriteInt16LittleEndian(b[44..], 2000);
            BinaryPrimitives.WriteInt16LittleEndian(b[46..], 200);
        });
        Assert.Equal(ImageFileProblem.Truncated, ReadBytes(big).Problem);
        Assert.Equal(ImageFileProblem.Truncated, ReadBytes(big, "big.nii.gz").Problem);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    public void Zero_or_negative_dimension_is_reported(short value) =>
        Assert.Equal(ImageFileProblem.InvalidDimensions, ReadBytes(With(ValidNii(), b => BinaryPrimitives.WriteInt16LittleEndian(b[44..], value))).Problem);

    [Fact]
    public void Invalid_dim0_is_reported() =>
        Assert.Equal(ImageFileProblem.InvalidDimensions, ReadBytes(With(ValidNii(), b => BinaryPrimitives.WriteInt16LittleEndian(b[40..], 9))).Problem);

    [Theory]
    [InlineData(0f)]
    [InlineData(-1.5f)]
    [InlineData(float.NaN)]
    public void Zero_negative_or_NaN_spacing_is_reported(float value) =>
        Assert.Equal(ImageFileProblem.InvalidSpacing, ReadBytes(With(ValidNii(), b => BinaryPrimitives.WriteSingleLittleEndian(b[84..], value))).Problem);

    [Theory]
    [InlineData(128)]
    [InlineData(32)]
    [InlineData(9999)]
    public void Unknown_or_unsupported_datatype_is_reported(short code) =>
        Assert.Equal(ImageFileProblem.UnsupportedDataType, ReadBytes(With(ValidNii(), b => BinaryPrimitives.WriteInt16LittleEndian(b[70..], code))).Problem);

    [Fact]
    public void Extra_voxel_data_is_a_length_mismatch()
    {
        var longer = ValidNii().Concat(new byte[16]).ToArray();
        Assert.Equal(ImageFileProblem.DataLengthMismatch, ReadBytes(longer).Problem);
        Assert.Equal(ImageFileProblem.DataLengthMismatch, ReadBytes(longer, "longer.nii.gz").Problem);
    }

    [Fact]
    public void Vox_offset_inside_the_header_is_reported() =>
        Assert.Equal(ImageFileProblem.InvalidHeader, ReadBytes(With(ValidNii(), b => BinaryPrimitives.WriteSingleLittleEndian(b[108..], 100f))).Problem);

    [Fact]
    public void Two_file_pair_header_is_reported_as_unsupported() =>
        Assert.Equal(ImageFileProblem.Unsupported, ReadBytes(With(ValidNii(), b => b[345] = (byte)'i')).Problem);

    [Fact]
    public void Forcing_Nifti1_for_a_too_large_dimension_fails_without_a_file()
    {
        using var tmp = new TempDirectory();
        var e = Assert.Throws<ImageFileException>(() => Nifti.Write(
            new Image<byte>(ImageGeometry.Create(40000, 1, 1)), tmp.File("x.nii"), new NiftiWriteOptions { Version = NiftiVersion.Nifti1 }));
        Assert.Equal(ImageFileProblem.WriteFailed, e.Problem);
        Assert.Empty(Directory.GetFileSystemEntries(tmp.Path));
    }
}
