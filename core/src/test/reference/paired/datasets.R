# Writes the real paired data sets that wilcoxon_scipy.py and WilcoxonReferenceTest use, from R's own
# packages as Debian ships them (r-base-core's datasets and stats help, r-cran-mass):
#   depression  Hollander & Wolfe (1973, p. 29): Hamilton depression scale before (x) and after (y) the
#               first tranquilliser treatment of 9 patients; the example data of R's ?wilcox.test
#   sleep       datasets::sleep (Cushny & Peebles 1905, Student 1908): extra hours of sleep of 10
#               patients with drug 1 (x) and drug 2 (y)
#   immer       MASS::immer (Immer et al. 1934): barley yield of 30 location-variety plots in 1931 (x)
#               and 1932 (y)
#   anorexia    MASS::anorexia (Hand et al. 1994): weight of 72 patients after (x) and before (y)
#   shoes       MASS::shoes (Box, Hunter & Hunter 1978): wear of shoe material A (x) and B (y) on 10 boys
# and, for the comparison of several methods, datasets::USJudgeRatings: four of the lawyers' ratings
# (integrity INTG, demeanour DMNR, diligence DILG, case flow CFMG) of the same 43 judges.
# Run from the repository root: Rscript core/src/test/reference/paired/datasets.R
suppressPackageStartupMessages(library(MASS))
out <- "core/src/test/resources/org/radtrial/core/paired"
depression_x <- c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30)
depression_y <- c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29)
pairs <- rbind(
  data.frame(dataset = "depression", x = depression_x, y = depression_y),
  data.frame(dataset = "sleep", x = sleep$extra[sleep$group == 1], y = sleep$extra[sleep$group == 2]),
  data.frame(dataset = "immer", x = immer$Y1, y = immer$Y2),
  data.frame(dataset = "anorexia", x = anorexia$Postwt, y = anorexia$Prewt),
  data.frame(dataset = "shoes", x = shoes$A, y = shoes$B))
write.csv(pairs, file.path(out, "wilcoxon_pairs.csv"), row.names = FALSE, quote = FALSE)
judges <- data.frame(judge = seq_len(nrow(USJudgeRatings)), USJudgeRatings[, c("INTG", "DMNR", "DILG", "CFMG")])
write.csv(judges, file.path(out, "judge_ratings.csv"), row.names = FALSE, quote = FALSE)
# R's own two-sided test on the example, for the record (exact, V = R+ = 40, p-value = 0.03906); ?wilcox.test's
# example itself is one-sided (alternative = "greater", p-value = 0.01953):
print(wilcox.test(depression_x, depression_y, paired = TRUE))
