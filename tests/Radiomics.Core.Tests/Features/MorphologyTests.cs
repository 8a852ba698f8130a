using Radiomics.Core.Tests.Ibsi;
using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Features;

public class MorphologyTests
{
    private static RoiVolume DigitalPhantom()
    {
        var image = ImageFile.Read<float>(SharedData.Path("ibsi", "ibsi_1_digital_phantom", "nifti", "image", "phantom.nii.gz"));
        var mask = ImageFile.Read<float>(SharedData.Path("ibsi", "ibsi_1_digital_phantom", "nifti", "mask", "mask.nii.gz"));
        image.Geometry.EnsureMatches(mask.Geometry, "digital phantom mask");
        var values = new double[image.Voxels.Length];
        var inside = new bool[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = image.Voxels[i];
            inside[i] = mask.Voxels[i] > 0.5f;
        }

        return new RoiVolume(image.Geometry, values, inside, inside);
    }

    [SharedDataFact]
    public void Morphology_matches_IBSI_digital_phantom() =>
        IbsiReference.Compare(IbsiReference.DigitalPhantom, MorphologyFeatures.Family, MorphologyFeatures.Compute(DigitalPhantom())).AssertAllPass();

    [SharedDataTheory]
    [InlineData(IbsiReference.ConfigA)]
    [InlineData(IbsiReference.ConfigB)]
    [InlineData(IbsiReference.ConfigC)]
    public void Morphology_matches_IBSI_CT_phantom(string config) =>
        IbsiReference.Compare(config, MorphologyFeatures.Family, MorphologyFeatures.Compute(IbsiCtPhantomScaffold.Roi(config))).AssertAllPass();
}
