using FsCheck;
using FsCheck.Fluent;
using Radiomics.Features.Morphology;
using Radiomics.Imaging;

namespace Radiomics.Core.Tests.Features.Morphology;

public class SymmetricEigen3Tests
{
    private static readonly Gen<Matrix3> Symmetric =
        from a in Gen.Choose(-100, 100)
        from b in Gen.Choose(-100, 100)
        from c in Gen.Choose(-100, 100)
        from d in Gen.Choose(-100, 100)
        from e in Gen.Choose(-100, 100)
        from f in Gen.Choose(-100, 100)
        select new Matrix3(a, b, c, b, d, e, c, e, f);

    [Fact]
    public void Eigenpairs_satisfy_Av_equals_lambda_v_and_are_sorted_and_orthonormal()
    {
        Prop.ForAll(Symmetric.ToArbitrary(), m =>
        {
            var eigen = SymmetricEigen3.Of(m);
            double scale = Math.Max(1, m.MaxAbs);
            for (int k = 0; k < 3; k++)
            {
                var v = eigen.Vectors.Column(k);
                if ((m * v - (eigen.Values[k] * v)).MaxAbs > 1e-9 * scale || Math.Abs(v.Norm - 1) > 1e-12)
                {
                    return false;
                }
            }

            var orthogonality = (eigen.Vectors.Transpose() * eigen.Vectors).MaxAbsDifference(Matrix3.Identity);
            return orthogonality < 1e-12 && eigen.Values.X >= eigen.Values.Y && eigen.Values.Y >= eigen.Values.Z;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Diagonal_matrix_gives_its_diagonal_in_descending_order()
    {
        var eigen = SymmetricEigen3.Of(Matrix3.Diagonal(new Vec3(2, 7, -1)));
        Assert.Equal(new Vec3(7, 2, -1), eigen.Values);
    }
}
