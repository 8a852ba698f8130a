namespace Radiomics.Features.PyRadiomics;

/// <summary>PyRadiomics' distance weights for merging the directions of a GLCM or GLRLM (<c>weightingNorm</c>).</summary>
internal static class PyRadiomicsWeights
{
    /// <summary>GLCM weight: exp(−‖a·spacing‖²) in the chosen norm (1 for no_weighting).</summary>
    public static double Glcm(PyRadiomicsWeightingNorm norm, int[] angle, (double Z, double Y, double X) spacing)
    {
        var d = Scaled(angle, spacing);
        return norm switch
        {
            PyRadiomicsWeightingNorm.Infinity => Math.Exp(-Math.Pow(d.Max(), 2)),
            PyRadiomicsWeightingNorm.Euclidean => Math.Exp(-d.Sum(x => x * x)),
            PyRadiomicsWeightingNorm.Manhattan => Math.Exp(-Math.Pow(d.Sum(), 2)),
            _ => 1,
        };
    }

    /// <summary>GLRLM weight: the length ‖a·spacing‖ in the chosen norm (1 for no_weighting).</summary>
    public static double Glrlm(PyRadiomicsWeightingNorm norm, int[] angle, (double Z, double Y, double X) spacing)
    {
        var d = Scaled(angle, spacing);
        return norm switch
        {
            PyRadiomicsWeightingNorm.Infinity => d.Max(),
            PyRadiomicsWeightingNorm.Euclidean => Math.Sqrt(d.Sum(x => x * x)),
            PyRadiomicsWeightingNorm.Manhattan => d.Sum(),
            _ => 1,
        };
    }

    private static double[] Scaled(int[] a, (double Z, double Y, double X) s) =>
        [Math.Abs(a[0]) * s.Z, Math.Abs(a[1]) * s.Y, Math.Abs(a[2]) * s.X];
}
