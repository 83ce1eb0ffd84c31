package org.radtrial.core.cohort;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cases of a retrospective study: one entry per exam, with the reference standard, every
 * model's scores, the human readers' decisions and any metadata, all in the same case order.
 *
 * @param caseIds unique case identifiers
 * @param truth true for a case with the disease (the reference standard's positive class)
 * @param models scores of each model under evaluation
 * @param readers recorded decisions of human readers (may be empty)
 * @param metadata named metadata columns in table order, one string per case (may be empty)
 */
public record Cohort(
    List<String> caseIds,
    boolean[] truth,
    List<ModelScores> models,
    List<ReaderDecisions> readers,
    Map<String, List<String>> metadata) {

  public Cohort {
    caseIds = caseIds instanceof PackedIds ? caseIds : List.copyOf(caseIds);
    truth = truth.clone();
    models = List.copyOf(models);
    readers = List.copyOf(readers);
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    int n = caseIds.size();
    if (truth.length != n) {
      throw new IllegalArgumentException("truth has " + truth.length + " entries for " + n + " cases");
    }
    Set<String> names = new HashSet<>();
    for (ModelScores m : models) {
      if (m.size() != n) {
        throw new IllegalArgumentException("model " + m.name() + " has " + m.size() + " scores for " + n + " cases");
      }
      if (!names.add(m.name())) {
        throw new IllegalArgumentException("model " + m.name() + " is named twice");
      }
    }
    for (ReaderDecisions r : readers) {
      if (r.size() != n) {
        throw new IllegalArgumentException("reader " + r.name() + " has " + r.size() + " decisions for " + n + " cases");
      }
      if (!names.add(r.name())) {
        throw new IllegalArgumentException(r.name() + " is named twice among models and readers");
      }
    }
    metadata.forEach(
        (column, values) -> {
          if (values.size() != n) {
            throw new IllegalArgumentException("metadata " + column + " has " + values.size() + " values for " + n + " cases");
          }
        });
  }

  /** A copy of every case's truth: the record's own array never leaves it. */
  @Override
  public boolean[] truth() {
    return truth.clone();
  }

  /** Whether a case has the disease. */
  public boolean truth(int caseIndex) {
    return truth[caseIndex];
  }

  public int size() {
    return truth.length;
  }

  public int positives() {
    int p = 0;
    for (boolean t : truth) {
      if (t) {
        p++;
      }
    }
    return p;
  }

  public int negatives() {
    return size() - positives();
  }
}
