package org.radtrial.core.mrmc;

/**
 * The predicted power of a planned two-modality study's F test.
 *
 * @param generalization RRRC, FRRC or RRFC
 * @param readers readers in the planned study
 * @param cases cases in the planned study
 * @param effect the difference of reader-averaged AUCs the study should detect
 * @param alpha the test's significance level
 * @param ddf denominator degrees of freedom (numerator df is 1)
 * @param noncentrality the non-centrality parameter λ of the F distribution under the alternative
 * @param criticalValue the F value rejecting H0 at alpha: the 1 − alpha quantile of F(1, ddf)
 * @param power P(F(1, ddf, λ) > criticalValue)
 */
public record PowerEstimate(
    Generalization generalization,
    int readers,
    int cases,
    double effect,
    double alpha,
    double ddf,
    double noncentrality,
    double criticalValue,
    double power) {}
