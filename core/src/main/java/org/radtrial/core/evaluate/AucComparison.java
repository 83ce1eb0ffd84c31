package org.radtrial.core.evaluate;

import org.radtrial.core.roc.DeLong.PairedAucTest;

/**
 * A paired DeLong comparison of two models' AUCs with its Holm-adjusted p across all pairs.
 *
 * @param modelA first model
 * @param modelB second model
 * @param test the DeLong test of AUC(A) − AUC(B)
 * @param pHolm Holm-adjusted p across every pair of models in the evaluation
 */
public record AucComparison(String modelA, String modelB, PairedAucTest test, double pHolm) {}
