package org.radtrial.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The methods as they were run, in prose a paper can start from: every method name, level, seed
 * and count is read from results.json (settings, provenance, the "method" fields and, for a
 * virtual trial, the "simulation" section), not assumed.
 */
final class MethodsSection implements Section {
  @Override
  public String id() {
    return "methods";
  }

  @Override
  public String title() {
    return "Methods, as run";
  }

  @Override
  public boolean presentIn(Results results) {
    return results.has("settings") || results.has("provenance");
  }

  @Override
  public void write(Results results, Html html) {
    JsonNode settings = results.get("settings");
    JsonNode provenance = results.get("provenance");
    if (!results.models().isEmpty()) {
      paragraph(html, data(results, settings, provenance));
      paragraph(html, discrimination(results, settings));
      String operating = operatingPoints(results, settings);
      if (!operating.isEmpty()) {
        paragraph(html, operating);
      }
    }
    if (results.has("audit")) {
      paragraph(html, audit(results));
    }
    if (Simulation.presentIn(results)) {
      paragraph(html, SimulationSection.methods(results));
    }
    if (Mrmc.presentIn(results)) {
      paragraph(html, MrmcSection.methods(results));
    }
    if (LesionsSection.present(results)) {
      paragraph(html, "Lesion-level figures of merit as RJafroc defines them: weighted AFROC (the JAFROC figure of merit),"
          + " AFROC, their '1' variants, the inferred-ROC AUC (each case rated by its highest mark), the FROC curve and"
          + " LUNA16's sensitivity at 1/8 to 8 false marks per case with its CPM. Modalities are compared by the"
          + " Obuchowski-Rockette method with jackknife covariances over cases and Hillis's degrees of freedom; models by"
          + " the jackknife standard error of their difference with Holm's adjustment, and percentile bootstrap intervals"
          + " over cases. Definitions: docs/lesions.md.");
    }
    if (ReconstructionSection.present(results)) {
      paragraph(html, "Image fidelity by fastMRI's conventions (fastmri/evaluate.py) and scikit-image's SSIM, checked"
          + " against scikit-image 0.19 to 1e-13 on real images; lesion-region metrics on the same SSIM map; methods"
          + " compared per metric on the same cases by paired percentile bootstrap intervals, Wilcoxon signed-rank tests"
          + " and Holm's adjustment over the pairs. Definitions: docs/reconstruction.md.");
    }
    if (SegmentationSection.present(results)) {
      paragraph(html, "Segmentation metrics per case and label: Dice and IoU over voxels; surfaces, Hausdorff distance,"
          + " its 95th percentile, mean surface distances and the normalized surface Dice as DeepMind's surface-distance"
          + " library defines them (surface elements on the voxel corners with their areas, exact Euclidean distances in"
          + " mm, area-weighted percentile); empty masks as Metrics Reloaded recommends (both empty: best values; one"
          + " empty: overlap 0 and distances at the image's diagonal, never left out). Models are summarised with"
          + " percentile bootstrap intervals over cases and compared pairwise (paired bootstrap, Wilcoxon signed-rank,"
          + " Holm). Definitions: docs/segmentation.md.");
    }
    html.element("h3", "Software and provenance");
    new HtmlTable(null, "", "")
        .row("Software", "radtrial " + Json.text(provenance, "radtrial_version") + " on Java " + Json.text(provenance, "java_version"))
        .row("Input file", Json.text(provenance, "input_file"))
        .row("Input SHA-256", Json.text(provenance, "input_sha256"))
        .row("Seed", Json.text(provenance, "seed").isEmpty() ? "none: no random numbers were drawn"
            : Json.text(provenance, "seed"))
        .row("Computed at", Json.text(provenance, "created_at"))
        .write(html);
    html.element("p", "The command that produced these results (run it on the same file to reproduce them):");
    html.open("pre").element("code", Json.text(provenance, "command")).close("pre");
  }

