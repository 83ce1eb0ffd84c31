#!/usr/bin/python3
"""Writes the small NIfTI-1 files NiftiNibabelFixturesTest reads, with Debian's python3-nibabel, and
prints (and writes to expected.json) what nibabel itself reads back from each: shape, the affine
nibabel uses (img.affine = header.get_best_affine()), a few voxels and the sum of all voxels.

Run from this folder: /usr/bin/python3 make_fixtures.py > expected.json
Written with nibabel 5.0.0 and numpy 1.24.2 (Debian 12). Deterministic: a fixed random seed.
"""
import json
import math
import sys

import nibabel as nib
import numpy as np

rng = np.random.default_rng(20240611)
SHAPE = (5, 4, 3)


def rotation(ax, ay, az):
    cx, sx, cy, sy, cz, sz = math.cos(ax), math.sin(ax), math.cos(ay), math.sin(ay), math.cos(az), math.sin(az)
    rx = np.array([[1, 0, 0], [0, cx, -sx], [0, sx, cx]])
    ry = np.array([[cy, 0, sy], [0, 1, 0], [-sy, 0, cy]])
    rz = np.array([[cz, -sz, 0], [sz, cz, 0], [0, 0, 1]])
    return rz @ ry @ rx


def affine(rot, zooms, offset):
    a = np.eye(4)
    a[:3, :3] = rot @ np.diag(zooms)
    a[:3, 3] = offset
    return a


AXIAL = affine(np.eye(3), (0.8, 0.9, 2.5), (-100.0, -120.5, 30.25))
OBLIQUE = affine(rotation(0.3, -0.2, 0.5), (1.1, 0.7, 3.0), (12.5, -40.0, 7.75))
FLIPPED = affine(rotation(0.1, 0.05, -0.4) @ np.diag((1, 1, -1)), (0.5, 0.6, 1.5), (-3.0, 5.0, -60.0))


def data(dtype, low, high, shape=SHAPE):
    if np.issubdtype(np.dtype(dtype), np.floating):
        return (rng.random(shape) * (high - low) + low).astype(dtype)
    return rng.integers(low, high, size=shape, endpoint=True).astype(dtype)


def save(name, array, aff, dtype, qform=None, sform=None, scale=None, endian='<'):
    header = nib.Nifti1Header(endianness=endian)
    header.set_data_dtype(dtype)
    img = nib.Nifti1Image(array, aff, header=header)
    img.set_data_dtype(dtype)
    if sform is not None:
        img.set_sform(sform[0], code=sform[1])
    if qform is not None:
        img.set_qform(qform[0], code=qform[1])
    if scale is not None:
        img.header.set_slope_inter(*scale)
    nib.save(img, name)


# name -> how it was made (the test reads each file and compares with what nibabel reads back)
save('uint8_axial.nii', data(np.uint8, 0, 255), AXIAL, np.uint8, qform=(AXIAL, 1), sform=(AXIAL, 1))
save('int8.nii', data(np.int8, -128, 127), AXIAL, np.int8, qform=(AXIAL, 1), sform=(AXIAL, 1))
save('int16_scaled.nii.gz', data(np.int16, -32768, 32767), AXIAL, np.int16, qform=(AXIAL, 1), sform=(AXIAL, 1),
     scale=(0.5, -1024.0))
save('uint16_big_endian.nii', data(np.uint16, 0, 65535), OBLIQUE, np.dtype('>u2'), qform=(OBLIQUE, 1),
     sform=(OBLIQUE, 2), endian='>')
save('int32_qform_oblique.nii', data(np.int32, -2**31, 2**31 - 1), OBLIQUE, np.int32, qform=(OBLIQUE, 1),
     sform=(None, 0))
save('uint32_qform_flipped.nii', data(np.uint32, 0, 2**32 - 1), FLIPPED, np.uint32, qform=(FLIPPED, 1),
     sform=(None, 0))
save('float32_sform_over_qform.nii.gz', data(np.float32, -1000, 3000), OBLIQUE, np.float32, qform=(AXIAL, 1),
     sform=(OBLIQUE, 4))
save('float64.nii', data(np.float64, -1e6, 1e6), FLIPPED, np.float64, qform=(FLIPPED, 1), sform=(FLIPPED, 1))
save('float32_no_transform.nii', data(np.float32, 0, 1), AXIAL, np.float32, qform=(None, 0), sform=(None, 0))
save('int16_one_volume_4d.nii.gz', data(np.int16, -1000, 1000, SHAPE + (1,)), AXIAL, np.int16, qform=(AXIAL, 1),
     sform=(AXIAL, 1))
save('int16_two_volumes_4d.nii', data(np.int16, -1000, 1000, SHAPE + (2,)), AXIAL, np.int16, qform=(AXIAL, 1),
     sform=(AXIAL, 1))

NAMES = ['uint8_axial.nii', 'int8.nii', 'int16_scaled.nii.gz', 'uint16_big_endian.nii', 'int32_qform_oblique.nii',
         'uint32_qform_flipped.nii', 'float32_sform_over_qform.nii.gz', 'float64.nii', 'float32_no_transform.nii',
         'int16_one_volume_4d.nii.gz']
VOXELS = [(0, 0, 0), (4, 0, 0), (0, 3, 0), (0, 0, 2), (4, 3, 2), (2, 1, 1), (3, 2, 0), (1, 3, 2)]

expected = {'nibabel': nib.__version__, 'numpy': np.__version__, 'files': {}}
for name in NAMES:
    img = nib.load(name)
    values = np.asarray(img.get_fdata(dtype=np.float64)).reshape(SHAPE, order='F') if img.ndim == 4 \
        else np.asarray(img.get_fdata(dtype=np.float64))
    as_float = values.astype(np.float32)
    expected['files'][name] = {
        'shape': list(img.shape),
        'datatype': int(img.header['datatype']),
        'endianness': img.header.endianness,
        'sform_code': int(img.header['sform_code']),
        'qform_code': int(img.header['qform_code']),
        'affine': [[float(x) for x in row] for row in img.affine],
        # voxel values as float32 (what a Volume holds), printed exactly
        'voxels': [[i, j, k, float(as_float[i, j, k])] for (i, j, k) in VOXELS],
        'sum': float(as_float.astype(np.float64).sum()),
    }
json.dump(expected, sys.stdout, indent=1)
print()
