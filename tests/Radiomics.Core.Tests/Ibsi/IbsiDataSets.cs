using System.Collections.Concurrent;
using Radiomics.Features;
using Radiomics.Imaging;
using Radiomics.IO;
using Radiomics.Tables;
using Radiomics.TestSupport;

namespace Radiomics.Core.Tests.Ibsi;

/// <summary>The IBSI 1 images and their features under each preset, loaded and computed once per test run.</summary>
public static class IbsiDataSets
{
    private static readonly ConcurrentDictionary<string, Lazy<FeatureTable>> Tables = new();
    private static readonly Lazy<(Image Image, LabelMap Mask)> DigitalPhantomLazy = new(() => Load("ibsi_1_digital_phantom"));
    private static readonly Lazy<(Image Image, LabelMap Mask)> CtPhantomLazy = new(() => Load("ibsi_1_ct_radiomics_phantom"));

    /// <summary>The reference data sets with local reference values, as theory data.</summary>
    public static TheoryData<string> WithReferenceValues => new() { IbsiReference.DigitalPhantom, IbsiReference.ConfigA, IbsiReference.ConfigB, IbsiReference.ConfigC };

    public static (Image Image, LabelMap Mask) DigitalPhantom => DigitalPhantomLazy.Value;

    public static (Image Image, LabelMap Mask) CtPhantom => CtPhantomLazy.Value;

    /// <summary>The preset of a data set of the reference table ("dig_phantom", "config_A", …).</summary>
    public static FeatureSettings Preset(string dataSet) => dataSet switch
    {
        IbsiReference.DigitalPhantom => FeaturePresets.DigitalPhantom,
        _ when dataSet.StartsWith("config_", StringComparison.Ordinal) => FeaturePresets.Get("ibsi-config-" + dataSet["config_".Length..]),
        _ => throw new ArgumentException($"Unknown data set {dataSet}", nameof(dataSet)),
    };

    /// <summary>All features of a data set under its preset (every family the extractor offers).</summary>
    public static FeatureTable Features(string dataSet) => Tables.GetOrAdd(dataSet, d => new Lazy<FeatureTable>(() =>
    {
        var (image, mask) = d == IbsiReference.DigitalPhantom ? DigitalPhantom : CtPhantom;
        return FeatureExtractor.Extract(image, mask, Preset(d));
    })).Value;

    private static (Image, LabelMap) Load(string folder)
    {
        var dir = SharedData.Path("ibsi", folder, "nifti");
        return (ImageFile.Read(Path.Combine(dir, "image", "phantom.nii.gz")), ImageFile.ReadLabelMap(Path.Combine(dir, "mask", "mask.nii.gz")));
    }
}
