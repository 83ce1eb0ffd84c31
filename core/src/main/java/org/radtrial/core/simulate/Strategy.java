package org.radtrial.core.simulate;

import java.util.Locale;

/** A role for the AI in the screening programme. */
public enum Strategy {
  /** The programme as recorded: the readers' decisions and arbitrations as they happened. */
  BASELINE("the programme as recorded", false),
  /** The AI alone decides recall: no human reads. */
  INDEPENDENT_READER("AI alone decides recall; no human reads", false),
  /** Reader 1 and the AI double read; their discordances go to arbitration. */
  REPLACE_SECOND_READER("AI replaces the second reader; discordances go to arbitration", true),
  /** MASAI-style: exams under the threshold are single read by reader 1, the rest double read. */
  TRIAGE("exams under the threshold single read, the rest double read (MASAI)", false),
  /** Exams under the threshold are cleared by the AI with no human read; the rest read as usual. */
  RULE_OUT("exams under the threshold cleared by AI unread; the rest read as usual", false),
  /** After human reading, exams not recalled that the AI flags get an extra review. */
  SAFETY_NET("after human reading, AI-flagged exams not recalled get an extra review", true),
  /** Humans read with the AI's output on screen; needs AI-assisted reads recorded in the data. */
  CONCURRENT_ASSISTANCE("readers read with the AI's marks; needs recorded AI-assisted reads", false);

  private final String description;
  private final boolean needsAssumption;

  Strategy(String description, boolean needsAssumption) {
    this.description = description;
    this.needsAssumption = needsAssumption;
  }

  public String description() {
    return description;
  }

  /** True when some outcomes were never recorded and come from a named assumption. */
  public boolean needsAssumption() {
    return needsAssumption;
  }

  /** The name used in results and on the command line, e.g. "replace_second_reader". */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
