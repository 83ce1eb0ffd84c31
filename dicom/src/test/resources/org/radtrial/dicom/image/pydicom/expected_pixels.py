#!/usr/bin/python3
"""What Debian's pydicom reads from its own sample images (python3-pydicom 2.3.1), for
PydicomSamplesTest: per file the geometry, a few voxels after the modality LUT (RescaleSlope and
RescaleIntercept) and the sum of all voxels. Also used live by that test on any file:

  /usr/bin/python3 expected_pixels.py [FILE...]     (default: the samples below, in pydicom's folder)

prints one JSON object {name: {...}}. Voxel (i, j) is column i, row j (pixel_array[j, i]).
"""
import json
import os
import sys

import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import apply_modality_lut

FOLDER = os.path.join(os.path.dirname(pydicom.__file__), 'data', 'test_files')
SAMPLES = ['CT_small.dcm', 'MR_small.dcm', 'MR_small_RLE.dcm', 'MR_small_bigendian.dcm', 'MR_small_implicit.dcm',
           'MR_small_expb.dcm', 'MR_small_padded.dcm']
VOXELS = [(0, 0), (1, 0), (0, 1), (10, 20), (31, 17), (63, 63), (5, 40)]


def describe(path):
    ds = pydicom.dcmread(path)
    values = apply_modality_lut(ds.pixel_array, ds).astype(np.float64)
    rows, columns = int(ds.Rows), int(ds.Columns)
    return {
        'rows': rows, 'columns': columns,
        'transfer_syntax': str(ds.file_meta.TransferSyntaxUID),
        'position': [float(x) for x in ds.ImagePositionPatient],
        'orientation': [float(x) for x in ds.ImageOrientationPatient],
        'pixel_spacing': [float(x) for x in ds.PixelSpacing],
        'voxels': [[i, j, float(np.float32(values[j, i]))] for (i, j) in VOXELS if i < columns and j < rows],
        'sum': float(values.astype(np.float32).astype(np.float64).sum()),
    }


files = sys.argv[1:] or [os.path.join(FOLDER, n) for n in SAMPLES]
json.dump({os.path.basename(f) if not sys.argv[1:] else f: describe(f) for f in files}, sys.stdout, indent=1)
print()
