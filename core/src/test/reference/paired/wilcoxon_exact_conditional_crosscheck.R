# Live cross-check for WilcoxonExactConditionalLiveCrossCheckTest: the two-sided exact conditional Wilcoxon
# signed-rank p of exactRankTests::wilcox.exact (Debian's r-cran-exactranktests; zeros dropped, average
# ranks, exact = TRUE) for each data set of differences in the input.
# Usage: Rscript wilcoxon_exact_conditional_crosscheck.R INPUT.csv   (columns dataset, d; d = x - y)
# prints "dataset,V,p" per data set, p with 17 significant digits.
suppressPackageStartupMessages(library(exactRankTests))
input <- read.csv(commandArgs(trailingOnly = TRUE)[1])
cat("dataset,V,p\n")
for (k in unique(input$dataset)) {
  d <- input$d[input$dataset == k]
  test <- exactRankTests::wilcox.exact(d, exact = TRUE)
  cat(sprintf("%d,%.17g,%.17g\n", k, test$statistic, test$p.value))
}
