"""Reference ROC curves and AUCs from scikit-learn on the Wisconsin diagnostic breast cancer data
(569 fine-needle aspirates, 212 malignant; shipped with scikit-learn as load_breast_cancer).

Run with Debian's Python: /usr/bin/python3 core/src/test/reference/breast_cancer_sklearn.py
It writes core/src/test/resources/org/radtrial/core/breast_cancer.csv and prints the references
that BreastCancerReferenceTest asserts (output kept in breast_cancer_sklearn.out).
"""
import csv
import sklearn
from sklearn.datasets import load_breast_cancer
from sklearn.metrics import roc_auc_score, roc_curve

data = load_breast_cancer()
features = {"mean_radius": 0, "mean_texture": 1, "mean_smoothness": 4, "worst_concave_points": 27}
malignant = [1 if t == 0 else 0 for t in data.target]  # sklearn codes malignant as 0
with open("core/src/test/resources/org/radtrial/core/breast_cancer.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["case_id", "diagnosis"] + list(features))
    for i, row in enumerate(data.data):
        w.writerow([f"wdbc{i + 1:03d}", "M" if malignant[i] else "B"] + [repr(float(row[c])) for c in features.values()])
print("scikit-learn", sklearn.__version__)
for name, column in features.items():
    scores = data.data[:, column]
    fpr, tpr, thresholds = roc_curve(malignant, scores, drop_intermediate=False)
    print(f"{name} auc={roc_auc_score(malignant, scores):.12f} points={len(fpr)}")
    for k in (1, len(fpr) // 3, len(fpr) // 2, len(fpr) - 2):
        print(f"  point {k} threshold={thresholds[k]!r} fpr={fpr[k]:.12f} tpr={tpr[k]:.12f}")
