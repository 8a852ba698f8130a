using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Transforms.IO;

/// <summary>
/// ITK's versor parameterisation of a rotation: the vector part <c>(x, y, z) = n·sin(θ/2)</c> of a unit quaternion,
/// whose scalar part <c>w = √(1 − x² − y² − z²)</c> is implied (<c>VersorRigid3DTransform</c>,
/// <c>Similarity3DTransform</c>, elastix <c>SimilarityTransform</c>).
/// </summary>
internal static class Versor
{
    /// <summary>The rotation matrix of the versor; a vector part longer than 1 is malformed.</summary>
    public static Matrix3 RotationMatrix(string path, double x, double y, double z)
    {
        double norm2 = x * x + y * y + z * z;
        if (norm2 > 1 + 1e-9)
        {
            throw new TransformFileException(path, TransformFileProblem.Malformed, $"the versor ({x}, {y}, {z}) is longer than 1, so it is no rotation.");
        }

        double w = Math.Sqrt(Math.Max(0, 1 - norm2));
        return new Matrix3(
            1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
            2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
            2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y));
    }
}
