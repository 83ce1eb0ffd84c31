# Live cross-check used by MetaforLiveCrossCheckTest: reads data sets written by the test
# (columns dataset, yi, vi), fits rma with REML and DL, z and Knapp-Hartung tests, and prints
# every number the Java fit reports as CSV on stdout. Tight tolerances so that both sides report
# their exact optimum and roots. Usage: Rscript metafor_crosscheck.R INPUT.csv
suppressPackageStartupMessages(library(metafor))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
cat("dataset,method,test,estimate,se,ci_lb,ci_ub,stat,p,pi_lb,pi_ub,tau2,se_tau2,I2,H2,Q,Qp,tau2_lb,tau2_ub,I2_lb,I2_ub,H2_lb,H2_ub,ub_capped\n")
for (k in unique(d$dataset)) {
  s <- d[d$dataset == k, ]
  for (m in c("REML", "DL")) {
    for (t in c("z", "knha")) {
      res <- rma(s$yi, s$vi, method = m, test = t, control = list(threshold = 1e-12, maxiter = 10000))
      pr <- predict(res)
      cf <- confint(res, control = list(tol = 1e-12))
      ci <- cf$random
      # ub_capped: the upper bound of tau^2 lies beyond confint's search range (tau2.max =
      # max(100, 10 tau2)) and metafor reports the end of the range instead
      cat(sprintf("%d,%s,%s,%s,%d\n", k, m, t, paste(sprintf("%.15g", c(
        res$beta[1], res$se, res$ci.lb, res$ci.ub, res$zval, res$pval, pr$pi.lb, pr$pi.ub,
        res$tau2, res$se.tau2, res$I2, res$H2, res$QE, res$QEp,
        ci[1, 2], ci[1, 3], ci[3, 2], ci[3, 3], ci[4, 2], ci[4, 3])), collapse = ","), as.integer(cf$ub.sign != "")))
    }
  }
}
