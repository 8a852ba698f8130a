namespace Radiomics.Features.PyRadiomics;

/// <summary>PyRadiomics' feature classes and their deprecated features (computed only when named).</summary>
public static class PyRadiomicsNames
{
    /// <summary>The feature classes, as PyRadiomics names them.</summary>
    public static IReadOnlyList<string> Classes { get; } = ["firstorder", "shape", "shape2D", "glcm", "glrlm", "glszm", "gldm", "ngtdm"];

    /// <summary>Deprecated features of a class: PyRadiomics leaves them out unless named.</summary>
    public static IReadOnlyList<string> Deprecated(string featureClass) => featureClass switch
    {
        "firstorder" => ["StandardDeviation"],
        "shape" => ["Compactness1", "Compactness2", "SphericalDisproportion"],
        "shape2D" => ["SphericalDisproportion"],
        _ => [],
    };
}
