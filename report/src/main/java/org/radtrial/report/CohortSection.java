package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Who is in the data: exams, cases with the disease, and how they spread over the metadata. */
final class CohortSection implements Section {
  @Override
  public String id() {
    return "cohort";
  }

  @Override
  public String title() {
    return "The cases";
  }

  @Override
  public boolean presentIn(Results results) {
    return results.has("cohort");
  }

  @Override
  public void write(Results results, Html html) {
    long cases = results.cases();
    if (!results.at("/cohort/truth/column").isTextual() && Simulation.presentIn(results)) {
      double months = new Simulation(results).followUpApplied();
      html.element("p", "A case counts as positive when the case table records a cancer diagnosed within the follow-up"
          + " window" + (months > 0 ? " of " + Fmt.trimmed(months, 1) + " months" : "") + " (the command under Methods"
          + " names the column). Every strategy was simulated on all these"
          + " exams.");
    } else {
      html.open("p").text("The reference standard is the column ").element("code", results.at("/cohort/truth/column").asText("?"))
          .text(": a case counts as positive when it reads ").element("code", results.at("/cohort/truth/positive").asText("?"))
          .text(". Every model and reader was measured on these cases (or on the cases they scored, where the table below"
              + " says some were left out).").close("p");
    }
    new HtmlTable(null, "", "exams")
        .row("All exams", Fmt.count(cases))
        .row("With " + results.disease() + " (positives)", Fmt.count(results.positives()))
        .row("Without (negatives)", Fmt.count(results.negatives()))
        .row("Prevalence", Fmt.prevalence(Json.number(results.get("cohort"), "prevalence")))
        .write(html);
    exclusions(results, html);
    JsonNode metadata = results.at("/cohort/metadata");
    List<String> columns = Json.names(metadata);
    for (int k = 0; k < columns.size(); k++) {
      String column = columns.get(k);
      JsonNode counts = metadata.path(column).path("counts");
      long distinct = metadata.path(column).path("distinct_values").asLong();
      html.element("h3", column);
      if (!counts.isObject() || counts.isEmpty()) {
        html.element("p", Fmt.count(distinct) + " distinct values (too many to list).");
        continue;
      }
      List<DistributionChart.Level> levels = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) counts::fields) {
        levels.add(new DistributionChart.Level(e.getKey(), e.getValue().asLong()));
      }
      Figure.write(html, DistributionChart.svg("distribution-" + k, column, levels, cases),
          "Exams by " + column + " (" + distinct + " values).", List.of());
      HtmlTable table = new HtmlTable(null, column, "exams", "share");
      levels.forEach(l -> table.row(l.label(), Fmt.count(l.count()), Fmt.percent(l.count() / (double) cases)));
      table.writeCollapsed(html, "Counts by " + column);
    }
  }

  private static void exclusions(Results results, Html html) {
    HtmlTable table = new HtmlTable("Cases left out for a missing score or decision (--missing exclude)", "who", "left out");
    for (String model : results.models()) {
      long excluded = results.model(model).path("excluded_missing").asLong();
      if (excluded > 0) {
        table.row(model, Fmt.count(excluded));
      }
    }
    for (String reader : results.readers()) {
      long excluded = results.get("readers").path(reader).path("excluded_missing").asLong();
      if (excluded > 0) {
        table.row(reader, Fmt.count(excluded));
      }
    }
    if (!table.isEmpty()) {
      table.write(html);
    }
  }
}
