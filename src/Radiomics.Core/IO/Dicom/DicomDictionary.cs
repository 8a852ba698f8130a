namespace Radiomics.IO.Dicom;

/// <summary>
/// The subset of the DICOM data dictionary (PS3.6) the toolkit needs: value representations of the elements it reads,
/// for implicit-VR files that do not carry them, and keywords for messages.
/// </summary>
internal static class DicomDictionary
{
    private static readonly Dictionary<uint, (string Vr, string Name)> Entries = Build();

    /// <summary>The VR of a known element; "UN" when unknown (group lengths are UL).</summary>
    public static string Vr(DicomTag tag)
    {
        if (Entries.TryGetValue(tag.Value, out var e))
        {
            return e.Vr;
        }

        return tag.Element == 0 ? "UL" : "UN";
    }

    /// <summary>The keyword of a known element, else its tag.</summary>
    public static string Name(DicomTag tag) => Entries.TryGetValue(tag.Value, out var e) ? e.Name : tag.ToString();

    private static Dictionary<uint, (string, string)> Build()
    {
        // keyword, VR: one line per element the toolkit reads or writes.
        (DicomTag Tag, string Vr, string Name)[] list =
        [
            (DicomTags.FileMetaInformationGroupLength, "UL", "FileMetaInformationGroupLength"),
            (DicomTags.TransferSyntaxUid, "UI", "TransferSyntaxUID"),
            (DicomTags.SpecificCharacterSet, "CS", "SpecificCharacterSet"),
            (DicomTags.ImageType, "CS", "ImageType"),
            (DicomTags.SopClassUid, "UI", "SOPClassUID"),
            (DicomTags.SopInstanceUid, "UI", "SOPInstanceUID"),
            (DicomTags.StudyDate, "DA", "StudyDate"),
            (DicomTags.SeriesDate, "DA", "SeriesDate"),
            (DicomTags.AcquisitionDate, "DA", "AcquisitionDate"),
            (DicomTags.AcquisitionDateTime, "DT", "AcquisitionDateTime"),
            (DicomTags.StudyTime, "TM", "StudyTime"),
            (DicomTags.SeriesTime, "TM", "SeriesTime"),
            (DicomTags.AcquisitionTime, "TM", "AcquisitionTime"),
            (DicomTags.Modality, "CS", "Modality"),
            (DicomTags.StudyDescription, "LO", "StudyDescription"),
            (DicomTags.SeriesDescription, "LO", "SeriesDescription"),
            (DicomTags.ReferencedSeriesSequence, "SQ", "ReferencedSeriesSequence"),
            (DicomTags.ReferencedImageSequence, "SQ", "ReferencedImageSequence"),
            (DicomTags.ReferencedInstanceSequence, "SQ", "ReferencedInstanceSequence"),
            (DicomTags.ReferencedSopClassUid, "UI", "ReferencedSOPClassUID"),
            (DicomTags.ReferencedSopInstanceUid, "UI", "ReferencedSOPInstanceUID"),
            (DicomTags.SourceImageSequence, "SQ", "SourceImageSequence"),
            (DicomTags.DerivationImageSequence, "SQ", "DerivationImageSequence"),
            (DicomTags.DerivationCodeSequence, "SQ", "DerivationCodeSequence"),
            (DicomTags.PurposeOfReferenceCodeSequence, "SQ", "PurposeOfReferenceCodeSequence"),
            (DicomTags.PatientName, "PN", "PatientName"),
            (DicomTags.PatientId, "LO", "PatientID"),
            (DicomTags.PatientSex, "CS", "PatientSex"),
            (DicomTags.PatientSize, "DS", "PatientSize"),
            (DicomTags.PatientWeight, "DS", "PatientWeight"),
            (DicomTags.SliceThickness, "DS", "SliceThickness"),
            (DicomTags.SpacingBetweenSlices, "DS", "SpacingBetweenSlices"),
            (DicomTags.EchoNumbers, "IS", "EchoNumbers"),
            (DicomTags.RadiopharmaceuticalStartTime, "TM", "RadiopharmaceuticalStartTime"),
            (DicomTags.RadionuclideTotalDose, "DS", "RadionuclideTotalDose"),
            (DicomTags.RadionuclideHalfLife, "DS", "RadionuclideHalfLife"),
            (DicomTags.RadiopharmaceuticalStartDateTime, "DT", "RadiopharmaceuticalStartDateTime"),
            (DicomTags.GantryDetectorTilt, "DS", "GantryDetectorTilt"),
            (DicomTags.StudyInstanceUid, "UI", "StudyInstanceUID"),
            (DicomTags.SeriesInstanceUid, "UI", "SeriesInstanceUID"),
            (DicomTags.SeriesNumber, "IS", "SeriesNumber"),
            (DicomTags.AcquisitionNumber, "IS", "AcquisitionNumber"),
            (DicomTags.InstanceNumber, "IS", "InstanceNumber"),
            (DicomTags.ImagePositionPatient, "DS", "ImagePositionPatient"),
            (DicomTags.ImageOrientationPatient, "DS", "ImageOrientationPatient"),
            (DicomTags.FrameOfReferenceUid, "UI", "FrameOfReferenceUID"),
            (DicomTags.TemporalPositionIdentifier, "IS", "TemporalPositionIdentifier"),
            (DicomTags.DimensionOrganizationSequence, "SQ", "DimensionOrganizationSequence"),
            (DicomTags.DimensionIndexSequence, "SQ", "DimensionIndexSequence"),
            (DicomTags.DimensionIndexPointer, "AT", "DimensionIndexPointer"),
            (DicomTags.FunctionalGroupPointer, "AT", "FunctionalGroupPointer"),
            (DicomTags.DimensionIndexValues, "UL", "DimensionIndexValues"),
            (DicomTags.FrameContentSequence, "SQ", "FrameContentSequence"),
            (DicomTags.PlanePositionSequence, "SQ", "PlanePositionSequence"),
            (DicomTags.PlaneOrientationSequence, "SQ", "PlaneOrientationSequence"),
            (DicomTags.TemporalPositionIndex, "UL", "TemporalPositionIndex"),
            (DicomTags.InStackPositionNumber, "UL", "InStackPositionNumber"),
            (DicomTags.SamplesPerPixel, "US", "SamplesPerPixel"),
            (DicomTags.PhotometricInterpretation, "CS", "PhotometricInterpretation"),
            (DicomTags.PlanarConfiguration, "US", "PlanarConfiguration"),
            (DicomTags.NumberOfFrames, "IS", "NumberOfFrames"),
            (DicomTags.Rows, "US", "Rows"),
            (DicomTags.Columns, "US", "Columns"),
            (DicomTags.PixelSpacing, "DS", "PixelSpacing"),
            (DicomTags.BitsAllocated, "US", "BitsAllocated"),
            (DicomTags.BitsStored, "US", "BitsStored"),
            (DicomTags.HighBit, "US", "HighBit"),
            (DicomTags.PixelRepresentation, "US", "PixelRepresentation"),
            (DicomTags.RescaleIntercept, "DS", "RescaleIntercept"),
            (DicomTags.RescaleSlope, "DS", "RescaleSlope"),
            (DicomTags.PixelMeasuresSequence, "SQ", "PixelMeasuresSequence"),
            (DicomTags.PixelValueTransformationSequence, "SQ", "PixelValueTransformationSequence"),
            (DicomTags.Units, "CS", "Units"),
            (DicomTags.DecayCorrection, "CS", "DecayCorrection"),
            (DicomTags.RadiopharmaceuticalInformationSequence, "SQ", "RadiopharmaceuticalInformationSequence"),
            (DicomTags.DetectorInformationSequence, "SQ", "DetectorInformationSequence"),
            (DicomTags.NumberOfSlices, "US", "NumberOfSlices"),
            (DicomTags.SegmentationType, "CS", "SegmentationType"),
            (DicomTags.SegmentSequence, "SQ", "SegmentSequence"),
            (DicomTags.SegmentNumber, "US", "SegmentNumber"),
            (DicomTags.SegmentLabel, "LO", "SegmentLabel"),
            (DicomTags.SegmentAlgorithmType, "CS", "SegmentAlgorithmType"),
            (DicomTags.SegmentIdentificationSequence, "SQ", "SegmentIdentificationSequence"),
            (DicomTags.ReferencedSegmentNumber, "US", "ReferencedSegmentNumber"),
            (DicomTags.RecommendedDisplayCieLabValue, "US", "RecommendedDisplayCIELabValue"),
            (DicomTags.MaximumFractionalValue, "US", "MaximumFractionalValue"),
            (DicomTags.SegmentedPropertyCategoryCodeSequence, "SQ", "SegmentedPropertyCategoryCodeSequence"),
            (DicomTags.SegmentedPropertyTypeCodeSequence, "SQ", "SegmentedPropertyTypeCodeSequence"),
            (DicomTags.ReferencedFrameOfReferenceSequence, "SQ", "ReferencedFrameOfReferenceSequence"),
            (DicomTags.RtReferencedStudySequence, "SQ", "RTReferencedStudySequence"),
            (DicomTags.RtReferencedSeriesSequence, "SQ", "RTReferencedSeriesSequence"),
            (DicomTags.ContourImageSequence, "SQ", "ContourImageSequence"),
            (DicomTags.StructureSetRoiSequence, "SQ", "StructureSetROISequence"),
            (DicomTags.RoiNumber, "IS", "ROINumber"),
            (DicomTags.ReferencedFrameOfReferenceUid, "UI", "ReferencedFrameOfReferenceUID"),
            (DicomTags.RoiName, "LO", "ROIName"),
            (DicomTags.RoiDisplayColor, "IS", "ROIDisplayColor"),
            (DicomTags.RoiContourSequence, "SQ", "ROIContourSequence"),
            (DicomTags.ContourSequence, "SQ", "ContourSequence"),
            (DicomTags.ContourGeometricType, "CS", "ContourGeometricType"),
            (DicomTags.NumberOfContourPoints, "IS", "NumberOfContourPoints"),
            (DicomTags.ContourData, "DS", "ContourData"),
            (DicomTags.ReferencedRoiNumber, "IS", "ReferencedROINumber"),
            (new DicomTag(0x3006, 0x0080), "SQ", "RTROIObservationsSequence"),
            (DicomTags.SharedFunctionalGroupsSequence, "SQ", "SharedFunctionalGroupsSequence"),
            (DicomTags.PerFrameFunctionalGroupsSequence, "SQ", "PerFrameFunctionalGroupsSequence"),
            (DicomTags.ExtendedOffsetTable, "OV", "ExtendedOffsetTable"),
            (DicomTags.ExtendedOffsetTableLengths, "OV", "ExtendedOffsetTableLengths"),
            (DicomTags.PixelData, "OW", "PixelData"),
            (new DicomTag(0x0008, 0x1032), "SQ", "ProcedureCodeSequence"),
            (new DicomTag(0x0008, 0x1111), "SQ", "ReferencedPerformedProcedureStepSequence"),
            (new DicomTag(0x0008, 0x1120), "SQ", "ReferencedPatientSequence"),
            (new DicomTag(0x0008, 0x1110), "SQ", "ReferencedStudySequence"),
            (new DicomTag(0x0018, 0x9117), "SQ", "MRDiffusionSequence"),
            (new DicomTag(0x0040, 0x0275), "SQ", "RequestAttributesSequence"),
            (new DicomTag(0x0040, 0x0260), "SQ", "PerformedProtocolCodeSequence"),
            (new DicomTag(0x0054, 0x0300), "SQ", "RadionuclideCodeSequence"),
            (new DicomTag(0x0054, 0x0304), "SQ", "RadiopharmaceuticalCodeSequence"),
            (new DicomTag(0x0054, 0x0410), "SQ", "PatientOrientationCodeSequence"),
            (new DicomTag(0x0054, 0x0412), "SQ", "PatientOrientationModifierCodeSequence"),
            (new DicomTag(0x0054, 0x0414), "SQ", "PatientGantryRelationshipCodeSequence"),
            (new DicomTag(0x0028, 0x3010), "SQ", "VOILUTSequence"),
            (new DicomTag(0x0028, 0x3000), "SQ", "ModalityLUTSequence"),
            (new DicomTag(0x0088, 0x0200), "SQ", "IconImageSequence"),
            (new DicomTag(0x0040, 0xA730), "SQ", "ContentSequence"),
            (new DicomTag(0x0040, 0xA043), "SQ", "ConceptNameCodeSequence"),
            (new DicomTag(0x0040, 0xA168), "SQ", "ConceptCodeSequence"),
            (new DicomTag(0x0400, 0x0561), "SQ", "OriginalAttributesSequence"),
            (new DicomTag(0x0062, 0x0007), "SQ", "AnatomicRegionSequence"),
            (new DicomTag(0x0062, 0x0011), "SQ", "SegmentedPropertyTypeModifierCodeSequence"),
            (new DicomTag(0x0066, 0x002F), "SQ", "AlgorithmFamilyCodeSequence"),
            (new DicomTag(0x0020, 0x9071), "SQ", "FrameAnatomySequence"),
            (new DicomTag(0x0020, 0x9310), "SQ", "TemporalPositionSequence"),
            (new DicomTag(0x0028, 0x9132), "SQ", "FrameVOILUTSequence"),
            (new DicomTag(0x0018, 0x9114), "SQ", "MREchoSequence"),
            (new DicomTag(0x0018, 0x9226), "SQ", "MRImageFrameTypeSequence"),
            (new DicomTag(0x0018, 0x9329), "SQ", "CTImageFrameTypeSequence"),
            (new DicomTag(0x0018, 0x9732), "SQ", "PETFrameTypeSequence"),
            (new DicomTag(0x0040, 0x9096), "SQ", "RealWorldValueMappingSequence"),
            (DicomTags.PhilipsSuvScaleFactor, "DS", "SUVScaleFactor (Philips)"),
        ];
        var map = new Dictionary<uint, (string, string)>(list.Length);
        foreach (var (tag, vr, name) in list)
        {
            map[tag.Value] = (vr, name);
        }

        return map;
    }
}
