# Reference values of the non-central F distribution function for radtrial's NoncentralF, from R's
# pf(q, df1, df2, ncp) (R's pnbeta: AS 226 with Frick's R84 correction).
# Run: Rscript core/src/test/reference/noncentral_f.R > core/src/test/reference/noncentral_f.out
# Output: one line per case, "q df1 df2 ncp cdf", cdf to 17 significant digits.
cat("#", R.version.string, "\n")
for (df1 in c(1, 2, 3, 7)) {
  for (df2 in c(2.5, 4, 15.26, 63.14, 1000)) {
    for (ncp in c(0, 0.3, 4.8, 13.65, 60, 400)) {
      for (q in c(0.2, 1, 4.28, 9, 40)) {
        cat(sprintf("%.17g %.17g %.17g %.17g %.17g\n", q, df1, df2, ncp, pf(q, df1, df2, ncp = ncp)))
      }
    }
  }
}