  private static void paragraph(Html html, String text) {
    html.element("p", text);
  }

  private static String data(Results results, JsonNode settings, JsonNode provenance) {
    StringBuilder s = new StringBuilder();
    s.append("The case table ").append(fileName(Json.text(provenance, "input_file"))).append(" held ")
        .append(Fmt.count(results.cases())).append(" exams, ").append(Fmt.count(results.positives())).append(" of them positive (")
        .append(results.disease()).append(") and ").append(Fmt.count(results.negatives())).append(" negative. ");
    List<String> models = results.models();
    s.append(models.size() == 1 ? "One model was evaluated (" : models.size() + " models were evaluated (")
        .append(String.join(", ", models)).append(") from the scores recorded in the table");
    List<String> lower = new ArrayList<>();
    Json.elements(settings.get("lower_is_positive")).forEach(n -> lower.add(n.asText()));
    s.append(lower.isEmpty() ? "; a higher score means more suspicious" : "; a higher score means more suspicious, except for "
        + String.join(", ", lower) + ", where lower does");
    s.append(". ");
    List<String> readers = results.readers();
    if (!readers.isEmpty()) {
      s.append("The recorded decisions of ").append(readers.size() == 1 ? "one reader (" : readers.size() + " readers (")
          .append(String.join(", ", readers)).append(") were compared with the models on the same exams. ");
    }
    s.append(Json.text(settings, "missing").equals("exclude")
        ? "A case without a score or decision was left out of that model's or reader's analysis and counted. "
        : "Every case had to have every score and decision (a missing one would have stopped the run). ");
    return s.toString().trim();
  }

  private static String fileName(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }

  private static String discrimination(Results results, JsonNode settings) {
    Set<String> aucMethods = new LinkedHashSet<>();
    Set<String> bootstrap = new LinkedHashSet<>();
    for (String model : results.models()) {
      aucMethods.add(results.model(model).path("auc").path("method").asText("DeLong"));
      if (results.model(model).has("auc_bootstrap")) {
        bootstrap.add(results.model(model).path("auc_bootstrap").path("method").asText());
      }
    }
    StringBuilder s = new StringBuilder("Discrimination was measured by the area under the ROC curve (AUC), estimated as the"
        + " Mann-Whitney statistic with ties counted one half, with " + results.level() + " confidence intervals by "
        + String.join(" and ", aucMethods) + "'s method");
    if (!bootstrap.isEmpty()) {
      s.append(" and by ").append(String.join(", ", bootstrap)).append(" (stratified by class; seed ")
          .append(Json.text(settings, "seed")).append(")");
    }
    s.append(". ");
    List<JsonNode> pairs = Json.elements(results.get("comparisons"));
    if (!pairs.isEmpty()) {
      s.append("Each pair of models was compared on the cases both scored with the ")
          .append(pairs.get(0).path("method").asText("DeLong paired")).append(" test of the AUC difference; p-values were"
              + " adjusted for the ").append(pairs.size()).append(pairs.size() == 1 ? " comparison" : " comparisons")
          .append(" with Holm's method. ");
    }
    return s.toString().trim();
  }

