using Radiomics.Imaging;
using Radiomics.Longitudinal.Transforms;

namespace Radiomics.Longitudinal.Registration;

/// <summary>
/// Maps the scaled parameter vector of a linear stage to <c>y = A·x + b</c> and the gradient back. Rotations and
/// matrix entries are multiplied by a lever arm <see cref="Radius"/> (mm) so that a unit change of any parameter
/// moves the image by about a millimetre, which lets one step length serve all parameters.
/// </summary>
internal sealed class LinearParameters
{
    private readonly TransformKind _kind;
    private readonly AffineTransform _initial;

    public LinearParameters(TransformKind kind, AffineTransform initial, double radius)
    {
        _kind = kind;
        _initial = initial;
        Radius = radius;
    }

    public double Radius { get; }

    public Vec3 Centre => _initial.Centre;

    public int Count => _kind switch { TransformKind.Translation => 3, TransformKind.Euler3D => 6, _ => 12 };

    /// <summary>Parameters reproducing the initial transform (for Euler, its closest rotation).</summary>
    public double[] Initial()
    {
        var q = new double[Count];
        switch (_kind)
        {
            case TransformKind.Translation:
                break;
            case TransformKind.Euler3D:
                var (ax, ay, az) = Euler3DTransform.AnglesOf(_initial.Matrix);
                q[0] = ax * Radius;
                q[1] = ay * Radius;
                q[2] = az * Radius;
                q[3] = _initial.Translation.X;
                q[4] = _initial.Translation.Y;
                q[5] = _initial.Translation.Z;
                break;
            default:
                q[9] = _initial.Translation.X;
                q[10] = _initial.Translation.Y;
                q[11] = _initial.Translation.Z;
                break;
        }

        return q;
    }

    public ILinearTransform ToTransform(ReadOnlySpan<double> q)
    {
        var c = _initial.Centre;
        return _kind switch
        {
            TransformKind.Translation => new AffineTransform(_initial.Matrix, _initial.Translation + new Vec3(q[0], q[1], q[2]), c),
            TransformKind.Euler3D => new Euler3DTransform(q[0] / Radius, q[1] / Radius, q[2] / Radius, new Vec3(q[3], q[4], q[5]), c),
            _ => new AffineTransform(_initial.Matrix + (1 / Radius) * Matrix3.FromRowMajor(q[..9]), new Vec3(q[9], q[10], q[11]), c),
        };
    }

    /// <summary><c>(A, b)</c> of <c>y = A·x + b</c>.</summary>
    public (Matrix3 A, Vec3 B) Map(ReadOnlySpan<double> q)
    {
        var t = ToTransform(q).ToAffine();
        return (t.Matrix, t.Offset);
    }

    /// <summary>Chain rule from dE/dA (9, row-major) and dE/db (3) to dE/dq.</summary>
    public void Gradient(ReadOnlySpan<double> q, ReadOnlySpan<double> dAb, Span<double> dq)
    {
        var c = _initial.Centre;
        // With b = t + c − A·c: dE/dA at fixed t is dE/dA − dE/db·cᵀ.
        Span<double> da = stackalloc double[9];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                da[i * 3 + j] = dAb[i * 3 + j] - dAb[9 + i] * c[j];
            }
        }

        switch (_kind)
        {
            case TransformKind.Translation:
                dq[0] = dAb[9];
                dq[1] = dAb[10];
                dq[2] = dAb[11];
                break;
            case TransformKind.Euler3D:
                var (dx, dy, dz) = Euler3DTransform.RotationDerivatives(q[0] / Radius, q[1] / Radius, q[2] / Radius);
                dq[0] = Contract(da, dx) / Radius;
                dq[1] = Contract(da, dy) / Radius;
                dq[2] = Contract(da, dz) / Radius;
                dq[3] = dAb[9];
                dq[4] = dAb[10];
                dq[5] = dAb[11];
                break;
            default:
                for (int k = 0; k < 9; k++)
                {
                    dq[k] = da[k] / Radius;
                }

                dq[9] = dAb[9];
                dq[10] = dAb[10];
                dq[11] = dAb[11];
                break;
        }
    }

    private static double Contract(ReadOnlySpan<double> a, Matrix3 m)
    {
        double s = 0;
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                s += a[i * 3 + j] * m[i, j];
            }
        }

        return s;
    }
}
