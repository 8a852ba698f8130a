#!/usr/bin/python3
"""Synthesises a CT series for the DICOM speed benchmark: NX x NY x NZ int16 slices (default 512x512x300),
0.7 mm pixels, 1 mm slices, soft-tissue noise with bone and air shapes, written with pydicom (explicit VR LE).

usage: make_ct_series.py OUTDIR [NX NY NZ]
"""
import os
import sys

import numpy as np
from pydicom.dataset import FileDataset, FileMetaDataset
from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian, generate_uid

out = sys.argv[1]
nx, ny, nz = (int(v) for v in sys.argv[2:5]) if len(sys.argv) >= 5 else (512, 512, 300)
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(7)
yy, xx = np.mgrid[0:ny, 0:nx]
body = ((xx - nx / 2) ** 2 / (0.45 * nx) ** 2 + (yy - ny / 2) ** 2 / (0.35 * ny) ** 2) < 1
series, study, frame = generate_uid(), generate_uid(), generate_uid()
for k in range(nz):
    bone = ((xx - nx / 2) ** 2 + (yy - ny * 0.6) ** 2) < (0.05 * nx * (1 + 0.3 * np.sin(k / 20))) ** 2
    img = np.where(body, 40 + rng.normal(0, 20, (ny, nx)), -1000).astype(np.int16)
    img[bone] = 700
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = CTImageStorage
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.SOPClassUID, ds.SOPInstanceUID = CTImageStorage, meta.MediaStorageSOPInstanceUID
    ds.Modality, ds.PatientName, ds.PatientID, ds.StudyDate = "CT", "Bench^CT", "BENCH", "20240108"
    ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.FrameOfReferenceUID = study, series, frame
    ds.InstanceNumber = k + 1
    ds.ImagePositionPatient = [-nx * 0.35, -ny * 0.35, -150.0 + k]
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    ds.PixelSpacing = [0.7, 0.7]
    ds.SliceThickness = "1"
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.Rows, ds.Columns = ny, nx
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
    ds.RescaleIntercept, ds.RescaleSlope = "0", "1"
    ds.PixelData = img.tobytes()
    ds.save_as(os.path.join(out, f"CT{k:04d}.dcm"), write_like_original=False)
