package org.radtrial.core.mrmc;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One reader's empirical ROC curve in one modality, with its trapezoidal AUC.
 *
 * @param modality the modality; null for the stand-alone reader
 * @param reader the reader
 * @param auc the trapezoidal (Mann-Whitney) AUC
 * @param points the curve from (0, 0) to (1, 1), thinned for plotting when long
 */
public record ReaderCurve(@Nullable String modality, String reader, double auc, List<CurvePoint> points) {
  public ReaderCurve {
    points = List.copyOf(points);
  }
}
