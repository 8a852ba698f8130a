using Radiomics.Core.Tests.Ibsi;
using Radiomics.Features;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Features;

public class LocalIntensityTests
{
    [SharedDataTheory]
    [MemberData(nameof(IbsiDataSets.WithReferenceValues), MemberType = typeof(IbsiDataSets))]
    public void LocalIntensity_matches_IBSI_reference_values(string dataSet)
    {
        IbsiReference.Compare(dataSet, LocalIntensity.Family, IbsiDataSets.Features(dataSet).Values()).AssertAllPass();
    }
}
