#!/usr/bin/python3
"""NiftiNibabelLiveTest's other half, run with Debian's python3-nibabel.

  live.py write FOLDER SEED   writes random NIfTI-1 files (several datatypes, byte orders, oblique
                              affines, sform or qform only, gzip) and, for each, what nibabel reads
                              back: NAME.f32 (every voxel as little-endian float32, i fastest) and
                              one JSON line {"file", "shape", "affine"} on stdout.
  live.py read FILE...        reads files (radtrial's writer's) with nibabel: FILE.f32 and one JSON
                              line each, as above.
"""
import json
import sys

import nibabel as nib
import numpy as np


def report(name):
    img = nib.load(name)
    data = np.asarray(img.get_fdata(dtype=np.float64)).astype('<f4')
    data.reshape(-1, order='F').tofile(name + '.f32')
    print(json.dumps({'file': name, 'shape': list(img.shape), 'datatype': int(img.header['datatype']),
                      'affine': [[float(x) for x in row] for row in img.affine]}))


def random_affine(rng):
    q, _ = np.linalg.qr(rng.normal(size=(3, 3)))  # a random orthonormal matrix, either handedness
    a = np.eye(4)
    a[:3, :3] = q @ np.diag(rng.uniform(0.3, 4.0, size=3))
    a[:3, 3] = rng.uniform(-300, 300, size=3)
    return a


def write(folder, seed):
    rng = np.random.default_rng(seed)
    kinds = [('u1', 0, 255), ('i1', -128, 127), ('i2', -32768, 32767), ('u2', 0, 65535), ('i4', -2**31, 2**31 - 1),
             ('u4', 0, 2**32 - 1), ('f4', -5000, 5000), ('f8', -1e5, 1e5)]
    for n, (code, low, high) in enumerate(kinds):
        for variant in range(2):
            endian = '<' if (n + variant) % 2 == 0 else '>'
            dtype = np.dtype(endian + code)
            shape = tuple(int(x) for x in rng.integers(1, 12, size=3))
            if dtype.kind == 'f':
                data = (rng.random(shape) * (high - low) + low).astype(dtype)
            else:
                data = rng.integers(low, high, size=shape, endpoint=True).astype(dtype)
            affine = random_affine(rng)
            header = nib.Nifti1Header(endianness=endian)
            img = nib.Nifti1Image(data, affine, header=header)
            img.set_data_dtype(dtype)
            transform = (n + variant) % 3
            if transform == 0:
                img.set_sform(affine, code=1)
                img.set_qform(random_affine(rng), code=1)  # ignored: sform first
            elif transform == 1:
                img.set_sform(None, code=0)
                img.set_qform(affine, code=2)
            else:
                img.set_sform(affine, code=2)
                img.set_qform(None, code=0)
            if dtype.kind in 'iu' and variant == 1:
                img.header.set_slope_inter(float(rng.uniform(0.1, 3)), float(rng.uniform(-500, 500)))
            name = f'{folder}/{code}_{variant}{"_" + endian.replace("<", "le").replace(">", "be")}.nii' \
                   + ('.gz' if variant == 1 else '')
            nib.save(img, name)
            report(name)


if sys.argv[1] == 'write':
    write(sys.argv[2], int(sys.argv[3]))
else:
    for f in sys.argv[2:]:
        report(f)
