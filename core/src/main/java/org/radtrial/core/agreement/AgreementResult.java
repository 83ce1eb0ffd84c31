package org.radtrial.core.agreement;

/**
 * The three views of agreement of x and y on the same complete cases.
 *
 * @param blandAltman bias and limits of agreement (in the units of the measurement)
 * @param icc ICC(A,1) of the two methods
 * @param concordance Lin's concordance correlation with its precision and accuracy parts
 */
public record AgreementResult(BlandAltmanResult blandAltman, IccResult icc, ConcordanceResult concordance) {}
