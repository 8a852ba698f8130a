namespace Radiomics.IO.Dicom;

/// <summary>The standardised uptake value normalisation of a PET image.</summary>
public enum SuvKind
{
    /// <summary>Keep the stored units (Bq/ml for BQML).</summary>
    None,

    /// <summary>SUV body weight (g/ml).</summary>
    BodyWeight,

    /// <summary>SUV lean body mass, James' formula (g/ml).</summary>
    LeanBodyMass,

    /// <summary>SUV body surface area, Du Bois' formula (cm²/ml).</summary>
    BodySurfaceArea,
}