  private static String operatingPoints(Results results, JsonNode settings) {
    List<String> rules = OperatingPointSection.rules(results);
    if (rules.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder("Operating points: " + String.join("; ", rules) + ". ");
    if (rules.stream().anyMatch(r -> r.startsWith("specificity of "))) {
      s.append("At a reader's specificity, each model's threshold was the lowest that reached or exceeded the reader's"
          + " observed specificity on the cases both had. ");
    }
    s.append("Sensitivity, specificity, PPV, NPV and recall rate have ").append(Json.text(settings, "proportion_ci"))
        .append(" intervals. ");
    List<JsonNode> comparisons = Json.elements(results.get("decision_comparisons"));
    if (!comparisons.isEmpty()) {
      JsonNode first = comparisons.get(0).path("sensitivity");
      String ciMethod = first.path("ci_method").asText("Tango score");
      s.append("Paired decisions (model against reader, and model against model) were compared on the cases both decided"
          + " with exact McNemar tests and ").append(ciMethod).append(" intervals for the difference, not adjusted for"
          + " multiple comparisons. ");
      double margin = Json.number(settings, "non_inferiority_margin");
      if (Double.isFinite(margin)) {
        String niMethod = first.path("non_inferiority").path("method").asText("one-sided test");
        s.append("Non-inferiority was tested with a margin of ").append(Fmt.decimal(100 * margin, 1).replaceAll("\\.0$", ""))
            .append(" percentage points (").append(niMethod).append(" at ")
            .append(Fmt.decimal(results.alpha() / 2, 3)).append("). ");
      }
    }
    return s.toString().trim();
  }

  private static String audit(Results results) {
    JsonNode audit = results.get("audit");
    StringBuilder s = new StringBuilder("Audit: every model was assessed at the threshold set by \u201C"
        + audit.path("operating_point").asText() + "\u201D in every group of ");
    List<String> columns = new ArrayList<>();
    for (JsonNode c : Json.elements(audit.get("columns"))) {
      String name = c.path("name").asText();
      List<String> cuts = new ArrayList<>();
      Json.elements(c.get("band_cuts")).forEach(x -> cuts.add(Fmt.decimal(x.asDouble(), x.asDouble() == Math.rint(x.asDouble()) ? 0 : 2)));
      columns.add(cuts.isEmpty() ? name : name + " (banded at " + String.join(", ", cuts) + ")");
    }
    s.append(String.join(", ", columns));
    boolean pairs = Json.elements(audit.get("subgroups")).stream().anyMatch(r -> r.path("columns").asText().contains(" x "));
    s.append(pairs ? " and of every pair of these columns. " : ". ");
    s.append("A group was called underpowered, shown but not tested, when it had fewer positives than needed to estimate"
        + " sensitivity within \u00B110 percentage points. Each adequately powered group was compared with the rest of the"
        + " cohort (pooled two-proportion tests; for the AUC a DeLong-type test for overlapping samples) with Newcombe"
        + " intervals for the difference; ");
    Set<String> tests = new LinkedHashSet<>();
    Json.elements(audit.get("heterogeneity")).forEach(h -> tests.add(h.path("test").asText()));
    if (!tests.isEmpty()) {
      s.append("heterogeneity across the groups of a column was tested with ").append(String.join(" and ", tests)).append("; ");
    }
    s.append("all these tests formed one Benjamini-Hochberg false-discovery family. ");
    JsonNode search = audit.path("failure_slices");
    if (search.isObject()) {
      s.append("Failure slices were searched over combinations of metadata values (").append(Fmt.count(search.path("tested")
          .asLong())).append(" slices tested of ").append(Fmt.count(search.path("considered").asLong()))
          .append(" with at least ").append(search.path("minimum_cases").asInt()).append(" cases of the judged class; slices"
          + " whose test could not reach significance were screened out by their smallest attainable p, after Tarone) with"
          + " one-sided Fisher exact tests and Benjamini-Hochberg control, and ranked by the lower confidence bound of their"
          + " errors in excess of the rest's rate. ");
    }
    if (!Json.elements(audit.get("calibration")).isEmpty()) {
      s.append("Calibration of models whose scores lie in [0, 1] was assessed by logistic recalibration (intercept,"
          + " slope, calibration-in-the-large) and the Brier score. ");
    }
    if (audit.path("transport").isObject()) {
      s.append("Accuracy in a target population was estimated by reweighting strata to the target's shares. ");
    }
    if (!Json.elements(audit.get("shift")).isEmpty()) {
      s.append("Shift from a reference cohort was measured by standardized differences, PSI and Kolmogorov-Smirnov tests. ");
    }
    return s.toString().trim();
  }
}
