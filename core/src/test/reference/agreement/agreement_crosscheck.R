# Live cross-check used by AgreementLiveCrossCheckTest: reads data sets written by the test (columns
# dataset, a, b, c; c is NA for two-method sets; a or b may be NA on a case) and prints, per data set,
# psych's ICC2 (lmer = FALSE), epiR's epi.ccc (z-transform) and the Bland-Altman numbers (t.test, lm,
# confint, and the Bland & Altman 1999 interval of the limits) at level 0.95, as CSV on stdout.
# Usage: Rscript agreement_crosscheck.R INPUT.csv
suppressPackageStartupMessages({ library(psych); library(epiR) })
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
f <- function(x) sprintf("%.15g", x)
cat("dataset,icc,icc_lower,icc_upper,F,p,ccc,ccc_lower,ccc_upper,cb,s_shift,l_shift,bias,bias_lower,bias_upper,sd,",
    "loa_lower,loa_upper,loa_lower_lo,loa_lower_hi,loa_upper_lo,loa_upper_hi,slope,slope_lower,slope_upper,slope_p\n",
    sep = "")
for (k in unique(d$dataset)) {
  s <- d[d$dataset == k, ]
  two <- all(is.na(s$c))
  x <- if (two) s[, c("a", "b")] else s[, c("a", "b", "c")]
  x <- x[complete.cases(x), ]
  icc <- ICC(x, lmer = FALSE)$results["Single_random_raters", ]
  out <- c(k, f(icc$ICC), f(icc$`lower bound`), f(icc$`upper bound`), f(icc$F), f(icc$p))
  if (two) {
    e <- epi.ccc(x$a, x$b, ci = "z-transform", conf.level = 0.95)
    diff <- x$a - x$b
    m <- (x$a + x$b) / 2
    n <- length(diff)
    z <- qnorm(0.975); t <- qt(0.975, n - 1)
    se.loa <- sd(diff) * sqrt(1 / n + z^2 / (2 * (n - 1)))
    fit <- lm(diff ~ m)
    ci <- confint(fit)
    tt <- t.test(diff)$conf.int
    out <- c(out, f(e$rho.c$est), f(e$rho.c$lower), f(e$rho.c$upper), f(e$C.b), f(e$s.shift), f(e$l.shift),
             f(e$sblalt$est), f(tt[1]), f(tt[2]), f(e$sblalt$delta.sd), f(e$sblalt$lower), f(e$sblalt$upper),
             f(e$sblalt$lower - t * se.loa), f(e$sblalt$lower + t * se.loa),
             f(e$sblalt$upper - t * se.loa), f(e$sblalt$upper + t * se.loa),
             f(coef(fit)[2]), f(ci[2, 1]), f(ci[2, 2]), f(summary(fit)$coefficients[2, 4]))
  } else {
    out <- c(out, rep("NA", 20))
  }
  cat(paste(out, collapse = ","), "\n", sep = "")
}
