namespace Radiomics.Features.PyRadiomics;

/// <summary>One feature value under PyRadiomics' name: <c>&lt;imageType&gt;_&lt;class&gt;_&lt;Feature&gt;</c>, e.g. <c>original_glcm_JointEntropy</c>.</summary>
public sealed record PyRadiomicsFeature(string ImageType, string FeatureClass, string Feature, double Value)
{
    public string Name => $"{ImageType}_{FeatureClass}_{Feature}";
}

/// <summary>What PyRadiomics' <c>execute</c> returns for one case: diagnostics (when <c>additionalInfo</c>) then feature values, in order.</summary>
public sealed record PyRadiomicsResult(IReadOnlyList<KeyValuePair<string, string>> Diagnostics, IReadOnlyList<PyRadiomicsFeature> Features)
{
    /// <summary>The value of a feature by its PyRadiomics name.</summary>
    public double this[string name] => Features.First(f => f.Name == name).Value;
}
