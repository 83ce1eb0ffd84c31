"""Reference values of DeepMind's surface-distance library on random ellipsoid masks.

Run by hand (the library is not packaged by Debian) with the library's source from
github.com/google-deepmind/surface-distance (commit 1f805ce) on PYTHONPATH and Debian's
python3-scipy (1.10); the printed lines are deepmind_random_masks.out, which
DeepMindRandomMasksTest reads: it rebuilds each case's masks from the parameters on its line
and compares every value.

Each line: nx ny nz sx sy sz, then the reference's and the prediction's ellipsoids as
"count (ci cj ck ri rj rk)*", then the values: average distances (gt->pred, pred->gt),
robust Hausdorff at 100, 95 and 50, surface overlap at 1 mm (gt, pred), surface Dice at 1 mm
and 2.5 mm, volumetric Dice. Voxel (i, j, k) is inside an ellipsoid when
((i - ci)/ri)**2 + ((j - cj)/rj)**2 + ((k - ck)/rk)**2 <= 1, in voxel units, i being numpy's
first axis, whose spacing is sx.
"""
import random

import numpy as np
from scipy import ndimage

# the library still calls scipy's deprecated submodules
ndimage.filters = ndimage
ndimage.morphology = ndimage
from surface_distance import metrics  # noqa: E402


def ellipsoids(shape, params):
    i, j, k = np.meshgrid(*[np.arange(n, dtype=float) for n in shape], indexing="ij")
    m = np.zeros(shape, bool)
    for ci, cj, ck, ri, rj, rk in params:
        m |= ((i - ci) / ri) ** 2 + ((j - cj) / rj) ** 2 + ((k - ck) / rk) ** 2 <= 1
    return m


def draw(rng, shape):
    out = []
    for _ in range(rng.randint(1, 3)):
        out.append(tuple(round(rng.uniform(0, n - 1), 3) for n in shape)
                   + tuple(round(rng.uniform(1.2, n / 3), 3) for n in shape))
    return out


rng = random.Random(16)
for case in range(14):
    shape = (rng.randint(12, 40), rng.randint(12, 40), rng.randint(6, 30))
    spacing = tuple(round(rng.uniform(0.4, 3.0), 3) for _ in range(3))
    gt_p = draw(rng, shape)
    if case % 4 == 3:  # a prediction near the reference: small shifts and scalings
        pred_p = [(ci + rng.uniform(-1, 1), cj + rng.uniform(-1, 1), ck + rng.uniform(-1, 1),
                   ri * rng.uniform(0.8, 1.2), rj * rng.uniform(0.8, 1.2), rk * rng.uniform(0.8, 1.2))
                  for ci, cj, ck, ri, rj, rk in gt_p]
        pred_p = [tuple(round(v, 3) for v in e) for e in pred_p]
    else:
        pred_p = draw(rng, shape)
    gt = ellipsoids(shape, gt_p)
    pred = ellipsoids(shape, pred_p)
    if not gt.any() or not pred.any():
        continue
    d = metrics.compute_surface_distances(gt, pred, spacing)
    values = list(metrics.compute_average_surface_distance(d))
    values += [metrics.compute_robust_hausdorff(d, p) for p in (100, 95, 50)]
    values += list(metrics.compute_surface_overlap_at_tolerance(d, 1))
    values += [metrics.compute_surface_dice_at_tolerance(d, t) for t in (1, 2.5)]
    values += [metrics.compute_dice_coefficient(gt, pred)]
    fields = [*map(str, shape), *map(repr, spacing)]
    for params in (gt_p, pred_p):
        fields.append(str(len(params)))
        fields += [repr(v) for e in params for v in e]
    fields += [repr(float(v)) for v in values]
    print(" ".join(fields))
