package org.radtrial.core.mrmc;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything computed for one figure of merit.
 *
 * @param figureOfMerit what was measured
 * @param values every reader's value in every modality, modality by modality; the stand-alone
 *     reader's last (modality null) when there is one
 * @param obuchowskiRockette the OR analysis
 * @param dbm the DBM pseudovalue analysis; null for a split-plot study, whose readers share no
 *     pseudovalue ANOVA
 * @param standalone per modality, its human readers against the stand-alone reader (empty without one)
 */
public record FomAnalysis(
    FigureOfMerit figureOfMerit,
    List<ReaderValue> values,
    OrAnalysis obuchowskiRockette,
    @Nullable DbmAnalysis dbm,
    List<StandaloneDifference> standalone) {
  public FomAnalysis {
    values = List.copyOf(values);
    standalone = List.copyOf(standalone);
  }
}
