"""Reference values for ResampleTests: scipy.ndimage.map_coordinates on the IBSI align-grid-centres grid.

Run with any Python that has numpy and scipy (e.g. Debian's python3-scipy):
    python3 make_resample_fixture.py > resample_scipy.csv
The image is a deterministic 20 x 18 x 12 pattern with spacing (0.9, 1.1, 3) mm, resampled to 2 mm.
"""
import math

import numpy as np
import scipy.ndimage as ndi

nx, ny, nz = 20, 18, 12
spacing = [0.9, 1.1, 3.0]
a = np.zeros((nz, ny, nx))
for z in range(nz):
    for y in range(ny):
        for x in range(nx):
            a[z, y, x] = ((x * 7 + y * 13 + z * 29) % 17) * 10 - 50 + x * y
n = [nx, ny, nz]
nb = [math.ceil(n[i] * spacing[i] / 2 - 1e-9) for i in range(3)]
pos = [0.5 * (n[i] - 1 - 2 / spacing[i] * (nb[i] - 1)) + np.arange(nb[i]) * 2 / spacing[i] for i in range(3)]
Z, Y, X = np.meshgrid(pos[2], pos[1], pos[0], indexing="ij")
print("order,values")
for order in (0, 1, 3):
    r = ndi.map_coordinates(a, [Z, Y, X], order=order, mode="nearest")
    print(f"{order}," + " ".join(repr(float(v)) for v in r.ravel()))
