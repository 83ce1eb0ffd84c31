"""scipy 1.10.1's Wilcoxon signed-rank test under WilcoxonSignedRank's rule, for the live cross-check
(WilcoxonLiveCrossCheckTest) and for wilcoxon_scipy.py, which imports wilcoxon() from here.

The rule: scipy.stats.wilcoxon(x, y) with its defaults (zero_method="wilcox", correction=False,
alternative="two-sided", method="auto") on the complete cases, except when two or more non-zero |d| are
tied at 50 or fewer complete cases without zeros, where scipy 1.10.1's "auto" applies the untied exact
distribution to int(R+); there the rule is scipy's method="approx".

Usage: /usr/bin/python3 wilcoxon_crosscheck.py INPUT.csv   (columns dataset, x, y; NaN = missing)
prints one line per data set: "pair dataset=... complete=... expected_p=..." as wilcoxon_scipy.out.
"""
import csv
import sys
import warnings

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
    else:
        out.update(method="NORMAL", expected_p=out["p_approx"])
    return out


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
