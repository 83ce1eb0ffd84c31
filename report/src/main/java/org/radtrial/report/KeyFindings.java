package org.radtrial.report;

import java.util.ArrayList;
import java.util.List;

/** The plain-language summary at the top: every present section's findings, in reading order. */
final class KeyFindings {
  static final String ID = "key-findings";
  static final String TITLE = "Key findings";

  private KeyFindings() {}

  static List<Finding> collect(Results results, List<Section> present) {
    List<Finding> findings = new ArrayList<>();
    for (Section section : present) {
      findings.addAll(section.findings(results));
    }
    return findings;
  }

  static void write(Results results, List<Section> present, Html html) {
    html.open("section", "id", ID, "aria-labelledby", ID + "-h", "class", "findings");
    html.element("h2", TITLE, "id", ID + "-h");
    html.element("p", "Written from the numbers below. A difference is called higher or lower only when its "
        + results.level() + " confidence interval lies wholly above or below zero difference (and the matching test,"
        + " adjusted where there are several, agrees); otherwise the report says the difference is not shown, which is not"
        + " the same as no difference.", "class", "meta");
    for (Section section : present) {
      List<Finding> findings = section.findings(results);
      if (findings.isEmpty()) {
        continue;
      }
      html.open("h3").text(section.findingsHeading() + " ").element("a", "details", "href", "#" + section.id(), "class", "more")
          .close("h3");
      html.open("ul");
      for (Finding finding : findings) {
        html.open("li", "class", finding.strength().cssClass);
        html.element("span", label(finding.strength()), "class", "tag");
        html.text(" " + finding.sentence());
        html.close("li").newline();
      }
      html.close("ul");
    }
    html.close("section").newline();
  }

  private static String label(Finding.Strength strength) {
    return switch (strength) {
      case SHOWN -> "difference shown";
      case NOT_SHOWN -> "not shown";
      case FACT -> "result";
      case CAUTION -> "caution";
    };
  }
}
