"""scipy 1.10.1's Wilcoxon signed-rank test under WilcoxonSignedRank's rule, for the live cross-check
(WilcoxonLiveCrossCheckTest) and for wilcoxon_scipy.py, which imports wilcoxon() from here.

The rule: scipy.stats.wilcoxon(x, y) with its defaults (zero_method="wilcox", correction=False,
alternative="two-sided", method="auto") on the complete cases, except when two or more non-zero |d| are
tied and there are at most 50 non-zero d: there the rule is the exact conditional test (the permutation
distribution of R+ given the average ranks), which scipy 1.10.1 does not have, so it is counted here,
exactly, by enumerating the subset sums of the doubled ranks (exactRankTests::wilcox.exact's p, checked
against R in wilcoxon_exact_conditional.R and WilcoxonExactConditionalLiveCrossCheckTest). Tied data with
more than 50 non-zero d take scipy's method="approx".

Usage: /usr/bin/python3 wilcoxon_crosscheck.py INPUT.csv   (columns dataset, x, y; NaN = missing)
prints one line per data set: "pair dataset=... complete=... expected_p=..." as wilcoxon_scipy.out.
"""
import csv
import sys
import warnings
from fractions import Fraction

import numpy as np
from scipy import stats

warnings.filterwarnings("ignore")  # scipy warns when it switches to the approximation; the output says so


def wilcoxon(x, y):
    """The test on the complete cases, as WilcoxonSignedRank: a dict of what it prints."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    keep = ~(np.isnan(x) | np.isnan(y))
    d = x[keep] - y[keep]
    nonzero = d[d != 0]
    ties = len(np.unique(np.abs(nonzero))) < len(nonzero)
    out = {"complete": int(keep.sum()), "left_out": int((~keep).sum()), "zeros": int((d == 0).sum()),
           "n": len(nonzero), "ties": ties}
    if len(nonzero) == 0:
        # scipy returns NaN for no case and raises an error when every d is 0
        out.update(method="NOT_COMPUTED", expected_p="nan")
        return out
    ranks = stats.rankdata(np.abs(nonzero))
    out["r_plus"] = repr(float(np.sum(ranks[nonzero > 0])))
    auto = stats.wilcoxon(x[keep], y[keep])
    approx = stats.wilcoxon(x[keep], y[keep], method="approx")
    out["statistic"] = repr(float(auto.statistic))
    out["p_auto"] = repr(float(auto.pvalue))
    out["p_approx"] = repr(float(approx.pvalue))
    out["z_approx"] = repr(float(approx.zstatistic))
    if len(d) <= 50 and out["zeros"] == 0 and not ties:
        out.update(method="EXACT", expected_p=out["p_auto"])
    elif ties and len(nonzero) <= 50:
        out.update(method="EXACT_CONDITIONAL",
                   expected_p=repr(exact_conditional_p(ranks, float(np.sum(ranks[nonzero > 0])))))
    else:
        out.update(method="NORMAL", expected_p=out["p_approx"])
    return out


def exact_conditional_p(ranks, r_plus):
    """min(1, 2 min(P(T <= r), P(T >= r))), T the rank sum of the + signs, all 2^n sign patterns equally likely."""
    doubled = [int(round(2 * r)) for r in ranks]
    counts = {0: 1}
    for s in doubled:
        step = dict(counts)
        for t, c in counts.items():
            step[t + s] = step.get(t + s, 0) + c
        counts = step
    t = int(round(2 * r_plus))
    below = sum(c for v, c in counts.items() if v <= t)
    above = sum(c for v, c in counts.items() if v >= t)
    return float(min(Fraction(1), Fraction(2 * min(below, above), 2 ** len(doubled))))


def line(kind, fields):
    print(kind + " " + " ".join(f"{k}={v}" for k, v in fields.items()))


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        rows = list(csv.DictReader(f))
    for name in dict.fromkeys(r["dataset"] for r in rows):
        x = [float(r["x"]) for r in rows if r["dataset"] == name]
        y = [float(r["y"]) for r in rows if r["dataset"] == name]
        fields = {"dataset": name}
        fields.update(wilcoxon(x, y))
        line("pair", fields)
