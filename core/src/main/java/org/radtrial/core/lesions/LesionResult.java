package org.radtrial.core.lesions;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.mrmc.FomAnalysis;

/**
 * The lesion-level analysis of a study.
 *
 * @param cases K
 * @param normals K1
 * @param abnormals K2
 * @param lesions L_T
 * @param modalities the modalities
 * @param readers the readers
 * @param cells every reader in every modality, modality by modality
 * @param primary the figure analysed across readers: wAFROC, or wAFROC1 without normal cases
 * @param readerStudy the Obuchowski-Rockette analysis (jackknife covariances, Hillis ddf) of the
 *     primary figure; null unless there are at least two modalities and two readers
 * @param ciLevel the confidence level of its intervals
 */
public record LesionResult(int cases, int normals, int abnormals, int lesions, List<String> modalities, List<String> readers,
    List<CellResult> cells, LocalizationFigure primary, @Nullable FomAnalysis readerStudy, double ciLevel) {
  public LesionResult {
    modalities = List.copyOf(modalities);
    readers = List.copyOf(readers);
    cells = List.copyOf(cells);
  }
}
