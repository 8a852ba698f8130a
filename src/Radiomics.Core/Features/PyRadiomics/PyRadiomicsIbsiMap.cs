namespace Radiomics.Features.PyRadiomics;

/// <summary>
/// Which IBSI feature (code) each PyRadiomics feature corresponds to, where one does (PyRadiomics' documentation names
/// them). The definitions can still differ; see docs/pyradiomics-flavour.md.
/// </summary>
public static class PyRadiomicsIbsiMap
{
    private static readonly (string Class, string Feature, string Code)[] Entries =
    [
        ("firstorder", "Energy", "N8CA"), ("firstorder", "Entropy", "TLU2"), ("firstorder", "Minimum", "1GSF"),
        ("firstorder", "10Percentile", "QG58"), ("firstorder", "90Percentile", "8DWT"), ("firstorder", "Maximum", "84IY"),
        ("firstorder", "Mean", "Q4LE"), ("firstorder", "Median", "Y12H"), ("firstorder", "InterquartileRange", "SALO"),
        ("firstorder", "Range", "2OJQ"), ("firstorder", "MeanAbsoluteDeviation", "4FUA"), ("firstorder", "RobustMeanAbsoluteDeviation", "1128"),
        ("firstorder", "RootMeanSquared", "5ZWQ"), ("firstorder", "Skewness", "KE2A"), ("firstorder", "Kurtosis", "IPH6"),
        ("firstorder", "Variance", "ECT3"), ("firstorder", "Uniformity", "BJ5W"),
        ("shape", "MeshVolume", "RNU0"), ("shape", "VoxelVolume", "YEKZ"), ("shape", "SurfaceArea", "C0JK"),
        ("shape", "SurfaceVolumeRatio", "2PR5"), ("shape", "Sphericity", "QCFX"), ("shape", "Compactness1", "SKGS"),
        ("shape", "Compactness2", "BQWJ"), ("shape", "SphericalDisproportion", "KRCK"), ("shape", "Maximum3DDiameter", "L0JK"),
        ("shape", "MajorAxisLength", "TDIC"), ("shape", "MinorAxisLength", "P9VJ"), ("shape", "LeastAxisLength", "7J51"),
        ("shape", "Elongation", "Q3CK"), ("shape", "Flatness", "N17B"),
        ("glcm", "Autocorrelation", "QWB0"), ("glcm", "JointAverage", "60VM"), ("glcm", "ClusterProminence", "AE86"),
        ("glcm", "ClusterShade", "7NFM"), ("glcm", "ClusterTendency", "DG8W"), ("glcm", "Contrast", "ACUI"),
        ("glcm", "Correlation", "NI2N"), ("glcm", "DifferenceAverage", "TF7R"), ("glcm", "DifferenceEntropy", "NTRS"),
        ("glcm", "DifferenceVariance", "D3YU"), ("glcm", "JointEnergy", "8ZQL"), ("glcm", "JointEntropy", "TU9B"),
        ("glcm", "Imc1", "R8DG"), ("glcm", "Imc2", "JN9H"), ("glcm", "Idm", "WF0Z"), ("glcm", "Idmn", "1QCO"),
        ("glcm", "Id", "IB1Z"), ("glcm", "Idn", "NDRX"), ("glcm", "InverseVariance", "E8JP"), ("glcm", "MaximumProbability", "GYBY"),
        ("glcm", "SumAverage", "ZGXS"), ("glcm", "SumEntropy", "P6QZ"), ("glcm", "SumSquares", "UR99"),
        ("glrlm", "ShortRunEmphasis", "22OV"), ("glrlm", "LongRunEmphasis", "W4KF"), ("glrlm", "GrayLevelNonUniformity", "R5YN"),
        ("glrlm", "GrayLevelNonUniformityNormalized", "OVBL"), ("glrlm", "RunLengthNonUniformity", "W92Y"),
        ("glrlm", "RunLengthNonUniformityNormalized", "IC23"), ("glrlm", "RunPercentage", "9ZK5"), ("glrlm", "GrayLevelVariance", "8CE5"),
        ("glrlm", "RunVariance", "SXLW"), ("glrlm", "RunEntropy", "HJ9O"), ("glrlm", "LowGrayLevelRunEmphasis", "V3SW"),
        ("glrlm", "HighGrayLevelRunEmphasis", "G3QZ"), ("glrlm", "ShortRunLowGrayLevelEmphasis", "HTZT"),
        ("glrlm", "ShortRunHighGrayLevelEmphasis", "GD3A"), ("glrlm", "LongRunLowGrayLevelEmphasis", "IVPO"),
        ("glrlm", "LongRunHighGrayLevelEmphasis", "3KUM"),
        ("glszm", "SmallAreaEmphasis", "5QRC"), ("glszm", "LargeAreaEmphasis", "48P8"), ("glszm", "GrayLevelNonUniformity", "JNSA"),
        ("glszm", "GrayLevelNonUniformityNormalized", "Y1RO"), ("glszm", "SizeZoneNonUniformity", "4JP3"),
        ("glszm", "SizeZoneNonUniformityNormalized", "VB3A"), ("glszm", "ZonePercentage", "P30P"), ("glszm", "GrayLevelVariance", "BYLV"),
        ("glszm", "ZoneVariance", "3NSA"), ("glszm", "ZoneEntropy", "GU8N"), ("glszm", "LowGrayLevelZoneEmphasis", "XMSY"),
        ("glszm", "HighGrayLevelZoneEmphasis", "5GN9"), ("glszm", "SmallAreaLowGrayLevelEmphasis", "5RAI"),
        ("glszm", "SmallAreaHighGrayLevelEmphasis", "HW1V"), ("glszm", "LargeAreaLowGrayLevelEmphasis", "YH51"),
        ("glszm", "LargeAreaHighGrayLevelEmphasis", "J17V"),
        ("gldm", "SmallDependenceEmphasis", "SODN"), ("gldm", "LargeDependenceEmphasis", "IMOQ"), ("gldm", "GrayLevelNonUniformity", "FP8K"),
        ("gldm", "DependenceNonUniformity", "Z87G"), ("gldm", "DependenceNonUniformityNormalized", "OKJI"),
        ("gldm", "GrayLevelVariance", "1PFV"), ("gldm", "DependenceVariance", "DNX2"), ("gldm", "DependenceEntropy", "FCBV"),
        ("gldm", "LowGrayLevelEmphasis", "TL9H"), ("gldm", "HighGrayLevelEmphasis", "OAE7"),
        ("gldm", "SmallDependenceLowGrayLevelEmphasis", "EQ3F"), ("gldm", "SmallDependenceHighGrayLevelEmphasis", "JA6D"),
        ("gldm", "LargeDependenceLowGrayLevelEmphasis", "NBZI"), ("gldm", "LargeDependenceHighGrayLevelEmphasis", "9QMG"),
        ("ngtdm", "Coarseness", "QCDE"), ("ngtdm", "Contrast", "65HE"), ("ngtdm", "Busyness", "NQ30"),
        ("ngtdm", "Complexity", "HDEZ"), ("ngtdm", "Strength", "1X9X"),
    ];

