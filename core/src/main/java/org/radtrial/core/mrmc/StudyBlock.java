package org.radtrial.core.mrmc;

import java.util.List;

/**
 * One block of readers of a split-plot study and the cases they read (the whole study when it is fully
 * crossed).
 *
 * @param readers the block's readers, in study order
 * @param cases how many cases they read
 * @param positives of which with disease
 * @param negatives of which without
 */
public record StudyBlock(List<String> readers, int cases, int positives, int negatives) {
  public StudyBlock {
    readers = List.copyOf(readers);
  }
}
