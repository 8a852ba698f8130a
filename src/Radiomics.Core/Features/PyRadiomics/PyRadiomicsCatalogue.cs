namespace Radiomics.Features.PyRadiomics;

/// <summary>Every feature of every PyRadiomics class, by PyRadiomics' name (deprecated ones included).</summary>
public static class PyRadiomicsCatalogue
{
    private static readonly Dictionary<string, string[]> All = new()
    {
        ["firstorder"] =
        [
            "10Percentile", "90Percentile", "Energy", "Entropy", "InterquartileRange", "Kurtosis", "Maximum", "Mean",
            "MeanAbsoluteDeviation", "Median", "Minimum", "Range", "RobustMeanAbsoluteDeviation", "RootMeanSquared", "Skewness",
            "StandardDeviation", "TotalEnergy", "Uniformity", "Variance",
        ],
        ["shape"] =
        [
            "Compactness1", "Compactness2", "Elongation", "Flatness", "LeastAxisLength", "MajorAxisLength", "Maximum2DDiameterColumn",
            "Maximum2DDiameterRow", "Maximum2DDiameterSlice", "Maximum3DDiameter", "MeshVolume", "MinorAxisLength",
            "SphericalDisproportion", "Sphericity", "SurfaceArea", "SurfaceVolumeRatio", "VoxelVolume",
        ],
        ["shape2D"] =
        [
            "Elongation", "MajorAxisLength", "MaximumDiameter", "MeshSurface", "MinorAxisLength", "Perimeter", "PerimeterSurfaceRatio",
            "PixelSurface", "SphericalDisproportion", "Sphericity",
        ],
        ["glcm"] =
        [
            "Autocorrelation", "ClusterProminence", "ClusterShade", "ClusterTendency", "Contrast", "Correlation", "DifferenceAverage",
            "DifferenceEntropy", "DifferenceVariance", "Id", "Idm", "Idmn", "Idn", "Imc1", "Imc2", "InverseVariance", "JointAverage",
            "JointEnergy", "JointEntropy", "MCC", "MaximumProbability", "SumAverage", "SumEntropy", "SumSquares",
        ],
        ["glrlm"] =
        [
            "GrayLevelNonUniformity", "GrayLevelNonUniformityNormalized", "GrayLevelVariance", "HighGrayLevelRunEmphasis",
            "LongRunEmphasis", "LongRunHighGrayLevelEmphasis", "LongRunLowGrayLevelEmphasis", "LowGrayLevelRunEmphasis", "RunEntropy",
            "RunLengthNonUniformity", "RunLengthNonUniformityNormalized", "RunPercentage", "RunVariance", "ShortRunEmphasis",
            "ShortRunHighGrayLevelEmphasis", "ShortRunLowGrayLevelEmphasis",
        ],
        ["glszm"] =
        [
            "GrayLevelNonUniformity", "GrayLevelNonUniformityNormalized", "GrayLevelVariance", "HighGrayLevelZoneEmphasis",
            "LargeAreaEmphasis", "LargeAreaHighGrayLevelEmphasis", "LargeAreaLowGrayLevelEmphasis", "LowGrayLevelZoneEmphasis",
            "SizeZoneNonUniformity", "SizeZoneNonUniformityNormalized", "SmallAreaEmphasis", "SmallAreaHighGrayLevelEmphasis",
            "SmallAreaLowGrayLevelEmphasis", "ZoneEntropy", "ZonePercentage", "ZoneVariance",
        ],
        ["gldm"] =
        [
            "DependenceEntropy", "DependenceNonUniformity", "DependenceNonUniformityNormalized", "DependenceVariance",
            "GrayLevelNonUniformity", "GrayLevelVariance", "HighGrayLevelEmphasis", "LargeDependenceEmphasis",
            "LargeDependenceHighGrayLevelEmphasis", "LargeDependenceLowGrayLevelEmphasis", "LowGrayLevelEmphasis",
            "SmallDependenceEmphasis", "SmallDependenceHighGrayLevelEmphasis", "SmallDependenceLowGrayLevelEmphasis",
        ],
        ["ngtdm"] = ["Busyness", "Coarseness", "Complexity", "Contrast", "Strength"],
    };

    /// <summary>The features of a class (empty for an unknown class).</summary>
    public static IReadOnlyList<string> Features(string featureClass) => All.TryGetValue(featureClass, out var f) ? f : [];
}
