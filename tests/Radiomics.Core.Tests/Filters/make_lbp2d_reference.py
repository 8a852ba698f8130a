"""PyRadiomics' LBP2D (scikit-image's local_binary_pattern per slice, as getLBP2DImage) of a volume, for LocalBinaryPattern2DTests.

Usage: /usr/bin/python3 make_lbp2d_reference.py input.csv output.csv
input.csv: "nz,ny,nx" then the voxels (x fastest) on one line. output.csv: one line per case,
"method,P,R,axis," then the LBP2D image (x fastest).
"""
import sys

import numpy as np
from skimage.feature import local_binary_pattern

source, target = sys.argv[1], sys.argv[2]
with open(source) as f:
    shape = tuple(int(v) for v in f.readline().split(","))
    volume = np.array([float(v) for v in f.readline().split(",")]).reshape(shape)

with open(target, "w") as out:
    for method in ["default", "ror", "uniform", "var"]:
        for samples, radius in [(8, 1), (12, 2), (4, 1.5)]:
            for axis in [0, 1, 2]:
                lbp = volume.copy().swapaxes(0, axis)
                for index in range(lbp.shape[0]):
                    lbp[index, ...] = local_binary_pattern(lbp[index, ...], P=samples, R=radius, method=method)
                lbp = lbp.swapaxes(0, axis)
                values = ",".join(repr(float(v)) for v in lbp.ravel())
                out.write(f"{method},{samples},{radius},{axis},{values}\n")
