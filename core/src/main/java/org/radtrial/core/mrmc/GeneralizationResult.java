package org.radtrial.core.mrmc;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The inference of one analysis for one generalization.
 *
 * @param generalization RRRC, FRRC or RRFC
 * @param test the test that all modalities are equal; null with a single modality
 * @param differences every pair of modalities, first − second, in the order the modalities appear
 * @param modalities each modality's mean with its interval from that modality's data alone
 * @param readers per reader, every pair of modalities (fixed-reader analysis only, else empty)
 */
public record GeneralizationResult(
    Generalization generalization,
    @Nullable GlobalTest test,
    List<ModalityDifference> differences,
    List<ModalityEstimate> modalities,
    List<ReaderDifference> readers) {
  public GeneralizationResult {
    differences = List.copyOf(differences);
    modalities = List.copyOf(modalities);
    readers = List.copyOf(readers);
  }
}
