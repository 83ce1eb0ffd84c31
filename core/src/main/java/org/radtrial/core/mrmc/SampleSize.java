package org.radtrial.core.mrmc;

import java.util.Optional;

/**
 * Power and sample size of a planned two-modality reader study from a pilot study's
 * Obuchowski-Rockette variance components, by the unified method of Hillis, Obuchowski and Berbaum
 * (2011, Acad Radiol 18:129–142), as RJafroc's {@code SsPowerGivenJK} and {@code
 * SsSampleSizeKGivenJ} implement it.
 *
 * <p>With the pilot's K* cases and components σ²_TR, Var, Cov1, Cov2, Cov3, a planned study of J
 * readers and K cases, effect d (difference of reader-averaged AUCs), σ²_TR⁺ = max(σ²_TR, 0), Δ =
 * max(Cov2 − Cov3, 0) and s = K* / K (error covariances scale with 1/K):
 *
 * <ul>
 *   <li>RRRC: D = σ²_TR⁺ + s·[Var − Cov1 + (J − 1)Δ], ddf = D² / ([σ²_TR⁺ + s·(Var − Cov1 − Δ)]² / (J −
 *       1));
 *   <li>FRRC: D = s·[Var − Cov1 + (J − 1)Δ], ddf = K − 1;
 *   <li>RRFC: D = σ²_TR⁺ + s·(Var − Cov1 − Δ), ddf = J − 1;
 * </ul>
 * the non-centrality is λ = J·d² / (2D), and the power is P(F(1, ddf, λ) > F_{1 − α}(1, ddf)).
 * Denominator df above a million are taken as a million.
 */
public final class SampleSize {
  private static final double MAX_DDF = 1e6;

  private final OrVarianceComponents pilot;
  private final int pilotCases;

  private SampleSize(OrVarianceComponents pilot, int pilotCases) {
    if (Double.isNaN(pilot.varTR()) || Double.isNaN(pilot.cov1()) || Double.isNaN(pilot.cov3())) {
      throw new IllegalArgumentException("sample-size estimation needs a pilot study with at least two modalities");
    }
    if (pilotCases < 2) {
      throw new IllegalArgumentException("the pilot study needs at least two cases, had " + pilotCases);
    }
    this.pilot = pilot;
    this.pilotCases = pilotCases;
  }

  /** Planning from a pilot study's components, estimated on {@code pilotCases} cases. */
  public static SampleSize fromPilot(OrVarianceComponents pilot, int pilotCases) {
    return new SampleSize(pilot, pilotCases);
  }

  /**
   * The power of a study of {@code readers} readers and {@code cases} cases.
   *
   * @throws IllegalArgumentException if readers or cases are below 2, alpha is not in (0, 1), or the
   *     pilot's components leave the difference no positive variance
   */
  public PowerEstimate power(Generalization g, int readers, int cases, double effect, double alpha) {
    if (readers < 2 || cases < 2) {
      throw new IllegalArgumentException("a planned study needs at least 2 readers and 2 cases, got "
          + readers + " and " + cases);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("the significance level must lie in (0, 1), was " + alpha);
    }
    if (!Double.isFinite(effect)) {
      throw new IllegalArgumentException("the effect size must be a finite number, was " + effect);
    }
    double varTR = Math.max(0, pilot.varTR());
    double delta = Math.max(pilot.cov2() - pilot.cov3(), 0);
    double s = pilotCases / (double) cases;
    double withCases = pilot.varError() - pilot.cov1() + (readers - 1) * delta;
    double den;
    double ddf;
    switch (g) {
      case RANDOM_READERS_RANDOM_CASES -> {
        den = varTR + s * withCases;
        double ms = varTR + s * (pilot.varError() - pilot.cov1() - delta);
        ddf = SingleModality.hillisDf(den, ms, readers - 1);
      }
      case FIXED_READERS_RANDOM_CASES -> {
        den = s * withCases;
        ddf = cases - 1;
      }
      default -> {
        den = varTR + s * (pilot.varError() - pilot.cov1() - delta);
        ddf = readers - 1;
      }
    }
    if (!(den > 0)) {
      throw new IllegalArgumentException("the pilot's variance components give the planned difference a variance of "
          + den + " (" + g.code() + "); a pilot without any reader or case variability cannot predict power");
    }
    ddf = Math.min(ddf, MAX_DDF);
    double ncp = readers * effect * effect / (2 * den);
    double critical = Distributions.fCritical(alpha, 1, ddf);
    double power = NoncentralF.survival(critical, 1, ddf, ncp);
    return new PowerEstimate(g, readers, cases, effect, alpha, ddf, ncp, critical, power);
  }

  /**
   * The fewest cases, from 2 to {@code maxCases}, with which {@code readers} readers reach {@code
   * targetPower}; empty if none does (with random readers, too few readers can never suffice).
   */
  public Optional<PowerEstimate> casesFor(Generalization g, int readers, double effect, double alpha, double targetPower,
      int maxCases) {
    if (!(targetPower > 0 && targetPower < 1)) {
      throw new IllegalArgumentException("the target power must lie in (0, 1), was " + targetPower);
    }
    for (int cases = 2; cases <= maxCases; cases++) {
      PowerEstimate estimate = power(g, readers, cases, effect, alpha);
      if (estimate.power() >= targetPower) {
        return Optional.of(estimate);
      }
    }
    return Optional.empty();
  }
}
