namespace Radiomics.Features;

/// <summary>
/// One computed feature value, named as in the IBSI 1 manual. <see cref="Family"/> uses the family keys of the IBSI
/// reference tables (morphology, local_intensity, intensity_statistics, intensity_histogram, ivh, glcm, glrlm, glszm,
/// gldzm, ngtdm, ngldm); <see cref="Aggregation"/> is the IBSI wording for texture features ("3D, merged") and empty
/// otherwise; <see cref="Variant"/> distinguishes several values of one feature (e.g. "V10" and "V90").
/// </summary>
public sealed record FeatureValue(string Family, string Feature, string IbsiCode, double Value, string Aggregation = "", string Variant = "");
