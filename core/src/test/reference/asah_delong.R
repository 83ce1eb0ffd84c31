# Reference values for radtrial's DeLong tests, from R's pROC on pROC's own aSAH data set
# (Turck et al. 2010: 113 patients with aneurysmal subarachnoid haemorrhage; outcome Good/Poor;
# biomarkers s100b and ndka, clinical WFNS grade 1-5).
# Run: Rscript core/src/test/reference/asah_delong.R > core/src/test/reference/asah_delong.out
# It also writes the data set to core/src/test/resources/org/radtrial/core/asah.csv.
suppressPackageStartupMessages(library(pROC))
data(aSAH)
options(digits = 12)
cat("pROC", as.character(packageVersion("pROC")), "on", R.version.string, "\n")
out <- data.frame(case_id = sprintf("asah%03d", seq_len(nrow(aSAH))), outcome = aSAH$outcome,
                  gender = aSAH$gender, age = aSAH$age, wfns = as.numeric(aSAH$wfns),
                  s100b = aSAH$s100b, ndka = aSAH$ndka)
args <- commandArgs(trailingOnly = FALSE)
write.csv(out, "core/src/test/resources/org/radtrial/core/asah.csv", row.names = FALSE, quote = FALSE)
models <- c("s100b", "ndka", "wfns")
rocs <- lapply(models, function(m) roc(out$outcome, out[[m]], levels = c("Good", "Poor"), direction = "<", quiet = TRUE))
names(rocs) <- models
for (m in models) {
  r <- rocs[[m]]
  ci <- ci.auc(r, method = "delong", conf.level = 0.95)
  cat(sprintf("%s auc=%.10f var=%.12f ci_lower=%.10f ci_upper=%.10f\n", m, as.numeric(auc(r)), var(r, method = "delong"), ci[1], ci[3]))
}
pairs <- list(c("s100b", "ndka"), c("s100b", "wfns"), c("ndka", "wfns"))
ps <- c()
for (p in pairs) {
  t <- roc.test(rocs[[p[1]]], rocs[[p[2]]], method = "delong", paired = TRUE)
  ps <- c(ps, t$p.value)
  cat(sprintf("%s-%s z=%.10f p=%.12f diff_ci_lower=%.10f diff_ci_upper=%.10f\n", p[1], p[2], t$statistic, t$p.value, t$conf.int[1], t$conf.int[2]))
}
cat("holm", sprintf("%.12f", p.adjust(ps, method = "holm")), "\n")
# Operating points: pROC's coords at the best sensitivity with specificity >= 0.9 (the ROC point, not interpolated).
r <- rocs[["s100b"]]
co <- coords(r, x = "all", ret = c("threshold", "specificity", "sensitivity"), transpose = FALSE)
ok <- co[co$specificity >= 0.9, ]
best <- ok[which.max(ok$sensitivity), ]
cat(sprintf("s100b spec>=0.9: sensitivity=%.10f specificity=%.10f\n", best$sensitivity, best$specificity))
ok <- co[co$sensitivity >= 0.8, ]
best <- ok[which.max(ok$specificity), ]
cat(sprintf("s100b sens>=0.8: sensitivity=%.10f specificity=%.10f\n", best$sensitivity, best$specificity))
# Binomial intervals and the exact McNemar test from base R.
w <- prop.test(37, 41, correct = FALSE)$conf.int
cp <- binom.test(37, 41)$conf.int
cat(sprintf("wilson 37/41 %.10f %.10f\n", w[1], w[2]))
cat(sprintf("clopper-pearson 37/41 %.10f %.10f\n", cp[1], cp[2]))
w <- prop.test(0, 12, correct = FALSE)$conf.int
cp <- binom.test(0, 12)$conf.int
cat(sprintf("wilson 0/12 %.10f %.10f\n", w[1], w[2]))
cat(sprintf("clopper-pearson 0/12 %.10f %.10f\n", cp[1], cp[2]))
cat(sprintf("mcnemar exact b=9 c=2 p=%.12f\n", binom.test(9, 11)$p.value))
cat(sprintf("mcnemar exact b=15 c=15 p=%.12f\n", binom.test(15, 30)$p.value))
cat(sprintf("mcnemar exact b=40 c=21 p=%.12f\n", binom.test(40, 61)$p.value))
cat("holm 0.01 0.04 0.03 0.005", sprintf("%.12f", p.adjust(c(0.01, 0.04, 0.03, 0.005), method = "holm")), "\n")
