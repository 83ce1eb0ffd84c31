package org.radtrial.report;

import java.util.ArrayList;
import java.util.List;

/** What could not be estimated or needs care, as results.json's notes say it. */
final class NotesSection implements Section {
  @Override
  public String id() {
    return "notes";
  }

  @Override
  public String findingsHeading() {
    return "Notes";
  }

  @Override
  public String title() {
    return "Notes: what could not be estimated";
  }

  private static List<String> notes(Results results) {
    List<String> notes = new ArrayList<>();
    Json.elements(results.get("notes")).forEach(n -> notes.add(n.asText()));
    Json.elements(results.at("/audit/notes")).forEach(n -> notes.add(n.asText()));
    return notes;
  }

  @Override
  public boolean presentIn(Results results) {
    return !notes(results).isEmpty();
  }

  @Override
  public List<Finding> findings(Results results) {
    int n = notes(results).size();
    return List.of(new Finding(Finding.Strength.CAUTION, n + (n == 1 ? " note says" : " notes say")
        + " what could not be estimated or needs care.", id()));
  }

  @Override
  public void write(Results results, Html html) {
    html.open("ul", "class", "notes");
    for (String note : notes(results)) {
      html.element("li", note);
    }
    html.close("ul");
  }
}
