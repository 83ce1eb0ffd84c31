package org.radtrial.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The cases of a segmentation study as its table lists them: per case the reference's and each
 * model's mask file (resolved against the table's folder), the PET volume if any, and the values
 * of the group columns.
 *
 * @param table the table as the user named it
 * @param models the models' column names, in the order given
 * @param groups the group columns' names
 * @param cases one per data row, in the table's order
 */
public record MaskCases(String table, List<String> models, List<String> groups, List<Case> cases) {
  public MaskCases {
    models = List.copyOf(models);
    groups = List.copyOf(groups);
    cases = List.copyOf(cases);
  }

  /**
   * One case.
   *
   * @param id the case id
   * @param row its 1-based data row, for messages
   * @param reference the reference mask's file
   * @param models each model's mask file, in {@link MaskCases#models} order
   * @param pet the PET image or null
   * @param series the DICOM series that the case's SEG masks are placed on, or null
   * @param groups each group column's value
   */
  public record Case(String id, long row, Path reference, List<Path> models, @Nullable Path pet, @Nullable Path series,
      Map<String, String> groups) {
    public Case {
      models = List.copyOf(models);
      groups = Map.copyOf(groups);
    }
  }
}
