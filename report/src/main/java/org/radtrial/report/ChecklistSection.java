package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The reporting checklists: every item of CLAIM 2024 (Tejani et al., Radiol Artif Intell
 * 2024;6:e240300) and of TRIPOD+AI (Collins et al., BMJ 2024;385:e078378), grouped by topic, each
 * filled with what this run knows or marked for the authors to supply. The official numbers, a
 * summary of each item and where the lists were taken from are in the resources
 * {@code checklists/claim-2024.tsv} and {@code checklists/tripod-ai-2024.tsv};
 * {@code OfficialChecklistTest} holds every kind of report to them, one item to one row.
 */
final class ChecklistSection implements Section {
  enum Status {
    FILLED("filled"),
    PARTLY("partly: authors add"),
    AUTHORS("authors supply");

    final String label;

    Status(String label) {
      this.label = label;
    }
  }

  /** One topic: the CLAIM 2024 and TRIPOD+AI items it covers, and what the report can say. */
  record Item(String topic, String claim, String tripod, Status status, String content) {}

  @Override
  public String id() {
    return "checklist";
  }

  @Override
  public String title() {
    return "Reporting checklist (CLAIM 2024, TRIPOD+AI)";
  }

  @Override
  public boolean presentIn(Results results) {
    // no checklist for lesion-level evidence, reconstruction fidelity or segmentation yet
    return !Report.lesionsOnly(results) && !Report.reconstructionOnly(results) && !Report.segmentationOnly(results);
  }

  @Override
  public void write(Results results, Html html) {
    List<Item> items = items(results);
    long authors = items.stream().filter(i -> i.status() != Status.FILLED).count();
    html.element("p", "Items of CLAIM 2024 and TRIPOD+AI, grouped by topic. Status: filled (by radtrial from this run),"
        + " partly (radtrial gives what it knows, the authors add the rest) or authors supply. radtrial fills what this run"
        + " knows; "
        + authors + " of " + items.size() + " topics need the authors, who know how the cases were chosen, how the reference"
        + " standard was established and how the models were built. Every item of both checklists appears once, under its"
        + " published number: the 44 items of CLAIM 2024 and the 27 items of TRIPOD+AI (52 with their lettered parts).");
    HtmlTable table = new HtmlTable(null, "topic", "CLAIM 2024", "TRIPOD+AI", "status", "what this run says / what to add");
    for (Item item : items) {
      table.styledRow("status-" + item.status().name().toLowerCase(java.util.Locale.ROOT), item.topic(), item.claim(),
          item.tripod(), item.status().label, item.content());
    }
    table.write(html);
  }

