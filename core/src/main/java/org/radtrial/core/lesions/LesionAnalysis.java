package org.radtrial.core.lesions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.radtrial.core.mrmc.FigureOfMerit;
import org.radtrial.core.mrmc.FomAnalysis;
import org.radtrial.core.mrmc.JackknifeValues;
import org.radtrial.core.mrmc.MrmcAnalysis;

/**
 * The analysis behind {@code radtrial lesions}: every figure of merit of every reader in every modality
 * and, with at least two modalities and two readers, the Obuchowski-Rockette analysis of the weighted
 * AFROC figure of merit (wAFROC1 without normal cases) with jackknife covariances over cases, which is
 * RJafroc's {@code St(dataset, FOM = "wAFROC", method = "OR")}.
 */
public final class LesionAnalysis {
  private LesionAnalysis() {}

  /**
   * Runs it.
   *
   * @param level the confidence level of the reader-study intervals, e.g. 0.95
   */
  public static LesionResult analyse(LesionStudy study, double level) {
    LesionTruth truth = study.truth();
    if (truth.abnormals() == 0) {
      throw new IllegalArgumentException("the truth has no lesions; localization figures of merit need cases with lesions");
    }
    boolean normals = truth.normals() > 0;
    List<LocalizationFigure> figures = normals
        ? List.of(LocalizationFigure.WAFROC, LocalizationFigure.AFROC, LocalizationFigure.WAFROC1,
            LocalizationFigure.AFROC1, LocalizationFigure.INFERRED_ROC)
        : List.of(LocalizationFigure.WAFROC1, LocalizationFigure.AFROC1);
    LocalizationFigure primary = normals ? LocalizationFigure.WAFROC : LocalizationFigure.WAFROC1;
    int t = study.modalities().size();
    int r = study.readers().size();
    double[][] theta = new double[t][r];
    double[][][] leaveOneOut = new double[t][r][];
    List<CellResult> cells = new ArrayList<>();
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < r; j++) {
        Reading reading = study.reading(i, j);
        Map<LocalizationFigure, Double> values = new EnumMap<>(LocalizationFigure.class);
        for (LocalizationFigure f : figures) {
          FigureValue v = LocalizationFom.compute(f, truth, reading);
          values.put(f, v.value());
          if (f == primary) {
            theta[i][j] = v.value();
            leaveOneOut[i][j] = v.leaveOneOut();
          }
        }
        cells.add(new CellResult(study.modalities().get(i), study.readers().get(j), values, FrocCurve.of(truth, reading),
            normals ? AfrocCurve.of(truth, reading, true) : null));
      }
    }
    FomAnalysis or = null;
    if (t >= 2 && r >= 2) {
      or = MrmcAnalysis.analyseJackknifed(new FigureOfMerit.Jackknifed(primary.label()),
          new JackknifeValues(study.modalities(), study.readers(), theta, leaveOneOut), level);
    }
    return new LesionResult(truth.size(), truth.normals(), truth.abnormals(), truth.lesions(), study.modalities(),
        study.readers(), cells, primary, or, level);
  }
}
