# Prints the operating points of modality 1, reader 3 (dataset04) stored in RJafroc's test values
# tests/testthat/goodValues361/Plots/ds04-FROC.rds, ds04-AFROC.rds and ds04-wAFROC.rds (GitHub
# dpc10ster/RJafroc, commit 44b0e39e), made by PlotEmpOpChrs(dataset04, trts = 1, rdrs = 3, opChType = ...).
# Run: Rscript goodvalues-plots.R DIR > goodvalues-plots.out
options(digits = 15, width = 200)
dir <- commandArgs(trailingOnly = TRUE)[1]
for (type in c("FROC", "AFROC", "wAFROC")) {
  p <- readRDS(file.path(dir, paste0("ds04-", type, ".rds")))$Points
  cat(type, "\n")
  print(p[as.integer(p$class) == 1 & p$type == "D", c("genAbscissa", "genOrdinate")], row.names = FALSE)
}
