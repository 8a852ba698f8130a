namespace Radiomics.Longitudinal.Transforms;

/// <summary>Composition helpers.</summary>
public static class Transform
{
    /// <summary><c>x ↦ then(first(x))</c>; affine pairs collapse to one affine transform.</summary>
    public static ITransform Compose(ITransform first, ITransform then)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(then);
        if (first is ILinearTransform a && then is ILinearTransform b)
        {
            return a.ToAffine().Then(b.ToAffine());
        }

        return new CompositeTransform(first, then);
    }
}
