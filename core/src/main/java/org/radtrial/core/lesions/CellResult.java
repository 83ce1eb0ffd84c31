package org.radtrial.core.lesions;

import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every figure of merit of one reader in one modality.
 *
 * @param modality the modality
 * @param reader the reader
 * @param figures each {@link LocalizationFigure}'s value (wAFROC1 and AFROC1 only when there are
 *     abnormal cases; wAFROC, AFROC and the inferred-ROC AUC only when there are normal cases too)
 * @param froc the FROC curve, with LUNA16's sensitivities and CPM
 * @param wafroc the weighted AFROC curve; null without normal cases
 */
public record CellResult(String modality, String reader, Map<LocalizationFigure, Double> figures, FrocCurve froc,
    @Nullable AfrocCurve wafroc) {
  public CellResult {
    figures = figures.isEmpty() ? Map.of() : new EnumMap<>(figures);
  }

  /** A figure's value, NaN when it is undefined for the study. */
  public double value(LocalizationFigure f) {
    Double v = figures.get(f);
    return v == null ? Double.NaN : v;
  }
}
