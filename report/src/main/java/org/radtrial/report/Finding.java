package org.radtrial.report;

/**
 * One plain-language sentence for the key findings, made from the numbers by the section that
 * owns them. {@code strength} says how the sentence is marked: a difference the intervals show, no
 * difference shown, or a caution about what cannot be judged.
 */
record Finding(Strength strength, String sentence, String sectionId) {
  enum Strength {
    /** The interval excludes no difference (and the matching test agrees). */
    SHOWN("shown"),
    /** The interval includes no difference: the data cannot tell. */
    NOT_SHOWN("not-shown"),
    /** A plain fact (sizes, an estimate with its interval). */
    FACT("fact"),
    /** Something that limits what can be concluded. */
    CAUTION("caution");

    final String cssClass;

    Strength(String cssClass) {
      this.cssClass = cssClass;
    }
  }
}