    private static readonly Dictionary<(string, string), string> CodeOf = Entries.ToDictionary(e => (e.Class, e.Feature), e => e.Code);

    private static readonly Dictionary<string, (string Class, string Feature)> FeatureOf =
        Entries.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => (g.First().Class, g.First().Feature));

    /// <summary>The IBSI code of a PyRadiomics feature, or "" when IBSI has none (e.g. TotalEnergy, MCC, the 2D diameters).</summary>
    public static string IbsiCode(string featureClass, string feature) => CodeOf.GetValueOrDefault((featureClass, feature), "");

    /// <summary>
    /// PyRadiomics' column name (<c>original_glcm_JointEntropy</c>) of a row of the toolkit's tidy table, or "" when
    /// PyRadiomics has no such feature. IBSI texture rows map only with PyRadiomics' default aggregation (GLCM and GLRLM
    /// "3D, averaged", the zone matrices "3D"); rows of the pyradiomics flavour carry their own name.
    /// </summary>
    public static string PyRadiomicsName(string imageType, string family, string feature, string ibsiCode, string aggregation)
    {
        if (PyRadiomicsCatalogue.Features(family).Contains(feature))
        {
            return $"{imageType}_{family}_{feature}";
        }

        if (!FeatureOf.TryGetValue(ibsiCode, out var f))
        {
            return "";
        }

        var expected = f.Class switch
        {
            "glcm" or "glrlm" => "3D, averaged",
            "glszm" or "gldm" or "ngtdm" => "3D",
            _ => "",
        };
        bool familyMatches = f.Class switch
        {
            "firstorder" => family is "intensity_statistics" || (family is "intensity_histogram" && ibsiCode is "TLU2" or "BJ5W"),
            "shape" => family is "morphology",
            "gldm" => family is "ngldm",
            _ => family == f.Class,
        };
        return familyMatches && aggregation == expected ? $"{imageType}_{f.Class}_{f.Feature}" : "";
    }
}
