# Independent computation of the Obuchowski-Rockette analysis of the Van Dyke AUCs with DeLong
# covariances, for radtrial's DeLongCovarianceReferenceTest. Base R only, written from the formulas
# (DeLong et al. 1988; Obuchowski and Rockette 1995; Hillis 2007), not from radtrial's code: the
# structural components come from the full m x n kernel matrix (outer), never from sorting.
# Run from the repository root:
#   Rscript core/src/test/reference/vandyke_or_delong.R > core/src/test/reference/vandyke_or_delong.out
d <- read.csv("core/src/test/resources/org/radtrial/core/mrmc/vandyke.csv")
cat("#", R.version.string, "\n")
modalities <- sort(unique(d$modality)); readers <- sort(unique(d$reader)); cases <- sort(unique(d$case))
t <- length(modalities); r <- length(readers)
truth <- sapply(cases, function(k) d$truth[d$case == k][1])
pos <- cases[truth == 1]; neg <- cases[truth == 0]
m <- length(pos); n <- length(neg)
rating <- function(i, j, ks) { s <- d[d$modality == modalities[i] & d$reader == readers[j], ]; s$rating[match(ks, s$case)] }
cells <- expand.grid(j = seq_len(r), i = seq_len(t))  # cell index = (i - 1) * r + j
V10 <- matrix(0, m, nrow(cells)); V01 <- matrix(0, n, nrow(cells)); theta <- matrix(0, t, r)
for (c in seq_len(nrow(cells))) {
  i <- cells$i[c]; j <- cells$j[c]
  psi <- outer(rating(i, j, pos), rating(i, j, neg), function(x, y) (x > y) + 0.5 * (x == y))
  V10[, c] <- rowMeans(psi); V01[, c] <- colMeans(psi); theta[i, j] <- mean(psi)
}
C <- cov(V10) / m + cov(V01) / n
avg <- function(same_i, same_j) {
  v <- c()
  for (a in seq_len(nrow(cells))) for (b in seq_len(nrow(cells))) {
    if ((cells$i[a] == cells$i[b]) == same_i && (cells$j[a] == cells$j[b]) == same_j) v <- c(v, C[a, b])
  }
  mean(v)
}
Var <- avg(TRUE, TRUE); Cov1 <- avg(FALSE, TRUE); Cov2 <- avg(TRUE, FALSE); Cov3 <- avg(FALSE, FALSE)
mi <- rowMeans(theta); mj <- colMeans(theta); g <- mean(theta)
MST <- r * sum((mi - g)^2) / (t - 1)
MSR <- t * sum((mj - g)^2) / (r - 1)
MSTR <- sum((theta - outer(mi, rep(1, r)) - outer(rep(1, t), mj) + g)^2) / ((t - 1) * (r - 1))
VarTR <- MSTR - Var + Cov1 + Cov2 - Cov3
VarR <- (MSR - VarTR - Var - (t - 1) * Cov1 + Cov2 + (t - 1) * Cov3) / t
out <- function(name, x) cat(sprintf("%s %.12g\n", name, x))
out("var_error", Var); out("cov1", Cov1); out("cov2", Cov2); out("cov3", Cov3); out("var_tr", VarTR); out("var_r", VarR)
# RRRC (Hillis 2007 ddf)
den <- MSTR + r * max(Cov2 - Cov3, 0)
F <- MST / den; ddf <- den^2 / (MSTR^2 / ((t - 1) * (r - 1)))
diff <- mi[1] - mi[2]; se <- sqrt(2 / r * den)
out("rrrc_f", F); out("rrrc_ddf", ddf); out("rrrc_p", 1 - pf(F, t - 1, ddf))
out("rrrc_ci_lower", diff - qt(0.975, ddf) * se); out("rrrc_ci_upper", diff + qt(0.975, ddf) * se)
for (i in seq_len(t)) {
  ci <- (i - 1) * r + seq_len(r)
  cov2i <- (sum(C[ci, ci]) - sum(diag(C[ci, ci]))) / (r * (r - 1))
  msri <- sum((theta[i, ] - mi[i])^2) / (r - 1)
  deni <- msri + r * max(cov2i, 0); dfi <- deni^2 / (msri^2 / (r - 1))
  out(sprintf("rrrc_modality%d_se", i), sqrt(deni / r)); out(sprintf("rrrc_modality%d_df", i), dfi)
}
# FRRC
denf <- Var - Cov1 + (r - 1) * max(Cov2 - Cov3, 0)
X2 <- (t - 1) * MST / denf
out("frrc_chisq", X2); out("frrc_p", 1 - pchisq(X2, t - 1)); out("frrc_se", sqrt(2 / r * denf))
for (j in seq_len(r)) {
  a <- j; b <- r + j
  out(sprintf("frrc_reader%d_se", j), sqrt(C[a, a] + C[b, b] - 2 * C[a, b]))
}
