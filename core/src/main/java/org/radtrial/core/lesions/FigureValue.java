package org.radtrial.core.lesions;

/**
 * A figure of merit of one reading and its value with each case deleted in turn (case order), the
 * input of the jackknife.
 *
 * @param figure which figure
 * @param value θ
 * @param leaveOneOut θ with case k deleted; NaN where deleting k leaves θ undefined
 */
public record FigureValue(LocalizationFigure figure, double value, double[] leaveOneOut) {
  public FigureValue {
    leaveOneOut = leaveOneOut.clone();
  }

  @Override
  public double[] leaveOneOut() {
    return leaveOneOut.clone();
  }
}
