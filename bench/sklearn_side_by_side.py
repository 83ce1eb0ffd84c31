"""Side by side on the same file, as whole processes: pandas + scikit-learn vs radtrial evaluate.

Usage (from the project root, after bench/run.sh has written the table and built the jar):
    /usr/bin/python3 bench/sklearn_side_by_side.py bench/target/bench-cases.csv [runs]

Times, on the same 1,000,000 x 5 case table, each as a whole process (start-up included), the two
in turn (A B A B ...), after one warm-up run of each, then C:
  * A: `bin/radtrial evaluate --bootstrap 0`: JVM start, CSV parse and validation, AUC + DeLong CI
    for 5 models, 10 paired DeLong tests, Holm, ROC curves, an operating point, results.json and
    report.html;
  * B: bench/pandas_sklearn_auc.py: Python start, pandas.read_csv, roc_auc_score for the 5 models
    (AUC only: no variance, CI, test, curve or file);
  * C: `bin/radtrial evaluate` with the default 2,000 bootstrap replicates (as many runs, after all pairs).
Prints the medians, the ratio A/B pair by pair, and checks that both give the same AUCs.
"""
import json
import statistics
import subprocess
import sys
import tempfile
import time

import pandas
import sklearn

MODELS = ["m1", "m2", "m3", "m4", "m5"]


def timed(command):
    start = time.perf_counter()
    done = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True)
    return time.perf_counter() - start, done.stdout


def main(path, runs):
    with tempfile.TemporaryDirectory() as out:
        radtrial = ["bin/radtrial", "evaluate", "--cases", path, "--id", "case_id", "--truth", "cancer",
                    "--positive", "1", "--models", ",".join(MODELS), "--no-progress", "--out", out]
        python = ["/usr/bin/python3", "bench/pandas_sklearn_auc.py", path, ",".join(MODELS)]
        timed(radtrial + ["--bootstrap", "0"])
        timed(python)
        a, b, c = [], [], []
        # A and B alternate, pair after pair; the heavier C runs come after all of them, so that no pair
        # follows a bootstrap run that has just churned through gigabytes of memory
        for _ in range(runs):
            a.append(timed(radtrial + ["--bootstrap", "0"])[0])
            seconds, printed = timed(python)
            b.append(seconds)
        for _ in range(runs):
            c.append(timed(radtrial)[0])
        with open(f"{out}/results.json") as f:
            results = json.load(f)
    sk_aucs = {line.split()[0]: float(line.split()[1]) for line in printed.splitlines()}
    worst = max(abs(results["models"][m]["auc"]["estimate"] - sk_aucs[m]) for m in MODELS)
    ratios = [x / y for x, y in zip(a, b)]
    print(f"pandas {pandas.__version__}, scikit-learn {sklearn.__version__}; {runs} rounds after a warm-up")
    print(f"largest |AUC radtrial - AUC sklearn|: {worst:.2e}")
    print()
    print("| whole process, same file | median s | runs (s) |")
    print("|---|---|---|")
    print(f"| A: radtrial evaluate --bootstrap 0 | {statistics.median(a):.2f} | {', '.join(f'{t:.2f}' for t in a)} |")
    print(f"| B: pandas read_csv + scikit-learn roc_auc_score x 5 | {statistics.median(b):.2f} | {', '.join(f'{t:.2f}' for t in b)} |")
    print(f"| A/B, pair by pair | {statistics.median(ratios):.2f} | {', '.join(f'{r:.2f}' for r in ratios)} |")
    print(f"| C: radtrial evaluate, 2,000 bootstrap replicates (default) | {statistics.median(c):.2f} | {', '.join(f'{t:.2f}' for t in c)} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench/target/bench-cases.csv",
         int(sys.argv[2]) if len(sys.argv) > 2 else 5)
