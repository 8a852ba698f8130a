using FsCheck;
using FsCheck.Fluent;
using Radiomics.Imaging;

namespace Radiomics.Core.Tests.Imaging;

public class Matrix3Tests
{
    [Fact]
    public void Inverse_times_matrix_is_identity_for_rotations_and_scalings()
    {
        var gen = from ax in Gen.Choose(-9, 9)
                  from ay in Gen.Choose(-9, 9)
                  from deg in Gen.Choose(-179, 179)
                  from s in Gen.Choose(1, 400)
                  select Matrix3.Rotation(new Vec3(ax, ay, 1), deg * Math.PI / 180) * Matrix3.Diagonal(new Vec3(s / 100.0, 1, 2));
        Prop.ForAll(gen.ToArbitrary(), m => (m * m.Inverse()).MaxAbsDifference(Matrix3.Identity) < 1e-12).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Rotation_is_orthonormal_with_determinant_one()
    {
        var r = Matrix3.Rotation(new Vec3(1, 2, 3), 0.7);
        Assert.True(r.IsOrthonormal(1e-12));
        Assert.Equal(1, r.Determinant, 12);
        Assert.False(Matrix3.Diagonal(new Vec3(1, 2, 1)).IsOrthonormal());
    }

    [Fact]
    public void Singular_matrix_has_no_inverse() =>
        Assert.Throws<InvalidOperationException>(() => new Matrix3(1, 2, 3, 2, 4, 6, 0, 0, 1).Inverse());
}
