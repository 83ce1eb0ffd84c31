package org.radtrial.core.lesions;

import java.util.List;

/**
 * A localization study: the truth and one classified {@link Reading} per modality and reader (for a
 * stand-alone evaluation, one modality and one "reader" per model).
 *
 * @param truth the cases and their lesions
 * @param modalities modality names, distinct
 * @param readers reader names, distinct
 * @param readings readings[modality][reader]
 */
public record LesionStudy(LesionTruth truth, List<String> modalities, List<String> readers, Reading[][] readings) {
  public LesionStudy {
    modalities = List.copyOf(modalities);
    readers = List.copyOf(readers);
    if (modalities.isEmpty() || readers.isEmpty()) {
      throw new IllegalArgumentException("a study needs at least one modality and one reader");
    }
    if (modalities.stream().distinct().count() != modalities.size() || readers.stream().distinct().count() != readers.size()) {
      throw new IllegalArgumentException("modality and reader names must be distinct");
    }
    if (readings.length != modalities.size()) {
      throw new IllegalArgumentException("readings for " + readings.length + " modalities, " + modalities.size() + " named");
    }
    Reading[][] copy = new Reading[readings.length][];
    for (int i = 0; i < readings.length; i++) {
      if (readings[i].length != readers.size()) {
        throw new IllegalArgumentException("modality " + modalities.get(i) + " has readings of " + readings[i].length
            + " readers, " + readers.size() + " named");
      }
      for (Reading r : readings[i]) {
        r.requireShape(truth);
      }
      copy[i] = readings[i].clone();
    }
    readings = copy;
  }

  public Reading reading(int modality, int reader) {
    return readings[modality][reader];
  }
}
