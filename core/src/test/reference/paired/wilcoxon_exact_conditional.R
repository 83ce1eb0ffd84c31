# Reference values for WilcoxonExactConditionalTest: the two-sided exact conditional Wilcoxon signed-rank
# test (the permutation distribution of V = R+ given the average ranks, zeros dropped) from two R packages
# as Debian ships them: exactRankTests::wilcox.exact (r-cran-exactranktests) and
# coin::wilcoxsign_test(zero.method = "Wilcoxon", distribution = "exact") (r-cran-coin).
# exactRankTests' two-sided p (pperm, paired): min(1, 2 P(V <= v)) if that is at most 1, else min(1, 2 P(V >= v)).
#
# Data: the real tied data sets of wilcoxon_pairs.csv (datasets::sleep, MASS::immer, MASS::shoes), the
# review's example, the judges' ratings and rounded_missing pairs of wilcoxon_scipy.out, and 40 random tied
# data sets (seeded below): integer differences, differences of
# Dice-like scores rounded to 2 or 3 decimals, some zeros, n from 2 to 50 after the zeros.
# Each line prints d = x - y with 17 significant digits, so the Java test ranks the same doubles.
#
# Run from the repository root:
#   Rscript core/src/test/reference/paired/wilcoxon_exact_conditional.R > core/src/test/reference/paired/wilcoxon_exact_conditional.out
suppressPackageStartupMessages({
  library(MASS)
  library(exactRankTests)
  library(coin)
})

one <- function(name, d) {
  nonzero <- d[d != 0]
  r <- rank(abs(nonzero))
  v <- sum(r[nonzero > 0])
  p_ert <- exactRankTests::wilcox.exact(d, paired = FALSE, exact = TRUE)$p.value  # one sample = paired d
  z <- data.frame(y = d, x = rep(0, length(d)))
  p_coin <- coin::pvalue(coin::wilcoxsign_test(y ~ x, data = z, zero.method = "Wilcoxon", distribution = "exact"))
  cat(sprintf("exact dataset=%s n=%d zeros=%d ties=%s r_plus=%.17g p_exactRankTests=%.17g p_coin=%.17g d=%s\n",
              name, length(nonzero), sum(d == 0), length(unique(r)) < length(r), v, p_ert, as.numeric(p_coin),
              paste(sprintf("%.17g", d), collapse = ";")))
}

cat(sprintf("# %s exactRankTests %s coin %s\n", R.version.string, packageVersion("exactRankTests"), packageVersion("coin")))
one("sleep", sleep$extra[sleep$group == 1] - sleep$extra[sleep$group == 2])
one("immer", immer$Y1 - immer$Y2)
one("shoes", shoes$A - shoes$B)
one("review", c(.02, .02, .01, .01, .03, .03, -.01))
# the tied pairs of wilcoxon_scipy.out whose exact conditional p wilcoxon_crosscheck.py counts: the judges'
# ratings (datasets::USJudgeRatings) and wilcoxon_scipy.py's rounded_missing (complete cases)
ratings <- c("INTG", "DMNR", "DILG", "CFMG")
for (pair in combn(ratings, 2, simplify = FALSE)) {
  one(paste0("judges_", pair[1], "_", pair[2]), USJudgeRatings[[pair[1]]] - USJudgeRatings[[pair[2]]])
}
random <- read.csv("core/src/test/resources/org/radtrial/core/paired/paired_random.csv")
rounded <- random[random$dataset == "rounded_missing", ]
for (pair in combn(c("a", "b", "c"), 2, simplify = FALSE)) {
  d <- rounded[[pair[1]]] - rounded[[pair[2]]]
  one(paste0("rounded_missing_", pair[1], "_", pair[2]), d[!is.na(d)])
}

set.seed(20261130)
for (k in 1:40) {
  n <- sample(2:50, 1)
  kind <- k %% 3
  d <- if (kind == 0) {
    round(rnorm(n, mean = runif(1, 0, 1.5), sd = 2))  # integer differences: many ties and zeros
  } else {
    digits <- if (kind == 1) 2 else 3
    base <- rbeta(n, 8, 2)
    round(pmin(1, base + rnorm(n, runif(1, -0.02, 0.04), 0.03)), digits) - round(base, digits)
  }
  if (sum(d != 0) == 0) d[1] <- 1
  one(paste0("random", k), d)
}
