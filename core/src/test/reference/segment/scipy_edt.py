"""Live cross-check of DistanceTransform: scipy.ndimage.distance_transform_edt with sampling.

Usage: scipy_edt.py PARAMS, a text file holding "FEATURES NX NY NZ SX SY SZ OUT".
FEATURES holds one byte per voxel (1 = feature), i fastest (radtrial's index order), so numpy reads
it as an array of shape (nz, ny, nx) whose sampling is (sz, sy, sx). Writes the distances in mm to
OUT as little-endian float64 in the same order.
"""
import sys

import numpy as np
from scipy import ndimage

with open(sys.argv[1]) as f:
    path, nx, ny, nz, sx, sy, sz, out = f.read().split()
nx, ny, nz = int(nx), int(ny), int(nz)
features = np.fromfile(path, dtype=np.uint8).reshape((nz, ny, nx)) != 0
d = ndimage.distance_transform_edt(~features, sampling=(float(sz), float(sy), float(sx)))
d.astype("<f8").tofile(out)
print(ndimage.__name__, "scipy", __import__("scipy").__version__)
