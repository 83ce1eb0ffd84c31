# Reference values for BlandAltmanReferenceTest, IccReferenceTest and ConcordanceReferenceTest.
# Run: Rscript core/src/test/reference/agreement/reference.R > core/src/test/reference/agreement/reference.out
# (Debian: r-cran-psych 2.2.9, r-cran-epir 2.0.57).
#
# Data 1, PEFR: Bland & Altman (1986), Lancet 327(8476):307-310, Table 1: peak expiratory flow rate
# (l/min) of 17 subjects, the first reading with the large Wright meter (x) and with the mini Wright
# meter (y). The paper gives a mean difference of -2.1, an SD of 38.8 and 2-SD limits of -79.7 to 75.5,
# with 95% intervals -114.3 to -45.1 and 40.9 to 110.1 for the limits (its approximation sqrt(3 s^2 / n)).
# Data 2, sf: Shrout & Fleiss (1979), Psychol Bull 86:420-428, Table 2: 6 targets rated by 4 judges,
# as typed in psych's ?ICC example; the paper gives ICC(2,1) = .29.
suppressPackageStartupMessages({ library(psych); library(epiR) })
cat("psych", as.character(packageVersion("psych")), "epiR", as.character(packageVersion("epiR")), "\n")
wright <- c(494, 395, 516, 434, 476, 557, 413, 442, 650, 433, 417, 656, 267, 478, 178, 423, 427)
mini <- c(512, 430, 520, 428, 500, 600, 364, 380, 658, 445, 432, 626, 260, 477, 259, 350, 451)
show <- function(name, value) cat(sprintf("%s %.10g\n", name, value))

cat("\n==== PEFR: Bland-Altman, level 0.95 (d = wright - mini) ====\n")
d <- wright - mini
m <- (wright + mini) / 2
n <- length(d)
z <- qnorm(0.975)
t <- qt(0.975, n - 1)
s <- sd(d)
show("bias", mean(d))
show("sd", s)
tt <- t.test(d)$conf.int
show("bias.lower (t.test)", tt[1]); show("bias.upper (t.test)", tt[2])
lower <- mean(d) - z * s; upper <- mean(d) + z * s
show("loa.lower", lower); show("loa.upper", upper)
se.loa <- s * sqrt(1 / n + z^2 / (2 * (n - 1)))  # Bland & Altman 1999
show("loa.lower.ci.lower", lower - t * se.loa); show("loa.lower.ci.upper", lower + t * se.loa)
show("loa.upper.ci.lower", upper - t * se.loa); show("loa.upper.ci.upper", upper + t * se.loa)
cat("-- the 1986 paper's own arithmetic (2 SD, SE sqrt(3 s^2 / n)):\n")
show("paper.loa.lower", mean(d) - 2 * s); show("paper.loa.upper", mean(d) + 2 * s)
show("paper.loa.lower.ci.lower", mean(d) - 2 * s - t * sqrt(3 * s^2 / n))
show("paper.loa.lower.ci.upper", mean(d) - 2 * s + t * sqrt(3 * s^2 / n))
fit <- lm(d ~ m)
show("slope", coef(fit)[2]); show("intercept", coef(fit)[1])
ci <- confint(fit, level = 0.95)
show("slope.lower", ci[2, 1]); show("slope.upper", ci[2, 2])
show("slope.p", summary(fit)$coefficients[2, 4])
e <- epi.ccc(wright, mini, ci = "z-transform", conf.level = 0.95)
cat("-- epiR epi.ccc(wright, mini)$sblalt (limits at qnorm(0.975) SD):\n")
print(e$sblalt, digits = 10)

cat("\n==== PEFR: Lin's concordance, epi.ccc(wright, mini, ci = 'z-transform'), level 0.95 ====\n")
print(e$rho.c, digits = 10)
show("C.b", e$C.b); show("s.shift", e$s.shift); show("l.shift", e$l.shift)
show("pearson (cor)", cor(wright, mini))

cat("\n==== PEFR: psych::ICC(cbind(wright, mini), lmer = FALSE), alpha 0.05 ====\n")
print(ICC(cbind(wright, mini), lmer = FALSE)$results["Single_random_raters", ], digits = 10)

cat("\n==== sf (Shrout & Fleiss 1979 Table 2): psych::ICC(sf, lmer = FALSE) ====\n")
sf <- matrix(c(9, 2, 5, 8,
               6, 1, 3, 2,
               8, 4, 6, 8,
               7, 1, 2, 6,
               10, 5, 6, 9,
               6, 2, 4, 7), ncol = 4, byrow = TRUE)
print(sf)
res <- ICC(sf, lmer = FALSE)
print(res$results["Single_random_raters", ], digits = 10)
cat("alpha 0.10:\n")
print(ICC(sf, lmer = FALSE, alpha = 0.10)$results["Single_random_raters", ], digits = 10)
cat("mean squares (MSB, MSJ, MSE):\n")
print(res$stats["MS", ], digits = 10)
cat("psych's default lmer = TRUE, for comparison:\n")
print(ICC(sf)$results["Single_random_raters", ], digits = 10)
