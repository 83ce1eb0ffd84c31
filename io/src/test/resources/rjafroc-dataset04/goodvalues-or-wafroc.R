# Prints RJafroc's stored test value tests/testthat/goodValues361/UtilOutputReport/dataset04-OR-wAFROC.rds
# (GitHub dpc10ster/RJafroc, commit 44b0e39e), the result of St(dataset04, FOM = "wAFROC", method = "OR"),
# to 15 significant digits. Run: Rscript goodvalues-or-wafroc.R dataset04-OR-wAFROC.rds > goodvalues-or-wafroc.out
options(digits = 15, width = 200)
x <- readRDS(commandArgs(trailingOnly = TRUE)[1])
print(x$FOMs$foms)
print(x$ANOVA$VarCom)
print(x$RRRC$FTests)
print(x$RRRC$ciDiffTrt)
print(x$RRRC$ciAvgRdrEachTrt)
