package org.radtrial.core.mrmc;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of an MRMC analysis.
 *
 * @param modalities the modalities, in order
 * @param readers the human readers, in order
 * @param standaloneReader the stand-alone reader's name, or null
 * @param cases cases in the study
 * @param positives cases with disease
 * @param negatives cases without
 * @param blocks the blocks of readers and their cases: one block (every reader, every case) for a fully
 *     crossed study, several for a split-plot study
 * @param curves every reader's ROC curve in every modality, then the stand-alone reader's
 * @param auc the AUC analyses
 * @param sensitivity the sensitivity analyses at the cut, or null without a cut
 * @param specificity the specificity analyses at the cut, or null without a cut
 * @param plan sample-size estimates, or null when none were asked for
 * @param spec what was computed
 */
public record MrmcResult(
    List<String> modalities,
    List<String> readers,
    @Nullable String standaloneReader,
    int cases,
    int positives,
    int negatives,
    List<StudyBlock> blocks,
    List<ReaderCurve> curves,
    FomAnalysis auc,
    @Nullable FomAnalysis sensitivity,
    @Nullable FomAnalysis specificity,
    @Nullable PlanResult plan,
    MrmcSpec spec) {
  public MrmcResult {
    modalities = List.copyOf(modalities);
    readers = List.copyOf(readers);
    curves = List.copyOf(curves);
    blocks = List.copyOf(blocks);
  }

  /** Whether the readers fall into several blocks, each reading its own cases. */
  public boolean isSplitPlot() {
    return blocks.size() > 1;
  }
}
