namespace Radiomics.Longitudinal.Registration;

/// <summary>The transform a registration stage optimises.</summary>
public enum TransformKind
{
    /// <summary>Three translations (<see cref="Transforms.TranslationTransform"/>).</summary>
    Translation,

    /// <summary>Rigid: three Euler angles and three translations (<see cref="Transforms.Euler3DTransform"/>).</summary>
    Euler3D,

    /// <summary>Twelve affine parameters (<see cref="Transforms.AffineTransform"/>).</summary>
    Affine,

    /// <summary>Cubic B-spline free-form deformation on a control grid (<see cref="Transforms.BSplineTransform"/>).</summary>
    BSpline,
}
