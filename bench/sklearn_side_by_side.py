"""Side by side on the same file: scikit-learn's roc_auc_score vs radtrial evaluate.

Usage (from the project root, after bench/run.sh has written the table):
    /usr/bin/python3 bench/sklearn_side_by_side.py bench/target/bench-cases.csv

Times, on the same 1,000,000 x 5 case table:
  * sklearn: roc_auc_score for the 5 models (AUC only: no variance, no CI, no paired tests),
    data already in memory as numpy arrays; median of 5 runs.
  * radtrial: `bin/radtrial evaluate --bootstrap 0` end to end: JVM start, CSV parse and
    validation, AUC + DeLong CI for 5 models, 10 paired DeLong tests, Holm, ROC curves, an
    operating point, results.json; median of 3 runs.
and checks that both give the same AUCs. Prints a Markdown table for docs/benchmarks.md.
"""
import csv
import json
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
import sklearn
from sklearn.metrics import roc_auc_score

MODELS = ["m1", "m2", "m3", "m4", "m5"]


def load(path):
    with open(path, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)
    truth = np.array([r[header.index("cancer")] == "1" for r in rows])
    scores = {m: np.array([float(r[header.index(m)]) for r in rows]) for m in MODELS}
    return truth, scores


def main(path):
    start = time.perf_counter()
    truth, scores = load(path)
    load_time = time.perf_counter() - start
    n = len(truth)
    sk_times = []
    for _ in range(5):
        start = time.perf_counter()
        sk_aucs = {m: roc_auc_score(truth, scores[m]) for m in MODELS}
        sk_times.append(time.perf_counter() - start)
    rt_times = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run(["bin/radtrial", "evaluate", "--cases", path, "--id", "case_id", "--truth", "cancer",
                            "--positive", "1", "--models", ",".join(MODELS), "--bootstrap", "0", "--out", out],
                           check=True, stdout=subprocess.DEVNULL)
            rt_times.append(time.perf_counter() - start)
        with open(f"{out}/results.json") as f:
            results = json.load(f)
    worst = max(abs(results["models"][m]["auc"]["estimate"] - sk_aucs[m]) for m in MODELS)
    sk, rt = statistics.median(sk_times), statistics.median(rt_times)
    print(f"cases: {n:,}, positives: {int(truth.sum()):,}, models: {len(MODELS)}; scikit-learn {sklearn.__version__}, numpy {np.__version__}")
    print(f"largest |AUC radtrial - AUC sklearn|: {worst:.2e}")
    print()
    print("| work on the same file | median seconds | runs |")
    print("|---|---|---|")
    print(f"| scikit-learn roc_auc_score x 5 (AUC only, arrays in memory) | {sk:.3f} | {', '.join(f'{t:.3f}' for t in sk_times)} |")
    print(f"| radtrial evaluate --bootstrap 0, end to end (JVM start, CSV parse, DeLong + 10 paired tests, ROC, JSON) | {rt:.3f} | {', '.join(f'{t:.3f}' for t in rt_times)} |")
    print(f"| ratio radtrial end to end / sklearn AUC only | {rt / sk:.2f} | |")
    print(f"| (for scale) Python csv module + numpy: loading the same file | {load_time:.3f} | 1 |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench/target/bench-cases.csv")
