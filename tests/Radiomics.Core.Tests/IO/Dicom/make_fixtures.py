#!/usr/bin/python3
"""DICOM fixtures written with pydicom (an independent writer) for the toolkit's tests.

usage: make_fixtures.py OUTDIR

OUTDIR/pet          PET series (3 slices, 4x4, BQML, DecayCorrection START) with known dose, times and weight
OUTDIR/pet_nodose   the same without RadionuclideTotalDose
OUTDIR/enhanced     one Enhanced MR multi-frame image (4 frames, per-frame position and rescale)
OUTDIR/single       its single-frame twin: 4 MR images with the same positions, values and rescale
"""
import os
import sys

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

ROWS, COLS = 4, 5


def base(sop_class, modality, series, study, frame):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.Modality = modality
    ds.PatientName = "Fixture^Patient"
    ds.PatientID = "FX01"
    ds.StudyInstanceUID = study
    ds.SeriesInstanceUID = series
    ds.FrameOfReferenceUID = frame
    ds.StudyDate = "20240108"
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows = ROWS
    ds.Columns = COLS
    ds.BitsAllocated = 16
    ds.BitsStored = 16
    ds.HighBit = 15
    ds.PixelRepresentation = 0
    return ds


def pet(folder, with_dose):
    os.makedirs(folder, exist_ok=True)
    series, study, frame = generate_uid(), generate_uid(), generate_uid()
    for k, slope in enumerate([0.5, 1.25, 2.0]):
        ds = base("1.2.840.10008.5.1.4.1.1.128", "PT", series, study, frame)
        ds.SeriesDate = "20240108"
        ds.SeriesTime = "110000"
        ds.AcquisitionDate = "20240108"
        ds.AcquisitionTime = "110000"
        ds.Units = "BQML"
        ds.DecayCorrection = "START"
        ds.PatientWeight = "75"
        ds.PatientSize = "1.8"
        ds.PatientSex = "M"
        item = Dataset()
        item.RadiopharmaceuticalStartTime = "100000"
        if with_dose:
            item.RadionuclideTotalDose = "370000000"
        item.RadionuclideHalfLife = "6586.2"
        ds.RadiopharmaceuticalInformationSequence = Sequence([item])
        ds.InstanceNumber = k + 1
        ds.ImagePositionPatient = [0, 0, 4.0 * k]
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.PixelSpacing = [2, 2]
        ds.RescaleSlope = str(slope)
        ds.RescaleIntercept = "0"
        ds.PixelData = (np.arange(ROWS * COLS, dtype=np.uint16) * 100 + 1000 * k).tobytes()
        ds.save_as(os.path.join(folder, f"pt{k}.dcm"), write_like_original=False)


def mr(outdir):
    positions = [[10.0 + 3 * k, -6, -5] for k in range(4)]
    slopes = [1.0, 0.5, 2.0, 1.5]
    intercepts = [0.0, -10.0, 5.0, 0.0]
    values = [np.arange(ROWS * COLS, dtype=np.uint16) * (k + 1) + 7 * k for k in range(4)]
    iop = [0, 1, 0, 0, 0, -1]  # sagittal
    study, frame = generate_uid(), generate_uid()

    os.makedirs(os.path.join(outdir, "single"), exist_ok=True)
    series = generate_uid()
    for k in range(4):
        ds = base("1.2.840.10008.5.1.4.1.1.4", "MR", series, study, frame)
        ds.InstanceNumber = k + 1
        ds.ImagePositionPatient = positions[k]
        ds.ImageOrientationPatient = iop
        ds.PixelSpacing = [0.8, 0.6]
        ds.RescaleSlope = str(slopes[k])
        ds.RescaleIntercept = str(intercepts[k])
        ds.PixelData = values[k].tobytes()
        ds.save_as(os.path.join(outdir, "single", f"mr{k}.dcm"), write_like_original=False)

    os.makedirs(os.path.join(outdir, "enhanced"), exist_ok=True)
    ds = base("1.2.840.10008.5.1.4.1.1.4.1", "MR", generate_uid(), study, frame)
    ds.NumberOfFrames = 4
    shared = Dataset()
    measures = Dataset()
    measures.PixelSpacing = [0.8, 0.6]
    measures.SliceThickness = "3"
    shared.PixelMeasuresSequence = Sequence([measures])
    orientation = Dataset()
    orientation.ImageOrientationPatient = iop
    shared.PlaneOrientationSequence = Sequence([orientation])
    ds.SharedFunctionalGroupsSequence = Sequence([shared])
    frames = []
    # Frames stored in reverse order: positions, not storage order, place them.
    for k in reversed(range(4)):
        item = Dataset()
        position = Dataset()
        position.ImagePositionPatient = positions[k]
        item.PlanePositionSequence = Sequence([position])
        transform = Dataset()
        transform.RescaleSlope = str(slopes[k])
        transform.RescaleIntercept = str(intercepts[k])
        transform.RescaleType = "US"
        item.PixelValueTransformationSequence = Sequence([transform])
        frames.append(item)
    ds.PerFrameFunctionalGroupsSequence = Sequence(frames)
    ds.PixelData = b"".join(values[k].tobytes() for k in reversed(range(4)))
    ds.save_as(os.path.join(outdir, "enhanced", "enhanced.dcm"), write_like_original=False)


if __name__ == "__main__":
    out = sys.argv[1]
    pet(os.path.join(out, "pet"), True)
    pet(os.path.join(out, "pet_nodose"), False)
    mr(out)
