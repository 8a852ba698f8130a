using Radiomics.Core.Tests.Ibsi;
using Radiomics.Features;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Features;

public class IntensityHistogramTests
{
    [SharedDataTheory]
    [MemberData(nameof(IbsiDataSets.WithReferenceValues), MemberType = typeof(IbsiDataSets))]
    public void IntensityHistogram_matches_IBSI_reference_values(string dataSet)
    {
        IbsiReference.Compare(dataSet, IntensityHistogram.Family, IbsiDataSets.Features(dataSet).Values()).AssertAllPass();
    }
}
