namespace Radiomics.Longitudinal.Registration;

/// <summary>How the first transform is guessed, as SimpleITK's <c>CenteredTransformInitializer</c> does.</summary>
public enum InitializationKind
{
    /// <summary>Identity about the fixed image centre.</summary>
    None,

    /// <summary>Translate the moving image's geometric centre onto the fixed image's.</summary>
    Geometry,

    /// <summary>Translate the moving image's intensity centre of mass onto the fixed image's (first moments).</summary>
    Moments,
}
