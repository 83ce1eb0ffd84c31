# Reference values for radtrial's audit tests, from R's pROC and base R on pROC's aSAH data set.
# Run: Rscript core/src/test/reference/asah_audit.R > core/src/test/reference/asah_audit.out
suppressPackageStartupMessages(library(pROC))
data(aSAH)
cat("pROC", as.character(packageVersion("pROC")), "on", R.version.string, "\n")
band <- cut(aSAH$age, breaks = c(-Inf, 40, 50, 60, 70, Inf), right = FALSE,
            labels = c("<40", "[40, 50)", "[50, 60)", "[60, 70)", ">=70"))
for (m in c("s100b", "ndka", "wfns")) {
  x <- as.numeric(aSAH[[m]])
  for (g in list(list("gender", aSAH$gender), list("age", band))) {
    for (level in levels(g[[2]])) {
      keep <- g[[2]] == level
      y <- aSAH$outcome[keep]
      if (length(unique(y)) < 2) { cat(sprintf("%s %s=%s one class\n", m, g[[1]], level)); next }
      r <- roc(y, x[keep], levels = c("Good", "Poor"), direction = "<", quiet = TRUE)
      ci <- if (sum(y == "Poor") >= 2 && sum(y == "Good") >= 2) ci.auc(r, method = "delong") else c(NA, NA, NA)
      cat(sprintf("%s %s=%s n=%d pos=%d auc=%.10f lower=%.10f upper=%.10f\n", m, g[[1]], level, sum(keep), sum(y == "Poor"),
                  as.numeric(auc(r)), ci[1], ci[3]))
    }
  }
}
p <- c(0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216)
cat("BH", sprintf("%.12f", p.adjust(p, method = "BH")), "\n")
t <- chisq.test(matrix(c(30, 10, 25, 15, 12, 18), ncol = 2, byrow = TRUE), correct = FALSE)
cat(sprintf("chisq 30/40 25/40 12/30 statistic=%.10f df=%d p=%.12f\n", t$statistic, t$parameter, t$p.value))
t <- suppressWarnings(chisq.test(matrix(c(9, 1, 4, 4), ncol = 2, byrow = TRUE), correct = FALSE))
cat(sprintf("chisq 9/10 4/8 statistic=%.10f df=%d p=%.12f\n", t$statistic, t$parameter, t$p.value))
# Calibration of p = 1 - exp(-s100b) against outcome Poor.
p <- 1 - exp(-aSAH$s100b)
y <- as.numeric(aSAH$outcome == "Poor")
lp <- qlogis(p)
# Tight convergence: with glm's default epsilon (1e-8) the standard errors come from the weights of
# the last-but-one iterate and differ from those at the maximum-likelihood estimate in the 6th digit.
tight <- glm.control(epsilon = 1e-15, maxit = 100)
fit <- glm(y ~ lp, family = binomial, control = tight)
citl <- glm(y ~ offset(lp), family = binomial, control = tight)
cat(sprintf("calibration intercept=%.10f slope=%.10f slope_se=%.10f citl=%.10f citl_se=%.10f brier=%.10f\n",
            coef(fit)[1], coef(fit)[2], sqrt(vcov(fit)[2, 2]), coef(citl)[1], sqrt(vcov(citl)[1, 1]), mean((p - y)^2)))
# Two-sample Kolmogorov-Smirnov, asymptotic.
k <- suppressWarnings(ks.test(aSAH$s100b[aSAH$gender == "Female"], aSAH$s100b[aSAH$gender == "Male"], exact = FALSE))
cat(sprintf("ks s100b female vs male D=%.10f p=%.12f\n", k$statistic, k$p.value))
k <- suppressWarnings(ks.test(aSAH$age[aSAH$outcome == "Good"], aSAH$age[aSAH$outcome == "Poor"], exact = FALSE))
cat(sprintf("ks age good vs poor D=%.10f p=%.12f\n", k$statistic, k$p.value))
# One-sided Fisher exact test (upper tail of the hypergeometric).
for (v in list(c(5, 18, 1500, 30000), c(14, 91, 1500, 30000), c(45, 510, 1500, 30000), c(8, 10, 60, 240), c(2, 10, 60, 240), c(3, 5, 4, 9))) {
  x <- v[1]; n <- v[2]; K <- v[3]; N <- v[4]
  cat(sprintf("fisher x=%d n=%d K=%d N=%d p=%.15g fisher.test=%.15g\n", x, n, K, N, phyper(x - 1, K, N - K, n, lower.tail = FALSE),
              fisher.test(matrix(c(x, n - x, K - x, N - K - n + x), 2), alternative = "greater")$p.value))
}
