package org.radtrial.core.lesions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The truth of a localization study: every case, normal or with its lesions, in a fixed order (the
 * order of every per-case array and of the jackknife).
 *
 * @param cases the cases, ids distinct
 */
public record LesionTruth(List<LesionCase> cases) {
  public LesionTruth {
    cases = List.copyOf(cases);
    Map<String, Integer> seen = new HashMap<>();
    for (int k = 0; k < cases.size(); k++) {
      Integer before = seen.put(cases.get(k).id(), k);
      if (before != null) {
        throw new IllegalArgumentException("case " + cases.get(k).id() + " appears twice in the truth");
      }
    }
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("the truth lists no cases");
    }
  }

  public int size() {
    return cases.size();
  }

  public LesionCase get(int k) {
    return cases.get(k);
  }

  /** The position of a case id, if the truth lists it. */
  public Optional<Integer> indexOf(String caseId) {
    for (int k = 0; k < cases.size(); k++) {
      if (cases.get(k).id().equals(caseId)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** Cases without lesions (K1). */
  public int normals() {
    return (int) cases.stream().filter(LesionCase::isNormal).count();
  }

  /** Cases with at least one lesion (K2). */
  public int abnormals() {
    return size() - normals();
  }

  /** Lesions over all cases (L_T). */
  public int lesions() {
    return cases.stream().mapToInt(LesionCase::lesions).sum();
  }
}
