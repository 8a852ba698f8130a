"""Carry a pair's baseline mask through any tool's displacement field the same way, and measure the field's folding.

usage: /usr/bin/python3 bench/registration_fair_warp.py PAIRDIR FIELD OUT_MASK
FIELD: the estimated displacement u on the follow-up grid, mm, LPS components (ours, elastix's transformix field and
plastimatch's vf are all written so). The mask is warped by linear interpolation of the binary baseline mask at
x + u(x), kept where >= 0.5 -- as make_pair.py makes the true follow-up mask -- so no tool gains or loses by its own
mask interpolator. Prints one JSON line: jacobian_min (det(I + grad u), central differences in physical space) and
folded_mm3 (volume where det J <= 0).
"""
import json, sys
import numpy as np
import nibabel as nib
from scipy import ndimage

def lps_affine(img):
    return np.diag([-1, -1, 1, 1.0]) @ img.affine

def main():
    pair, field_path, out = sys.argv[1:4]
    ref = nib.load(f"{pair}/followup.nii.gz")
    base = nib.load(f"{pair}/baseline_mask.nii.gz")
    shape = ref.shape[:3]
    u = np.asanyarray(nib.load(field_path).dataobj).reshape(shape + (3,)).astype(np.float64)
    A = lps_affine(ref)
    idx = np.stack(np.meshgrid(*[np.arange(n, dtype=np.float64) for n in shape], indexing="ij"), -1)
    phys = idx @ A[:3, :3].T + A[:3, 3]
    B = lps_affine(base)
    src = (phys + u - B[:3, 3]) @ np.linalg.inv(B[:3, :3]).T
    mask = (np.asanyarray(base.dataobj) > 0).astype(np.float32)
    warped = ndimage.map_coordinates(mask, [src[..., k] for k in range(3)], order=1, mode="constant") >= 0.5
    img = nib.Nifti1Image(warped.astype(np.uint8), ref.affine)
    img.set_qform(ref.affine, code=1); img.set_sform(ref.affine, code=1)
    nib.save(img, out)
    # grad u in physical space: d u_i / d x_j = sum_k d u_i / d index_k * inv(A)[k, j]
    inv = np.linalg.inv(A[:3, :3])
    g = np.stack([np.stack(np.gradient(u[..., i], axis=(0, 1, 2)), -1) for i in range(3)], -2)  # (..., i, k)
    jac = np.eye(3) + g @ inv
    det = np.linalg.det(jac)
    voxel = abs(np.linalg.det(A[:3, :3]))
    print(json.dumps({"jacobian_min": round(float(det.min()), 4), "folded_mm3": round(float((det <= 0).sum() * voxel), 1)}))

if __name__ == "__main__":
    main()
