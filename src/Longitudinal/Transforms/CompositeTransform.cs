using Radiomics.Imaging;

namespace Radiomics.Longitudinal.Transforms;

/// <summary>
/// Transforms applied one after the other, in list order: <c>T(x) = T_n(…T_2(T_1(x)))</c>. (ITK's
/// <c>CompositeTransform</c> stores the same chain in reverse, applying the last added first.) A registration result
/// is typically <c>[B-spline, affine]</c>: the deformation in fixed space, then the affine map into moving space.
/// </summary>
public sealed class CompositeTransform : ITransform
{
    private readonly ITransform[] _transforms;

    public CompositeTransform(params IEnumerable<ITransform> transforms)
    {
        ArgumentNullException.ThrowIfNull(transforms);
        var list = new List<ITransform>();
        foreach (var t in transforms)
        {
            ArgumentNullException.ThrowIfNull(t, nameof(transforms));
            // Flatten nested composites so the chain is one list.
            if (t is CompositeTransform c)
            {
                list.AddRange(c._transforms);
            }
            else
            {
                list.Add(t);
            }
        }

        _transforms = [.. list];
    }

    /// <summary>The transforms in the order they are applied.</summary>
    public IReadOnlyList<ITransform> Transforms => _transforms;

    public Vec3 TransformPoint(Vec3 point)
    {
        foreach (var t in _transforms)
        {
            point = t.TransformPoint(point);
        }

        return point;
    }

    /// <summary>
    /// The exact inverse when every member is linear (a composite of their inverses in reverse order); throws
    /// <see cref="NotSupportedException"/> otherwise (invert a dense field with <see cref="DisplacementField.Invert"/>).
    /// </summary>
    public CompositeTransform Inverse()
    {
        var inverses = new ITransform[_transforms.Length];
        for (int i = 0; i < _transforms.Length; i++)
        {
            inverses[_transforms.Length - 1 - i] = _transforms[i] is ILinearTransform linear
                ? linear.ToAffine().Inverse()
                : throw new NotSupportedException($"Member {i} ({_transforms[i].GetType().Name}) has no exact inverse; sample the composite to a displacement field and invert that.");
        }

        return new CompositeTransform(inverses);
    }
}
