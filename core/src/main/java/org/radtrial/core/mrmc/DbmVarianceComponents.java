package org.radtrial.core.mrmc;

/**
 * The variance components of the Dorfman-Berbaum-Metz pseudovalue model Y_ijk = μ + τ_i + R_j + C_k
 * + (τR)_ij + (τC)_ik + (RC)_jk + (τRC)_ijk + ε_ijk, by the method of moments from the mean squares
 * (unbiased, can be negative), as JAFROC and OR-DBM MRMC print them.
 *
 * @param varR [MS(R) − MS(TR) − MS(RC) + MS(TRC)] / (tK)
 * @param varC [MS(C) − MS(TC) − MS(RC) + MS(TRC)] / (tr)
 * @param varTR [MS(TR) − MS(TRC)] / K
 * @param varTC [MS(TC) − MS(TRC)] / r
 * @param varRC [MS(RC) − MS(TRC)] / t
 * @param varError σ²_TRC + σ²_ε = MS(TRC)
 */
public record DbmVarianceComponents(double varR, double varC, double varTR, double varTC, double varRC, double varError) {}
