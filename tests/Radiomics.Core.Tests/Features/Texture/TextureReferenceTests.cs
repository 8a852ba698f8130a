using Radiomics.Core.Tests.Ibsi;
using Radiomics.Features.Texture;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Features.Texture;

/// <summary>Every texture feature with an IBSI 1 reference value (digital phantom, configurations A, B and C), per family.</summary>
public class TextureReferenceTests
{
    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var family in new[] { Glcm.Family, Glrlm.Family, Glszm.Family, Gldzm.Family, Ngtdm.Family, Ngldm.Family })
            {
                foreach (var dataSet in new[] { IbsiReference.DigitalPhantom, IbsiReference.ConfigA, IbsiReference.ConfigB, IbsiReference.ConfigC })
                {
                    data.Add(family, dataSet);
                }
            }

            return data;
        }
    }

    [SharedDataTheory]
    [MemberData(nameof(Cases))]
    public void Texture_family_matches_IBSI_reference_values(string family, string dataSet)
    {
        IbsiReference.Compare(dataSet, family, IbsiDataSets.Features(dataSet).Values()).AssertAllPass();
    }
}
