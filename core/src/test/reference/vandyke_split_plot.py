"""Independent computation of the split-plot Obuchowski-Rockette analysis of radtrial's worked example,
for SplitPlotTest. Written from the formulas in docs/mrmc.md, not from radtrial's code, and by brute
force: every AUC is recomputed from the m x n kernel with each case deleted (no closed forms), and the
covariances are averaged cell pair by cell pair.

The example: the Van Dyke readings, readers 1 and 2 in block 0 reading only the odd-numbered cases,
readers 3, 4 and 5 in block 1 reading only the even-numbered ones, in both modalities.

Run from core/:  python3 src/test/reference/vandyke_split_plot.py > src/test/reference/vandyke_split_plot.out
"""
import csv
import sys

import numpy
import scipy
from scipy import stats

rows = list(csv.DictReader(open("src/test/resources/org/radtrial/core/mrmc/vandyke.csv")))
modalities = sorted({r["modality"] for r in rows})
readers = sorted({r["reader"] for r in rows}, key=int)
truth = {int(r["case"]): int(r["truth"]) for r in rows}
rating = {(r["modality"], r["reader"], int(r["case"])): float(r["rating"]) for r in rows}
block_of_reader = {"1": 0, "2": 0, "3": 1, "4": 1, "5": 1}
cases_of_block = {g: sorted(k for k in truth if (0 if k % 2 == 1 else 1) == g) for g in (0, 1)}


def auc(modality, reader, cases):
    x = [rating[(modality, reader, k)] for k in cases if truth[k] == 1]
    y = [rating[(modality, reader, k)] for k in cases if truth[k] == 0]
    s = [[1.0 if a > b else 0.5 if a == b else 0.0 for b in y] for a in x]
    return numpy.mean(s)


cells = [(i, j) for i in modalities for j in readers]
theta = {c: auc(c[0], c[1], cases_of_block[block_of_reader[c[1]]]) for c in cells}
loo = {}
for c in cells:
    own = cases_of_block[block_of_reader[c[1]]]
    loo[c] = numpy.array([auc(c[0], c[1], [q for q in own if q != k]) for k in own])


def cov(a, b):
    if block_of_reader[a[1]] != block_of_reader[b[1]]:
        return 0.0
    va, vb = loo[a], loo[b]
    k = len(va)
    return (k - 1) / k * numpy.sum((va - va.mean()) * (vb - vb.mean()))


def average(same_modality, same_reader):
    values = [cov(a, b) for a in cells for b in cells
              if (a[0] == b[0]) == same_modality and (a[1] == b[1]) == same_reader]
    return numpy.mean(values)


t, r = len(modalities), len(readers)
th = numpy.array([[theta[(i, j)] for j in readers] for i in modalities])
mi, mj, mg = th.mean(axis=1), th.mean(axis=0), th.mean()
msT = r * numpy.sum((mi - mg) ** 2) / (t - 1)
msR = t * numpy.sum((mj - mg) ** 2) / (r - 1)
msTR = numpy.sum((th - mi[:, None] - mj[None, :] + mg) ** 2) / ((t - 1) * (r - 1))
Var, Cov1, Cov2, Cov3 = average(True, True), average(False, True), average(True, False), average(False, False)
varTR = msTR - Var + Cov1 + Cov2 - Cov3
varR = (msR - varTR - Var - (t - 1) * Cov1 + Cov2 + (t - 1) * Cov3) / t
D = msTR + r * max(Cov2 - Cov3, 0)
F = msT / D
ddf = D ** 2 / (msTR ** 2 / ((t - 1) * (r - 1)))
p = stats.f.sf(F, t - 1, ddf)
diff = mi[0] - mi[1]
se = numpy.sqrt(2 * D / r)
half = stats.t.ppf(0.975, ddf) * se
X2 = (t - 1) * msT / (Var - Cov1 + (r - 1) * max(Cov2 - Cov3, 0))

print("# python", sys.version.split()[0], "numpy", numpy.__version__, "scipy", scipy.__version__)
print("# AUCs (modality, reader):", " ".join("%s/%s=%.10f" % (c[0], c[1], theta[c]) for c in cells))
for name, value in [("msT", msT), ("msR", msR), ("msTR", msTR), ("Var", Var), ("Cov1", Cov1), ("Cov2", Cov2),
                    ("Cov3", Cov3), ("varTR", varTR), ("varR", varR), ("D", D), ("F", F), ("ddf", ddf), ("p", p),
                    ("difference", diff), ("se", se), ("ci_lower", diff - half), ("ci_upper", diff + half),
                    ("X2", X2)]:
    print("%s %.15g" % (name, value))
