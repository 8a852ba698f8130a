#!/usr/bin/python3
"""Builds compressed DICOM frame fixtures for the codec tests.

Usage: /usr/bin/python3 make_codec_fixtures.py NRRD OUTDIR [ZOOM]

ZOOM (default 1) enlarges the slice by linear interpolation plus Gaussian noise (sd 8), for benchmarks
(bench/CodecBench uses ZOOM 2: 512×512 from brain1's 256×256).

Writes uncompressed single-frame DICOM files from the middle slice of NRRD (16-bit signed and unsigned, 12-bit,
8-bit grey, 8-bit RGB), re-encodes them with dcmtk (dcmcrle, dcmcjpeg, dcmcjpls) and gdcm (gdcmconv), decodes each
with the same tool's decoder, and writes per case NAME.enc (the frame's fragments, concatenated), NAME.ref (the
tool's decoded samples, little endian) and NAME.src (the samples before encoding). OUTDIR/cases.tsv lists the cases:
name, transfer syntax, rows, columns, samples per pixel, bits allocated, bits stored, signed, planar configuration,
the tool's maximum deviation from the source (0 lossless, NEAR for near-lossless JPEG-LS, -1 lossy: not checked),
whether the tool's output must equal the source, and the decoded photometric interpretation. Our decoding must equal
the tool's (NAME.ref) sample for sample.
A case whose tool fails is left out and named on stderr.
"""
import gzip
import os
import subprocess
import sys

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import generate_pixel_data_frame
from pydicom.uid import ExplicitVRLittleEndian, generate_uid


def read_nrrd(path):
    with open(path, "rb") as f:
        data = f.read()
    end = data.index(b"\n\n")
    header = dict(
        line.split(": ", 1) for line in data[:end].decode("ascii").splitlines()[1:] if ": " in line and not line.startswith("#"))
    sizes = [int(s) for s in header["sizes"].split()]
    body = data[end + 2:]
    if header.get("encoding") == "gzip":
        body = gzip.decompress(body)
    types = {"short": "<i2", "unsigned char": "u1", "ushort": "<u2", "float": "<f4"}
    vol = np.frombuffer(body, dtype=types[header["type"]]).reshape(sizes[::-1])
    return vol


def write_dicom(path, pixels, bits_stored, signed, rgb=False):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.4"
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.SOPClassUID = meta.MediaStorageSOPClassUID
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = generate_uid()
    ds.SeriesInstanceUID = generate_uid()
    ds.Modality = "MR"
    ds.PatientName = "Codec^Fixture"
    ds.PatientID = "codec"
    ds.Rows, ds.Columns = pixels.shape[0], pixels.shape[1]
    ds.SamplesPerPixel = 3 if rgb else 1
    ds.PhotometricInterpretation = "RGB" if rgb else "MONOCHROME2"
    if rgb:
        ds.PlanarConfiguration = 0
    ds.BitsAllocated = pixels.dtype.itemsize * 8
    ds.BitsStored = bits_stored
    ds.HighBit = bits_stored - 1
    ds.PixelRepresentation = 1 if signed else 0
    ds.PixelData = pixels.astype(pixels.dtype.newbyteorder("<")).tobytes()
    ds.save_as(path, write_like_original=False)


def run(args):
    r = subprocess.run(args, capture_output=True)
    if r.returncode != 0:
        raise RuntimeError(" ".join(args) + ": " + r.stderr.decode(errors="replace")[:300])


