package org.radtrial.core.mrmc;

/**
 * The interval of one reader-averaged figure of merit from r readers' values alone (Hillis 2007,
 * §5.3; OR-DBM MRMC's single-treatment intervals), for each generalization. Also used for the
 * differences between the human readers and a stand-alone reader.
 *
 * <ul>
 *   <li>RRRC: SE² = [MS(R) + r·max(Cov2, 0)] / r, df = [MS(R) + r·max(Cov2, 0)]² / [MS(R)² / (r − 1)]
 *   <li>FRRC: SE² = [Var + (r − 1)·max(Cov2, 0)] / r, normal reference
 *   <li>RRFC: SE² = MS(R) / r, df = r − 1
 * </ul>
 * where MS(R) = Σ_j (θ_j − θ̄)² / (r − 1), Var the mean error variance and Cov2 the mean error
 * covariance of two different readers.
 */
final class SingleModality {
  private SingleModality() {}

  static ModalityEstimate estimate(Generalization g, String name, double mean, double msR, double var, double cov2,
      int r, double level) {
    return switch (g) {
      case RANDOM_READERS_RANDOM_CASES -> {
        double den = msR + r * Math.max(cov2, 0);
        yield ModalityEstimate.of(name, mean, den / r, hillisDf(den, msR, r - 1), level);
      }
      case FIXED_READERS_RANDOM_CASES ->
          ModalityEstimate.of(name, mean, (var + (r - 1) * Math.max(cov2, 0)) / r, Double.POSITIVE_INFINITY, level);
      case RANDOM_READERS_FIXED_CASES -> ModalityEstimate.of(name, mean, msR / r, r - 1, level);
    };
  }

  /**
   * Hillis's (2007) Satterthwaite-type denominator degrees of freedom den² / [ms² / df]: +∞ when the
   * mean square is 0 (then only the case-sampling term remains, whose df are taken as infinite).
   */
  static double hillisDf(double den, double ms, double df) {
    return ms == 0 ? Double.POSITIVE_INFINITY : den * den / (ms * ms / df);
  }
}
