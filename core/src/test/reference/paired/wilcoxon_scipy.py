"""Reference values for WilcoxonReferenceTest and PairedComparisonReferenceTest from scipy 1.10.1
(Debian's python3-scipy) and numpy, on the real data sets that datasets.R writes and on random data
sets made here (seeded; written to paired_random.csv beside them).

The test rule (WilcoxonSignedRank, defined in wilcoxon_crosscheck.py): scipy.stats.wilcoxon(x, y) with its
defaults (zero_method="wilcox", correction=False, alternative="two-sided", method="auto") on the complete
cases, except when two or more non-zero |d| are tied at 50 or fewer non-zero d: there the rule is the exact
conditional test (counted in wilcoxon_crosscheck.py; scipy 1.10.1 has none; checked against R's
exactRankTests and coin in wilcoxon_exact_conditional.R). Both of scipy's values are printed for every data
set (p_auto, p_approx) and "expected_p" is the rule's.

Run from the repository root with Debian's Python:
  /usr/bin/python3 core/src/test/reference/paired/wilcoxon_scipy.py > core/src/test/reference/paired/wilcoxon_scipy.out
"""
import csv
import itertools
import math
import os
import sys

import numpy as np
import scipy

sys.dont_write_bytecode = True  # no __pycache__ beside the committed scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wilcoxon_crosscheck import line, wilcoxon  # noqa: E402  (the rule, defined once)

HERE = "core/src/test/resources/org/radtrial/core/paired/"


def holm(p):
    """R's p.adjust(p, "holm"), NaN left out of the family."""
    p = np.asarray(p, dtype=float)
    present = np.flatnonzero(~np.isnan(p))
    order = present[np.argsort(p[present], kind="stable")]
    k = len(order)
    adjusted = np.full(len(p), np.nan)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (k - rank) * p[i]))
        adjusted[i] = running
    return adjusted


def several(name, methods, rows):
    """Per-method summaries and every pair, as PairedComparison computes them (without the bootstrap)."""
    for m, v in zip(methods, rows):
        v = v[~np.isnan(v)]
        line("method", {"dataset": name, "method": m, "n": len(v), "mean": repr(float(np.mean(v))),
                        "median": repr(float(np.median(v))), "sd": repr(float(np.std(v, ddof=1)))})
    pairs = list(itertools.combinations(range(len(methods)), 2))
    tests = [wilcoxon(rows[a], rows[b]) for a, b in pairs]
    adjusted = holm([float(t["expected_p"]) for t in tests])
    for (a, b), t, h in zip(pairs, tests, adjusted):
        d = rows[a] - rows[b]
        d = d[~np.isnan(d)]
        fields = {"dataset": name, "first": methods[a], "second": methods[b], "mean_difference": repr(float(np.mean(d))),
                  "median_difference": repr(float(np.median(d)))}
        fields.update(t)
        fields["holm"] = repr(float(h))
        line("pair", fields)


print(f"scipy {scipy.__version__} numpy {np.__version__}")
with open(HERE + "wilcoxon_pairs.csv") as f:
    data = list(csv.DictReader(f))
for name in dict.fromkeys(r["dataset"] for r in data):
    x = [float(r["x"]) for r in data if r["dataset"] == name]
    y = [float(r["y"]) for r in data if r["dataset"] == name]
    fields = {"dataset": name}
    fields.update(wilcoxon(x, y))
    line("pair", fields)
    if name == "depression":
        # Hollander & Wolfe's example; R's ?wilcox.test runs it one-sided (alternative = "greater": V = 40,
        # p-value = 0.01953); the two-sided exact p is twice that
        print("# depression: R wilcox.test(x, y, paired = TRUE) gives V = 40, p-value = 0.03906 (two-sided;"
              " ?wilcox.test's example is one-sided, alternative = \"greater\", p-value = 0.01953)")

with open(HERE + "judge_ratings.csv") as f:
    judges = list(csv.DictReader(f))
ratings = ["INTG", "DMNR", "DILG", "CFMG"]
several("judges", ratings, [np.array([float(r[c]) for r in judges]) for c in ratings])

# Random data sets: per-case Dice-like metrics of three methods, rounded (ties, zeros), some missing.
rng = np.random.default_rng(20261130)
random_rows = []
for name, n, decimals, missing in (("small_exact", 12, None, 0), ("rounded_missing", 40, 2, 0.1),
                                   ("large", 300, 3, 0.05), ("fifty", 50, None, 0), ("fifty_one", 51, None, 0)):
    base = rng.beta(8, 2, n)
    a = base
    b = np.clip(base + rng.normal(0.02, 0.05, n), 0, 1)
    c = np.clip(base + rng.normal(-0.01, 0.08, n), 0, 1)
    if decimals is not None:
        a, b, c = (np.round(v, decimals) for v in (a, b, c))
    for v in (b, c):
        v[rng.random(n) < missing] = np.nan
    for i in range(n):
        random_rows.append([name, i, a[i], b[i], c[i]])
    several(name, ["a", "b", "c"], [a, b, c])
with open(HERE + "paired_random.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["dataset", "case", "a", "b", "c"])
    for r in random_rows:
        w.writerow(r[:2] + ["NaN" if math.isnan(v) else repr(float(v)) for v in r[2:]])  # Java reads "NaN"
