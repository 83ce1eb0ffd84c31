package org.radtrial.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.radtrial.io.CaseTableSpec;

/**
 * The column roles given with an uploaded case table.
 *
 * @param id column of case ids, or null for the row number
 * @param truth reference-standard column
 * @param positive truth value meaning disease
 * @param models score columns
 * @param readers human readers' decision columns (reader 1, reader 2)
 * @param arbitration recorded arbitration column, or null
 * @param metadata every other column
 */
record DatasetSpec(String id, String truth, String positive, List<String> models, List<String> readers, String arbitration,
    List<String> metadata) {

  DatasetSpec {
    if (truth == null || truth.isBlank()) {
      throw HttpError.badRequest("name the truth column (truth=COLUMN)");
    }
    if (positive == null || positive.isBlank()) {
      throw HttpError.badRequest("name the truth value that means disease (positive=VALUE)");
    }
    if (models == null || models.isEmpty()) {
      throw HttpError.badRequest("name at least one model score column (models=COL1,COL2)");
    }
    readers = readers == null ? List.of() : List.copyOf(readers);
    metadata = metadata == null ? List.of() : List.copyOf(metadata);
    models = List.copyOf(models);
  }

  /** The spec with metadata = every header column that has no other role. */
  DatasetSpec withHeader(List<String> header) {
    Set<String> roles = new LinkedHashSet<>(models);
    roles.addAll(readers);
    roles.add(truth);
    if (id != null) {
      roles.add(id);
    }
    if (arbitration != null) {
      roles.add(arbitration);
    }
    Set<String> rest = new LinkedHashSet<>();
    for (String column : header) {
      if (!roles.contains(column)) {
        rest.add(column);
      }
    }
    return new DatasetSpec(id, truth, positive, models, readers, arbitration, List.copyOf(rest));
  }

  /** What the case-table reader checks: every role, and the arbitration as an optional decision. */
  CaseTableSpec caseTableSpec() {
    List<String> decisionColumns = new ArrayList<>(readers);
    Set<String> optional = new LinkedHashSet<>();
    if (arbitration != null) {
      decisionColumns.add(arbitration);
      optional.add(arbitration);
    }
    return CaseTableSpec.of(truth, positive, models).withId(id).withReaders(decisionColumns).withOptionalReaders(optional)
        .withMetadata(metadata);
  }

  static List<String> list(String commaSeparated) {
    List<String> out = new ArrayList<>();
    if (commaSeparated != null) {
      for (String part : commaSeparated.split(",")) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
    }
    return out;
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
