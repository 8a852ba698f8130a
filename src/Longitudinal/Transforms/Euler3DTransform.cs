using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Transforms;

/// <summary>
/// Rigid transform with Euler angles (radians) in ITK's and elastix's convention: <c>T(x) = R·(x − c) + c + t</c>
/// with <c>R = R_z·R_x·R_y</c>, i.e. rotation about Y first, then X, then Z (ITK <c>Euler3DTransform</c> with
/// <c>ComputeZYX</c> off; elastix <c>EulerTransform</c>).
/// </summary>
public sealed record Euler3DTransform(double AngleX, double AngleY, double AngleZ, Vec3 Translation, Vec3 Centre = default) : ILinearTransform
{
    public Matrix3 Matrix => RotationMatrix(AngleX, AngleY, AngleZ);

    public Vec3 TransformPoint(Vec3 point) => Matrix * (point - Centre) + Centre + Translation;

    public AffineTransform ToAffine() => new(Matrix, Translation, Centre);

    /// <summary><c>R_z(γ)·R_x(α)·R_y(β)</c>.</summary>
    public static Matrix3 RotationMatrix(double angleX, double angleY, double angleZ) =>
        Rz(angleZ) * Rx(angleX) * Ry(angleY);

    /// <summary>
    /// <c>R_z(γ)·R_y(β)·R_x(α)</c>: rotation about X first, then Y, then Z (ITK <c>Euler3DTransform</c> and elastix
    /// <c>EulerTransform</c> with <c>ComputeZYX</c> on).
    /// </summary>
    public static Matrix3 RotationMatrixZYX(double angleX, double angleY, double angleZ) =>
        Rz(angleZ) * Ry(angleY) * Rx(angleX);

    /// <summary>Derivatives of <see cref="RotationMatrix"/> with respect to the X, Y and Z angles.</summary>
    public static (Matrix3 DX, Matrix3 DY, Matrix3 DZ) RotationDerivatives(double angleX, double angleY, double angleZ)
    {
        var rx = Rx(angleX);
        var ry = Ry(angleY);
        var rz = Rz(angleZ);
        return (rz * DRx(angleX) * ry, rz * rx * DRy(angleY), DRz(angleZ) * rx * ry);
    }

    /// <summary>
    /// The Euler angles of a rotation matrix (the inverse of <see cref="RotationMatrix"/>), as ITK's
    /// <c>Euler3DTransform.SetMatrix</c> computes them.
    /// </summary>
    public static (double AngleX, double AngleY, double AngleZ) AnglesOf(Matrix3 r)
    {
        double ax = Math.Asin(Math.Clamp(r.M21, -1, 1));
        double ay, az;
        if (Math.Abs(Math.Cos(ax)) > 1e-9)
        {
            ay = Math.Atan2(-r.M20, r.M22);
            az = Math.Atan2(-r.M01, r.M11);
        }
        else
        {
            ay = 0;
            az = Math.Atan2(r.M10, r.M00);
        }

        return (ax, ay, az);
    }

    private static Matrix3 Rx(double a) => new(1, 0, 0, 0, Math.Cos(a), -Math.Sin(a), 0, Math.Sin(a), Math.Cos(a));

    private static Matrix3 Ry(double a) => new(Math.Cos(a), 0, Math.Sin(a), 0, 1, 0, -Math.Sin(a), 0, Math.Cos(a));

    private static Matrix3 Rz(double a) => new(Math.Cos(a), -Math.Sin(a), 0, Math.Sin(a), Math.Cos(a), 0, 0, 0, 1);

    private static Matrix3 DRx(double a) => new(0, 0, 0, 0, -Math.Sin(a), -Math.Cos(a), 0, Math.Cos(a), -Math.Sin(a));

    private static Matrix3 DRy(double a) => new(-Math.Sin(a), 0, Math.Cos(a), 0, 0, 0, -Math.Cos(a), 0, -Math.Sin(a));

    private static Matrix3 DRz(double a) => new(-Math.Sin(a), -Math.Cos(a), 0, Math.Cos(a), -Math.Sin(a), 0, 0, 0, 0);
}
