"""The Python side of the whole-process comparison: pandas reads the case table, scikit-learn
computes each model's AUC (AUC only: no variance, interval, paired test, curve or output file).
Timed as a whole process (interpreter start, imports, read, AUCs) beside `radtrial evaluate`.

Usage: /usr/bin/python3 bench/pandas_sklearn_auc.py bench/target/bench-cases.csv [m1,m2,...]
"""
import sys

import pandas as pd
from sklearn.metrics import roc_auc_score


def main(path, models):
    table = pd.read_csv(path)
    truth = table["cancer"] == 1
    for m in models:
        print(f"{m} {roc_auc_score(truth, table[m]):.12f}")


if __name__ == "__main__":
    main(sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "m1,m2,m3,m4,m5").split(","))
