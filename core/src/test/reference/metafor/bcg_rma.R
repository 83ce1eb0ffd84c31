# Reference values for RandomEffectsReferenceTest: metafor's own rma() help-page example, the
# BCG vaccine trials (dat.bcg, Colditz et al. 1994), log risk ratios.
# Run: Rscript bcg_rma.R > bcg_rma.out   (Debian: apt-get install r-cran-metafor; 3.8-1 here)
suppressPackageStartupMessages(library(metafor))
cat("metafor", as.character(packageVersion("metafor")), "\n")
print(dat.bcg[, c("trial", "tpos", "tneg", "cpos", "cneg")])
dat <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
for (m in c("REML", "DL")) {
  for (t in c("z", "knha")) {
    cat("\n==== method =", m, " test =", t, "====\n")
    res <- rma(yi, vi, data = dat, method = m, test = t)
    print(res)
    print(predict(res))
    if (t == "z") {
      print(confint(res))
      # confint's default uniroot tolerance (.Machine$double.eps^0.25 = 1.2e-4 in tau^2) moves the
      # printed bounds in the 4th decimal of I^2 and H^2; the exact Q-profile bounds:
      cat("confint with control = list(tol = 1e-12):\n")
      print(confint(res, control = list(tol = 1e-12))$random, digits = 12)
    }
  }
}

cat("\n==== leave1out, method = REML, test = z ====\n")
print(leave1out(rma(yi, vi, data = dat)))
