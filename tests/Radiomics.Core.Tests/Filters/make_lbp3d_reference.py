"""PyRadiomics' LBP3D arithmetic (getLBP3DImage) with scipy, for LocalBinaryPattern3DTests.

Usage: /usr/bin/python3 make_lbp3d_reference.py input.csv output.csv
input.csv: "nz,ny,nx", the voxels (x fastest), the ROI (0/1, x fastest), one line each.
output.csv: the maps m1, m2 and k at the ROI voxels (in x-fastest order), one line each.
The icosphere (subdivision 1, radius 1) is built as trimesh's icosphere: the icosahedron on the golden-ratio
rectangles, each edge's midpoint pushed onto the sphere.
"""
import itertools
import sys

import numpy as np
from scipy.ndimage import map_coordinates
from scipy.special import sph_harm
from scipy.stats import kurtosis

source, target = sys.argv[1], sys.argv[2]
with open(source) as f:
    shape = tuple(int(v) for v in f.readline().split(","))
    image = np.array([float(v) for v in f.readline().split(",")]).reshape(shape)
    roi = np.array([int(v) for v in f.readline().split(",")]).reshape(shape)

t = (1 + 5 ** 0.5) / 2
corners = []
for a, b in itertools.product([-1, 1], [-t, t]):
    corners += [(a, b, 0), (0, a, b), (b, 0, a)]
corners = np.array(corners) / np.linalg.norm(corners[0])
edge = min(np.linalg.norm(p - q) for p, q in itertools.combinations(corners, 2))
midpoints = [(p + q) / 2 for p, q in itertools.combinations(corners, 2) if abs(np.linalg.norm(p - q) - edge) < 1e-9]
midpoints = [m / np.linalg.norm(m) for m in midpoints]
vertices = np.vstack([corners, midpoints])
assert len(vertices) == 42

levels = 2
theta = np.arccos(vertices[:, 2])
phi = np.arctan2(vertices[:, 1], vertices[:, 0])
harmonics = [(n, m, sph_harm(m, n, theta, phi)) for n in range(levels) for m in range(-n, n + 1)]

points = np.array(np.where(roi == 1))  # (3, Np) in (z, y, x)
coords = points.T[None, :, :] + vertices[:, None, :]  # (Nv, Np, 3)
samples = map_coordinates(image, coords.T, order=3)  # (Np, Nv)
spherical_kurtosis = kurtosis(samples, axis=1)
above = (samples >= image[tuple(points)][:, None]).astype(int)
maps = []
for n in range(levels):
    response = np.zeros(above.shape, dtype=complex)
    for degree, m, y in harmonics:
        if degree == n:
            c = (above * y[None, :]).sum(axis=1)
            response += c[:, None] * y[None, :]
    maps.append(np.real(np.sqrt((response ** 2).sum(axis=1))))

with open(target, "w") as out:
    for values in maps + [spherical_kurtosis]:
        out.write(",".join(repr(float(v)) for v in values) + "\n")
