package org.radtrial.report;

import java.util.List;

/**
 * One part of the report, drawn from the results.json keys it knows. A section that finds nothing
 * it can show is left out, so a report holds only what was run. To show a new top-level key (for
 * example "mrmc"), write a Section that reads it and add it to {@link Report#SECTIONS}.
 */
interface Section {
  /** The fragment id, also used by the table of contents. */
  String id();

  String title();

  /** Whether results.json holds what this section shows. */
  boolean presentIn(Results results);

  void write(Results results, Html html);

  /** The short heading of this section's key findings. */
  default String findingsHeading() {
    return title();
  }

  /** Sentences for the key findings at the top of the report; none by default. */
  default List<Finding> findings(Results results) {
    return List.of();
  }
}
