# Live cross-check used by ProcLiveCrossCheckTest: reads data sets written by the test
# (columns dataset, truth, a, b), prints pROC's DeLong results for each as CSV on stdout.
# Usage: Rscript proc_crosscheck.R INPUT.csv
suppressPackageStartupMessages(library(pROC))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
cat("dataset,auc_a,lower_a,upper_a,var_a,auc_b,z,p,diff_lower,diff_upper\n")
for (k in unique(d$dataset)) {
  s <- d[d$dataset == k, ]
  ra <- roc(s$truth, s$a, levels = c(0, 1), direction = "<", quiet = TRUE)
  rb <- roc(s$truth, s$b, levels = c(0, 1), direction = "<", quiet = TRUE)
  ci <- ci.auc(ra, method = "delong")
  t <- suppressWarnings(roc.test(ra, rb, method = "delong", paired = TRUE))
  cat(sprintf("%d,%.15g,%.15g,%.15g,%.15g,%.15g,%.15g,%.15g,%.15g,%.15g\n", k, as.numeric(auc(ra)), ci[1], ci[3],
              var(ra, method = "delong"), as.numeric(auc(rb)), t$statistic, t$p.value, t$conf.int[1], t$conf.int[2]))
}
