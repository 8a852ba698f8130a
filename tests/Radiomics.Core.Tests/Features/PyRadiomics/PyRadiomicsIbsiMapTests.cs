using Radiomics.Features.PyRadiomics;

namespace Radiomics.Core.Tests.Features.PyRadiomics;

public sealed class PyRadiomicsIbsiMapTests
{
    [Theory]
    [InlineData("original", "glcm", "Joint entropy", "TU9B", "3D, averaged", "original_glcm_JointEntropy")]
    [InlineData("original", "glcm", "Joint entropy", "TU9B", "3D, merged", "")]
    [InlineData("original", "intensity_statistics", "Mean intensity", "Q4LE", "", "original_firstorder_Mean")]
    [InlineData("original", "intensity_histogram", "Discretised intensity entropy", "TLU2", "", "original_firstorder_Entropy")]
    [InlineData("original", "morphology", "Volume (mesh)", "RNU0", "", "original_shape_MeshVolume")]
    [InlineData("original", "ngldm", "Low dependence emphasis", "SODN", "3D", "original_gldm_SmallDependenceEmphasis")]
    [InlineData("original", "gldzm", "Small distance emphasis", "0GBI", "3D", "")]
    [InlineData("wavelet-LLH", "glcm", "JointEntropy", "TU9B", "", "wavelet-LLH_glcm_JointEntropy")]
    public void Tidy_rows_get_PyRadiomics_name_where_one_exists(string imageType, string family, string feature, string code, string aggregation, string expected) =>
        Assert.Equal(expected, PyRadiomicsIbsiMap.PyRadiomicsName(imageType, family, feature, code, aggregation));

    [Fact]
    public void Every_mapped_feature_is_in_PyRadiomics_catalogue()
    {
        foreach (var cls in PyRadiomicsNames.Classes)
        {
            foreach (var f in PyRadiomicsCatalogue.Features(cls))
            {
                var code = PyRadiomicsIbsiMap.IbsiCode(cls, f);
                Assert.True(code.Length is 0 or 4, $"{cls}.{f}: {code}");
            }
        }

        Assert.Equal("", PyRadiomicsIbsiMap.IbsiCode("firstorder", "TotalEnergy"));
        Assert.Equal("TU9B", PyRadiomicsIbsiMap.IbsiCode("glcm", "JointEntropy"));
    }
}
