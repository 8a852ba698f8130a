using System.Buffers.Binary;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Longitudinal.Transforms;
using Radiomics.Longitudinal.Transforms.IO;
using Radiomics.TestSupport;

namespace Radiomics.Longitudinal.Tests.Transforms.IO;

public class DisplacementFieldFileTests
{
    private static Image<float> Field()
    {
        var g = new ImageGeometry(new Size3(5, 4, 3), new Vec3(1.5, 2, 2.5), new Vec3(-10, 20, 5), Matrix3.Rotation(new Vec3(1, 1, 0).Normalised(), 0.4));
        var u = new float[g.VoxelCount * 3];
        for (int i = 0; i < u.Length; i++)
        {
            u[i] = (float)Math.Sin(i * 0.37) * 3;
        }

        return new Image<float>(g, u, 3);
    }

    [Theory]
    [InlineData("field.nii.gz")]
    [InlineData("field.nii")]
    [InlineData("field.nrrd")]
    [InlineData("field.mha")]
    public void A_field_reads_back_with_the_same_grid_and_values(string name)
    {
        using var tmp = new TempDirectory();
        var field = Field();
        DisplacementFieldFile.Write(field, tmp.File(name));
        var back = DisplacementFieldFile.ReadField(tmp.File(name));
        Assert.True(back.Geometry.Matches(field.Geometry, 1e-5));
        Assert.Equal(field.Voxels.ToArray(), back.Voxels.ToArray());
    }

    [Fact]
    public void NIfTI_fields_carry_ITKs_vector_layout_and_intent()
    {
        using var tmp = new TempDirectory();
        DisplacementFieldFile.Write(Field(), tmp.File("field.nii"));
        var header = File.ReadAllBytes(tmp.File("field.nii"));
        short Dim(int i) => BinaryPrimitives.ReadInt16LittleEndian(header.AsSpan(40 + (2 * i)));
        Assert.Equal(5, Dim(0));
        Assert.Equal(new short[] { 5, 4, 3, 1, 3 }, new[] { Dim(1), Dim(2), Dim(3), Dim(4), Dim(5) });
        Assert.Equal(1007, BinaryPrimitives.ReadInt16LittleEndian(header.AsSpan(68))); // NIFTI_INTENT_VECTOR
        Assert.Equal(16, BinaryPrimitives.ReadInt16LittleEndian(header.AsSpan(70))); // DT_FLOAT32
        Assert.Equal(1007, Nifti.ReadIntentCode(tmp.File("field.nii")));
    }

    [Fact]
    public void A_DISPVECT_NIfTI_holds_RAS_vectors_and_reads_as_LPS()
    {
        using var tmp = new TempDirectory();
        var field = Field();
        DisplacementFieldFile.Write(field, tmp.File("field.nii"));
        var bytes = File.ReadAllBytes(tmp.File("field.nii"));
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(68), 1006);
        File.WriteAllBytes(tmp.File("dispvect.nii"), bytes);
        var back = DisplacementFieldFile.Read(tmp.File("dispvect.nii"));
        var expected = new DisplacementFieldTransform(field).DisplacementAt(2, 1, 1);
        Assert.Equal(new Vec3(-expected.X, -expected.Y, expected.Z), back.DisplacementAt(2, 1, 1));
    }

    [Theory]
    [InlineData(2006)]   // FSL: FNIRT displacement field, another frame
    [InlineData(1011)]   // NIFTI_INTENT_POINTSET: positions, not displacements
    public void A_NIfTI_with_another_warp_convention_is_refused(short intent)
    {
        using var tmp = new TempDirectory();
        DisplacementFieldFile.Write(Field(), tmp.File("field.nii"));
        var bytes = File.ReadAllBytes(tmp.File("field.nii"));
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(68), intent);
        File.WriteAllBytes(tmp.File("warp.nii"), bytes);
        var e = Assert.Throws<TransformFileException>(() => DisplacementFieldFile.Read(tmp.File("warp.nii")));
        Assert.Equal(TransformFileProblem.Unsupported, e.Problem);
        Assert.Contains($"intent code {intent}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_without_three_components_is_refused_naming_the_file()
    {
        using var tmp = new TempDirectory();
        ImageFile.Write(new Image<float>(ImageGeometry.Create(4, 4, 4), 2), tmp.File("two.nii.gz"));
        var e = Assert.Throws<TransformFileException>(() => DisplacementFieldFile.Read(tmp.File("two.nii.gz")));
        Assert.Equal(tmp.File("two.nii.gz"), e.FilePath);
        Assert.Contains("this image has 2", e.Message, StringComparison.Ordinal);
        Assert.Throws<TransformFileException>(() => DisplacementFieldFile.Write(new Image<float>(ImageGeometry.Create(4, 4, 4)), tmp.File("one.nii.gz")));
        Assert.False(File.Exists(tmp.File("one.nii.gz")));
    }

    [Fact]
    public void A_missing_field_is_a_not_found_error()
    {
        var e = Assert.Throws<TransformFileException>(() => DisplacementFieldFile.Read("/nonexistent/field.nii.gz"));
        Assert.Equal(TransformFileProblem.NotFound, e.Problem);
    }
}
