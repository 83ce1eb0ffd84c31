package org.radtrial.core.roc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radtrial.core.Fixtures;

/**
 * ROC curve and AUC against scikit-learn 1.2.1 ({@code roc_curve(drop_intermediate=False)},
 * {@code roc_auc_score}) on its breast-cancer data set, malignant as positive. Expected numbers:
 * src/test/reference/breast_cancer_sklearn.out, printed by breast_cancer_sklearn.py.
 */
class RocCurveReferenceTest {
  private final Fixtures data = Fixtures.breastCancer();
  private final boolean[] malignant = data.is("diagnosis", "M");

  @ParameterizedTest
  @CsvSource({
    "mean_radius, 0.937516516040, 457, 152, 15.19, 0.028011204482, 0.731132075472",
    "mean_texture, 0.775824480736, 480, 240, 18.91, 0.319327731092, 0.773584905660",
    "mean_smoothness, 0.722041646847, 475, 158, 0.09916, 0.299719887955, 0.584905660377",
    "worst_concave_points, 0.966703662597, 493, 491, 0.008772, 0.963585434174, 1.0",
  })
  void curveAndAucMatchScikitLearn(
      String column, double auc, int points, int k, double threshold, double fpr, double tpr) {
    double[] scores = data.numbers(column);
    Placements p = Placements.of(Fixtures.select(scores, malignant, true), Fixtures.select(scores, malignant, false));
    RocCurve curve = RocCurve.of(p);

    assertThat(p.auc()).isCloseTo(auc, within(1e-10));
    assertThat(curve.trapezoidalArea()).isCloseTo(auc, within(1e-10));
    assertThat(curve.points()).hasSize(points);
    RocPoint point = curve.points().get(k);
    assertThat(point.threshold()).isEqualTo(threshold);
    assertThat(1 - curve.specificity(point)).isCloseTo(fpr, within(1e-10));
    assertThat(curve.sensitivity(point)).isCloseTo(tpr, within(1e-10));
  }
}
