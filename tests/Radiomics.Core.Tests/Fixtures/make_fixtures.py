"""Writes the small NIfTI fixtures of the I/O tests with nibabel (an independent implementation) and prints the
geometry nibabel reports, converted to LPS as ITK reports it. Run with Debian's python3-nibabel:
    /usr/bin/python3 make_fixtures.py
The printed values are pasted into NiftiFixtureTests.cs."""
import numpy as np, nibabel as nib

def rot(axis, deg):
    a = np.asarray(axis, float); a /= np.linalg.norm(a); t = np.deg2rad(deg)
    K = np.array([[0, -a[2], a[1]], [a[2], 0, -a[0]], [-a[1], a[0], 0]])
    return np.eye(3) + np.sin(t) * K + (1 - np.cos(t)) * K @ K

def report(name, img):
    lps = np.diag([-1, -1, 1, 1.0]) @ img.affine
    A = lps[:3, :3]; sp = np.linalg.norm(A, axis=0)
    data = np.asanyarray(img.dataobj).astype(np.float64)
    print(name, "spacing", list(sp), "origin", list(lps[:3, 3]), "direction(row-major)", list((A / sp).reshape(-1)),
          "sum", data.sum(), "v[1,2,3]", data[1, 2, 3])

rng = np.random.default_rng(7)
data = rng.integers(-500, 1500, size=(6, 5, 4)).astype(np.int16)

# 1. qform only, oblique, left-handed (qfac = -1)
R = rot([1, 2, 3], 25) @ np.diag([1, 1, -1])
aff = np.eye(4); aff[:3, :3] = R @ np.diag([0.8, 1.2, 2.5]); aff[:3, 3] = [12.5, -40.25, 7.0]
img = nib.Nifti1Image(data, None); img.set_qform(aff, code=1); img.set_sform(None, code=0)
nib.save(img, "qform_oblique.nii"); report("qform_oblique", nib.load("qform_oblique.nii"))

# 2. sform and qform disagree. ITK 5.4 takes the sform when its code is SCANNER_ANAT (1) ...
aff2 = np.eye(4); aff2[:3, :3] = rot([0, 0, 1], 90) @ np.diag([0.8, 1.2, 2.5]); aff2[:3, 3] = [10, 20, 30]
img = nib.Nifti1Image(data, None); img.set_qform(aff, code=1); img.set_sform(aff2, code=1)
nib.save(img, "sform_preferred.nii.gz"); report("sform_preferred", nib.load("sform_preferred.nii.gz"))
# ... and the qform when the sform is another code (ALIGNED_ANAT, 2) that disagrees with it; nibabel reports the sform.
img = nib.Nifti1Image(data, None); img.set_qform(aff, code=1); img.set_sform(aff2, code=2)
nib.save(img, "aligned_sform_disagrees.nii.gz")

# 3. big-endian int16 with scaling (scl_slope 0.5, scl_inter -10)
hdr = nib.Nifti1Header(endianness=">"); hdr.set_data_dtype(np.int16)
aff3 = np.eye(4); aff3[:3, :3] = rot([0, 0, 1], 90) @ np.diag([2.0, 3.0, 4.0]); aff3[:3, 3] = [10, 20, 30]
img = nib.Nifti1Image(data, aff3, header=hdr)
nib.save(img, "bigendian_scaled.nii")
import struct  # nibabel recomputes scaling on save, so scl_slope/scl_inter are patched into the header
with open("bigendian_scaled.nii", "r+b") as f:
    f.seek(112); f.write(struct.pack(">ff", 0.5, -10.0))
report("bigendian_scaled", nib.load("bigendian_scaled.nii"))

# 4. NIfTI-2
img = nib.Nifti2Image(data.astype(np.float64), aff3)
nib.save(img, "nifti2.nii.gz"); report("nifti2", nib.load("nifti2.nii.gz"))