  static List<Item> items(Results results) {
    if (Report.readerStudyOnly(results)) {
      return ReaderStudyChecklist.items(results);
    }
    JsonNode settings = results.get("settings");
    JsonNode provenance = results.get("provenance");
    JsonNode audit = results.get("audit");
    boolean audited = results.has("audit");
    boolean simulated = results.models().isEmpty() && Simulation.presentIn(results);
    Simulation sim = new Simulation(results);
    List<String> models = results.modelsShown();
    List<Item> items = new ArrayList<>();
    items.add(new Item("Title and abstract", "1, 2", "1, 2", Status.AUTHORS, simulated
        ? "Name the study as a retrospective simulation of AI roles in a screening programme on its recorded exams; a"
            + " structured abstract can start from the key findings."
        : "Name the study as an evaluation of AI models on retrospective imaging exams; a structured abstract can start from"
            + " the key findings."));
    items.add(new Item("Background, intended use, health inequalities", "3", "3a, 3b, 3c", Status.AUTHORS,
        "Clinical context, intended users and role of the models, known inequalities between groups."));
    double margin = Json.number(settings, "non_inferiority_margin");
    if (simulated) {
      items.add(new Item("Objectives and hypotheses", "4", "4", Status.PARTLY, "A simulation (not development) of "
          + models.size() + " existing models in " + sim.simulated().size() + " roles against the programme as recorded"
          + (sim.constraints().isEmpty() ? "." : ", with the constraints " + sim.constraintsText() + ".")
          + " State the hypotheses."));
      items.add(new Item("Study design and goal", "5, 6", "", Status.PARTLY,
          "Goal: the effect of each role of existing models on detection, recalls and reading workload, simulated"
              + " retrospectively on the readers' recorded decisions. State how and when the exams were collected."));
    } else {
      items.add(new Item("Objectives and hypotheses", "4", "4", Double.isFinite(margin) ? Status.PARTLY : Status.AUTHORS,
          "An evaluation (not development) of " + results.models().size() + " existing models"
              + (Double.isFinite(margin) ? ", with a non-inferiority margin of " + Fmt.decimal(100 * margin, 1) + " points"
              + " against readers." : ".") + " State the hypotheses."));
      items.add(new Item("Study design and goal", "5, 6", "", Status.PARTLY,
          "Goal: comparative evaluation of existing models on the same cases. State whether the data were collected"
              + " prospectively or retrospectively."));
    }
    items.add(new Item("Data sources, dates, setting, eligibility", "7, 8", "5a, 5b, 6a, 6b", Status.PARTLY,
        "Case table " + Json.text(provenance, "input_file") + " (SHA-256 " + Json.text(provenance, "input_sha256") + "), "
            + Fmt.count(results.cases()) + " exams. Add the source, dates, centres and inclusion criteria."));
    items.add(new Item("Treatments", "", "6c", Status.AUTHORS, "If relevant, treatments received before the reference standard."));
    items.add(new Item("Preprocessing, de-identification, acquisition, subsets", "9, 10, 11, 13", "7", Status.AUTHORS,
        "How images were acquired, processed and de-identified before the models scored them, and any subset selection."));
    String missing = Json.text(settings, "missing");
    items.add(new Item("Missing data", "12", "11", Status.FILLED, missing.equals("exclude")
        ? "Cases without a score or decision were left out of that model's or reader's analysis and counted (see The cases)."
        : "No score or decision was missing: the run required every one."));
    items.add(new Item("Reference standard and annotation", "14, 15, 16, 17, 18", "8a, 8b, 8c", Status.PARTLY,
        "Positive means " + results.disease() + " in the case table. Add how this was established, why, by whom, blinded to"
            + " what, and its variability."));
    items.add(new Item("Data partitions", "19, 20", "12a", Status.PARTLY,
        "All " + Fmt.count(results.cases()) + " exams form one test set: radtrial trains nothing. State that no exam (or"
            + " patient) was used to develop any of the models."));
    items.add(new Item("Sample size", "21", "10", Status.PARTLY, Fmt.count(results.positives()) + " positives and "
        + Fmt.count(results.negatives()) + " negatives" + (audited ? "; per subgroup, the positives needed to estimate"
        + " sensitivity within \u00B110 points are given under Subgroups" : "") + ". Explain how the size was arrived at."));
    items.add(new Item("Model description, software, training, selection, ensembling", "22, 23, 24, 25, 26, 27",
        "9a, 12b, 12c, 13, 22", Status.AUTHORS, "radtrial evaluates the scores of " + String.join(", ", models)
            + " as supplied. Name each product and version and describe the models as far as the vendors disclose."));
    items.add(new Item("Model inputs (predictors)", "", "9b, 9c", Status.AUTHORS, "The images and any other inputs each"
        + " model used, and how they were obtained."));
    items.add(new Item("How predictions were obtained", "", "12g", Status.PARTLY, "Scores were read from the case-table"
        + " columns " + String.join(", ", models) + ". Add how each product produced them."));
    if (simulated) {
      items.add(new Item("Model output and thresholds", "", "15", Status.FILLED, "Continuous scores; every model swept over"
          + " its thresholds and reported at the thresholds of interest" + (sim.constraints().isEmpty() ? ""
          + " (the user's, or flagging about the baseline's recall rate)" : " (chosen by the constraints "
          + sim.constraintsText() + ")") + "; see Virtual trial."));
      items.add(new Item("Performance measures and statistical methods", "28, 29", "12e", Status.FILLED,
          "Cancer detection rate, recall rate, PPV, sensitivity, cancers missed, human reads, arbitrations and reading"
              + " hours, with bootstrap percentile intervals and paired differences from the programme as recorded (see"
              + " Methods)."));
      items.add(new Item("Robustness or sensitivity analysis", "30", "", Status.FILLED, (sim.anyNeedsAssumption()
          ? "Sensitivity to the assumption for decisions never recorded (always and never recall)" : "Every threshold of"
          + " the sweep") + (Json.elements(sim.get("subgroups")).isEmpty() ? "" : "; effects per subgroup")
          + ". Add any other sensitivity analyses."));
    } else {
      items.add(new Item("Model output and thresholds", "", "15", Status.FILLED, "Continuous scores; decisions at: "
          + String.join("; ", OperatingPointSection.rules(results)) + (audited ? "; audited at \u201C"
          + audit.path("operating_point").asText() + "\u201D" : "") + " (see Methods)."));
      items.add(new Item("Performance measures and statistical methods", "28, 29", "12e", Status.FILLED,
          "AUC with DeLong" + (results.models().stream().anyMatch(m -> results.model(m).has("auc_bootstrap")) ? " and bootstrap" : "")
              + " intervals, paired DeLong tests with Holm adjustment, " + Json.text(settings, "proportion_ci")
              + " intervals, exact McNemar tests (see Methods)."));
      items.add(new Item("Robustness or sensitivity analysis", "30", "", audited ? Status.FILLED : Status.PARTLY,
          OperatingPointSection.rules(results).size() + " operating point(s)" + (audited ? ", per-subgroup audit and"
              + " failure-slice search" : "") + ". Add any other sensitivity analyses."));
    }
    items.add(new Item("Explainability", "31", "", Status.AUTHORS, "Any saliency or explanation methods and how they were"
        + " checked (radtrial does not produce them)."));
    boolean shift = audited && !Json.elements(audit.get("shift")).isEmpty();
    items.add(new Item("Internal or external evaluation; differences from development data", "32, 33", "16, 20c",
        shift ? Status.PARTLY : Status.AUTHORS, shift ? "Shift from the reference cohort is reported under Another"
        + " population. State whether these exams are external to each model's development data."
        : "State whether these exams are external to each model's development data and how they differ from it."));
    boolean heterogeneity = audited && !Json.elements(audit.get("heterogeneity")).isEmpty();
    items.add(new Item("Heterogeneity across clusters (sites, vendors)", "", "12d, 23b", heterogeneity ? Status.FILLED
        : Status.AUTHORS, heterogeneity ? "Heterogeneity tests across the groups of every audited column (see Subgroups)."
        : "Run 'radtrial audit' with the site or vendor column to report it."));
    items.add(new Item("Fairness", "", "14", audited ? Status.PARTLY : Status.AUTHORS, audited
        ? "Subgroup audit with tested gaps, equalized odds and underpowered groups flagged (see Subgroups). Add the"
        + " rationale for the groups examined." : "Run 'radtrial audit' with the sociodemographic columns."));
    items.add(new Item("Model updating and recalibration", "", "12f, 24", Status.AUTHORS,
        "radtrial does not update models" + (audited && !Json.elements(audit.get("calibration")).isEmpty()
            ? "; their calibration is reported under Calibration." : ".") + " Report any updating done."));
    items.add(new Item("Ethics approval and consent", "", "17", Status.AUTHORS, "Ethics committee and consent or waiver."));
    items.add(new Item("Registration and protocol", "34, 42", "18c, 18d", Status.AUTHORS, "Registry and number, where the"
        + " protocol can be read."));
    items.add(new Item("Funding and conflicts of interest", "44", "18a, 18b", Status.AUTHORS, "Funding, funders' role, and"
        + " each author's interests, including in the vendors evaluated."));
    items.add(new Item("Data and code availability", "43", "18e, 18f", Status.PARTLY, "Analysis: radtrial "
        + Json.text(provenance, "radtrial_version") + ", command under Methods, input SHA-256 "
        + Json.text(provenance, "input_sha256") + ". State whether the data and models can be shared."));
    items.add(new Item("Patient and public involvement", "", "19", Status.AUTHORS, "Any involvement, or state none."));
    items.add(new Item("Flow of cases; numbers included and excluded", "35", "20a, 21", Status.PARTLY,
        Fmt.count(results.cases()) + " exams analysed, " + Fmt.count(results.positives()) + " with and "
            + Fmt.count(results.negatives()) + " without the outcome; " + (simulated ? "a simulation needs every score and"
            + " decision, so none was left out." : "exclusions for missing scores under The cases.") + " Add exclusions made"
            + " before the case table and a flow diagram."));
    boolean metadata = results.at("/cohort/metadata").isObject() && !results.at("/cohort/metadata").isEmpty();
    items.add(new Item("Characteristics of the cases", "36", "20b", metadata ? Status.FILLED : Status.AUTHORS,
        metadata ? "Distributions of " + String.join(", ", Json.names(results.at("/cohort/metadata"))) + " under The cases."
            : simulated ? "Tabulate the cases' characteristics ('radtrial evaluate' with --metadata)."
            : "Run with --metadata to tabulate the cases' characteristics."));
    items.add(new Item("Performance estimates with their precision", "37, 38", "23a", Status.FILLED,
        "Every estimate with its " + results.level() + " confidence interval and counts" + (audited
            ? ", overall and for every subgroup" : "") + "."));
    boolean failures = audited && audit.path("failure_slices").isObject();
    items.add(new Item("Failure analysis of incorrectly classified cases", "39", "", failures ? Status.FILLED : Status.AUTHORS,
        failures ? "Failure-slice search and the most confident errors (see Failure slices)."
            : "Run 'radtrial audit' for the failure-slice search and the most confident errors."));
    items.add(new Item("Interpretation, limitations, implications, usability", "40, 41", "25, 26, 27a, 27b, 27c",
        Status.AUTHORS, "The key findings state what the intervals show; add interpretation, limitations (selection,"
            + " reference standard, generalisability) and next steps."));
    return items;
  }
}
