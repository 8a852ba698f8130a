namespace Radiomics.Features;

/// <summary>
/// Which definitions the features follow: the IBSI 1 reference manual (default) or PyRadiomics' own (the named
/// <c>pyradiomics</c> flavour, read from a PyRadiomics params file). A named setting, never a silent difference; the
/// differences are listed in <c>docs/pyradiomics-flavour.md</c>.
/// </summary>
public enum FeatureDefinitions
{
    /// <summary>IBSI 1 definitions (the toolkit's default).</summary>
    Ibsi,

    /// <summary>PyRadiomics 3 definitions and preprocessing (see <see cref="PyRadiomics.PyRadiomicsSettings"/>).</summary>
    PyRadiomics,
}
