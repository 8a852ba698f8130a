namespace Radiomics.Longitudinal.Workflows;

/// <summary>Which registration method <see cref="RegistrationWorkflow"/> runs.</summary>
public enum RegistrationBackend
{
    /// <summary>Our affine then cubic B-spline registration (Mattes mutual information).</summary>
    Ours,

    /// <summary>elastix and transformix, run as external tools.</summary>
    Elastix,

    /// <summary>plastimatch register, run as an external tool.</summary>
    Plastimatch,
}