def main():
    nrrd, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    vol = read_nrrd(nrrd)
    sl = np.ascontiguousarray(vol[vol.shape[0] // 2]).astype(np.int32)
    zoom = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    if zoom > 1:
        from scipy.ndimage import zoom as enlarge
        noise = np.random.default_rng(14).normal(0, 8, (sl.shape[0] * zoom, sl.shape[1] * zoom))
        sl = np.clip(np.rint(enlarge(sl.astype(np.float64), zoom, order=1) + noise), 0, None).astype(np.int32)
    sources = {
        "s16": ((sl - 300).astype(np.int16), 16, True, False),
        "u16": ((sl * 37 % 65536).astype(np.uint16), 16, False, False),
        "u12": (np.clip(sl * 3, 0, 4095).astype(np.uint16), 12, False, False),
        "u8": (np.clip(sl // 4, 0, 255).astype(np.uint8), 8, False, False),
        "rgb8": (np.stack([np.clip(sl // 4, 0, 255), np.clip(255 - sl // 5, 0, 255), (sl * 7) % 256], axis=-1)
                 .astype(np.uint8), 8, False, True),
    }
    for key, (px, bits, signed, rgb) in sources.items():
        write_dicom(os.path.join(out, key + ".dcm"), px, bits, signed, rgb)

    D = "dcmtk"
    G = "gdcm"
    # name, source, encoder, decoder family, deviation from source, lossless
    cases = [
        ("rle_s16", "s16", ["dcmcrle"], D, 0, True),
        ("rle_u16", "u16", ["dcmcrle"], D, 0, True),
        ("rle_u8", "u8", ["dcmcrle"], D, 0, True),
        ("rle_rgb8", "rgb8", ["dcmcrle"], D, 0, True),
        ("rle_gdcm_s16", "s16", ["gdcmconv", "--rle"], G, 0, True),
        ("jll_sv1_s16", "s16", ["dcmcjpeg", "+e1"], D, 0, True),
        ("jll_sv1_u16", "u16", ["dcmcjpeg", "+e1"], D, 0, True),
        ("jll_sv1_u8", "u8", ["dcmcjpeg", "+e1"], D, 0, True),
        ("jll_sv1_u12", "u12", ["dcmcjpeg", "+e1"], D, 0, True),
    ] + [
        (f"jll_p14_sv{sv}_u16", "u16", ["dcmcjpeg", "+el", "+sv", str(sv)], D, 0, True) for sv in range(1, 8)
    ] + [
        ("jll_sv7_s16", "s16", ["dcmcjpeg", "+el", "+sv", "7"], D, 0, True),
        ("jll_rgb8", "rgb8", ["dcmcjpeg", "+e1"], D, 0, True),
        ("jll_gdcm_s16", "s16", ["gdcmconv", "--jpeg"], G, 0, True),
        ("jll_gdcm_u8", "u8", ["gdcmconv", "--jpeg"], G, 0, True),
        ("jpeg_baseline_u8", "u8", ["dcmcjpeg", "+eb"], D, -1, False),
        ("jpeg_extended_u8", "u8", ["dcmcjpeg", "+ee"], D, -1, False),
        ("jpeg_extended_u12", "u12", ["dcmcjpeg", "+ee"], D, -1, False),
        ("jpeg_baseline_rgb8", "rgb8", ["dcmcjpeg", "+eb"], D, -1, False),
        ("jpeg_gdcm_u8", "u8", ["gdcmconv", "--jpeg", "--lossy", "-q", "90"], G, -1, False),
        ("jls_s16", "s16", ["dcmcjpls"], D, 0, True),
        ("jls_u16", "u16", ["dcmcjpls"], D, 0, True),
        ("jls_u12", "u12", ["dcmcjpls"], D, 0, True),
        ("jls_u8", "u8", ["dcmcjpls"], D, 0, True),
        ("jls_rgb8", "rgb8", ["dcmcjpls"], D, 0, True),
        ("jls_rgb8_planes", "rgb8", ["dcmcjpls", "+in"], D, 0, True),
        ("jls_rgb8_samples", "rgb8", ["dcmcjpls", "+is"], D, 0, True),
        ("jls_near2_u16", "u16", ["dcmcjpls", "+en"], D, 2, False),
        ("jls_near3_u12", "u12", ["dcmcjpls", "+en", "+md", "3"], D, 3, False),
        ("jls_near2_u8", "u8", ["dcmcjpls", "+en"], D, 2, False),
        ("jls_gdcm_s16", "s16", ["gdcmconv", "--jpegls"], G, 0, True),
        ("j2k_s16", "s16", ["gdcmconv", "--j2k"], G, 0, True),
        ("j2k_u16", "u16", ["gdcmconv", "--j2k"], G, 0, True),
        ("j2k_u8", "u8", ["gdcmconv", "--j2k"], G, 0, True),
        ("j2k_lossy_s16", "s16", ["gdcmconv", "--j2k", "--lossy", "-q", "55"], G, -1, False),
        ("j2k_lossy_u16", "u16", ["gdcmconv", "--j2k", "--lossy", "--irreversible", "-r", "10"], G, -1, False),
    ]
    decoders = {"dcmcrle": ["dcmdrle"], "dcmcjpeg": ["dcmdjpeg"], "dcmcjpls": ["dcmdjpls"], "gdcmconv": ["gdcmconv", "--raw"]}
    with open(os.path.join(out, "cases.tsv"), "w") as tsv:
        for name, src, enc, _, tol, lossless in cases:
            src_path = os.path.join(out, src + ".dcm")
            enc_path = os.path.join(out, name + ".enc.dcm")
            dec_path = os.path.join(out, name + ".dec.dcm")
            try:
                run(enc + [src_path, enc_path])
                run(decoders[enc[0]] + [enc_path, dec_path])
                eds = pydicom.dcmread(enc_path)
                dds = pydicom.dcmread(dec_path)
                sds = pydicom.dcmread(src_path)
                frame = next(generate_pixel_data_frame(eds.PixelData, 1))
                ref = bytes(dds.PixelData)
                if len(ref) % 2 == 1:
                    ref = ref[:-1]
                src_bytes = bytes(sds.PixelData)
                expected = sds.Rows * sds.Columns * sds.SamplesPerPixel * sds.BitsAllocated // 8
                ref = ref[:expected]
                if lossless and ref != src_bytes:
                    raise RuntimeError(f"{name}: the tool's own decoding differs from the source")
                with open(os.path.join(out, name + ".enc"), "wb") as f:
                    f.write(frame)
                with open(os.path.join(out, name + ".ref"), "wb") as f:
                    f.write(ref)
                with open(os.path.join(out, name + ".src"), "wb") as f:
                    f.write(src_bytes)
                planar = int(getattr(dds, "PlanarConfiguration", 0)) if sds.SamplesPerPixel > 1 else 0
                tsv.write("\t".join(str(v) for v in [
                    name, eds.file_meta.TransferSyntaxUID, sds.Rows, sds.Columns, sds.SamplesPerPixel, sds.BitsAllocated,
                    sds.BitsStored, sds.PixelRepresentation, planar, tol, int(lossless),
                    str(dds.get("PhotometricInterpretation", ""))]) + "\n")
            except Exception as e:  # noqa: BLE001 - report and continue with the other cases
                print(f"skipped {name}: {e}", file=sys.stderr)
            finally:
                for p in (enc_path, dec_path):
                    if os.path.exists(p):
                        os.remove(p)


if __name__ == "__main__":
    main()
