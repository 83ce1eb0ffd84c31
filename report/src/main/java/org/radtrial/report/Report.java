package org.radtrial.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a results.json into one self-contained HTML page: inline SVG charts, inline CSS, no script
 * and nothing fetched (a Content-Security-Policy forbids it), so it works offline, by e-mail and on
 * paper. Each section shows only what results.json holds; top-level keys no section knows are
 * ignored.
 */
public final class Report {
  /** Every section, in reading order. A new results.json key needs a Section here and nothing else. */
  static final List<Section> SECTIONS = List.of(
      new CohortSection(),
      new DiscriminationSection(),
      new HeadToHeadSection(),
      new OperatingPointSection(),
      new SubgroupSection(),
      new FailureSliceSection(),
      new CalibrationSection(),
      new PopulationSection(),
      new SimulationSection(),
      new MrmcSection(),
      new PooledSection(),
      new LesionsSection(),
      new ReconstructionSection(),
      new SegmentationSection(),
      new NotesSection(),
      new MethodsSection(),
      new ChecklistSection());

  /**
   * Reads numbers with Jackson's fast (and exactly rounding) double parser: a results.json holds
   * thousands of curve coordinates, and {@code Double.parseDouble} was most of the time to read one.
   */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

  private Report() {}

  /**
   * A results.json text as a tree, parsed as {@link #read} parses the file.
   *
   * @throws JsonProcessingException if the text is not JSON
   */
  public static JsonNode parse(String resultsJson) throws JsonProcessingException {
    return MAPPER.readTree(resultsJson);
  }

  /** Reads results.json; a missing or malformed file is an {@link IllegalArgumentException} naming it. */
  public static JsonNode read(Path resultsJson) {
    try {
      JsonNode root = MAPPER.readTree(Files.readString(resultsJson, StandardCharsets.UTF_8));
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException(resultsJson + ": not a results.json (expected a JSON object)");
      }
      boolean readerStudy = root.has("mrmc") || root.has("pooled") || root.has("lesions") || root.has("reconstruction")
          || root.has("segmentation");
      if (!readerStudy && (!root.has("cohort") || !root.has("models") && !root.has("simulation"))) {
        throw new IllegalArgumentException(resultsJson + ": not a radtrial results.json (no \"cohort\", \"models\" or"
            + " \"mrmc\" key); write one with 'radtrial evaluate', 'radtrial audit', 'radtrial simulate' or 'radtrial mrmc'");
      }
      return root;
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      throw new IllegalArgumentException(resultsJson + (where == null ? "" : ", line " + where.getLineNr() + ", column "
          + where.getColumnNr()) + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(resultsJson + ": no such file; give the results.json written by"
          + " 'radtrial evaluate' or 'radtrial audit'", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resultsJson, e);
    }
  }

  /** The report of a results.json tree, as one HTML document. */
  public static String render(JsonNode resultsJson) {
    Results results = new Results(resultsJson);
    List<Section> present = new ArrayList<>();
    for (Section section : SECTIONS) {
      if (section.presentIn(results)) {
        present.add(section);
      }
    }
    Html html = new Html();
    html.raw("<!DOCTYPE html>\n");
    html.open("html", "lang", "en", "xmlns", "http://www.w3.org/1999/xhtml").newline();
    head(html, results);
    html.open("body").newline();
    header(html, results, present);
    html.open("main");
    KeyFindings.write(results, present, html);
    for (Section section : present) {
      html.open("section", "id", section.id(), "aria-labelledby", section.id() + "-h");
      html.element("h2", section.title(), "id", section.id() + "-h");
      section.write(results, html);
      html.close("section").newline();
    }
    html.close("main");
    footer(html, results);
    html.close("body").close("html").newline();
    return html.toString();
  }

  private static void head(Html html, Results results) {
    html.open("head").newline();
    html.empty("meta", "charset", "utf-8").newline();
    html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").newline();
    html.empty("meta", "http-equiv", "Content-Security-Policy",
        "content", "default-src 'none'; style-src 'unsafe-inline'; img-src data:").newline();
    html.empty("meta", "name", "generator", "content", "radtrial " + Json.text(results.get("provenance"), "radtrial_version"));
    html.element("title", "radtrial report: " + (pooledOnly(results) || reconstructionOnly(results) ? title(results)
        : lesionsOnly(results)
        ? "lesion-level evidence" : segmentationOnly(results) ? "segmentation" : readerStudyOnly(results) ? "reader study of "
        + String.join(", ", new Mrmc(results).modalities()) : String.join(", ", results.modelsShown()))).newline();
    html.open("style").raw(stylesheet()).close("style").newline();
    html.close("head").newline();
  }

  private static void header(Html html, Results results, List<Section> present) {
    html.open("header");
    html.element("p", "radtrial evidence report", "class", "kicker");
    html.element("h1", title(results));
    if (pooledOnly(results)) {
      long cases = 0;
      long positives = 0;
      for (JsonNode site : Json.elements(results.at("/pooled/sites"))) {
        cases += site.path("cases").asLong();
        positives += site.path("positives").asLong();
      }
      html.open("p", "class", "subtitle").text(results.at("/pooled/sites").size() + " sites, " + Fmt.count(cases)
          + " exams in all, " + Fmt.count(positives) + " with disease; only the sites' aggregates were shared. All intervals"
          + " are " + results.level() + " intervals.").close("p");
    } else if (reconstructionOnly(results)) {
      html.open("p", "class", "subtitle").text(ReconstructionSection.design(results.get("reconstruction"))
          + " All intervals are " + results.level() + " confidence intervals.").close("p");
    } else if (lesionsOnly(results)) {
      html.open("p", "class", "subtitle").text(LesionsSection.design(results.get("lesions")) + " All intervals are "
          + results.level() + " confidence intervals.").close("p");
    } else if (segmentationOnly(results)) {
      html.open("p", "class", "subtitle").text(SegmentationSection.design(results.get("segmentation")) + " All intervals"
          + " are " + results.level() + " confidence intervals.").close("p");
    } else if (readerStudyOnly(results)) {
      Mrmc m = new Mrmc(results);
      html.open("p", "class", "subtitle").text(m.readers().size() + " readers, " + Fmt.count(m.cases()) + " cases, "
          + Fmt.count(m.positives()) + " with disease (" + Fmt.prevalence(m.positives() / (double) Math.max(1, m.cases()))
          + "). All intervals are " + results.level() + " confidence intervals.").close("p");
    } else {
      html.open("p", "class", "subtitle").text(Fmt.count(results.cases()) + " exams, " + Fmt.count(results.positives())
          + " with " + results.disease() + " (" + Fmt.prevalence(results.positives() / (double) Math.max(1, results.cases()))
          + "). All intervals are " + results.level() + " confidence intervals.").close("p");
    }
    String created = Json.text(results.get("provenance"), "created_at");
    if (!created.isEmpty()) {
      html.element("p", "Results computed " + created.replace('T', ' ').replaceAll("\\.\\d+Z$", " UTC") + " from "
          + Json.text(results.get("provenance"), "input_file") + ".", "class", "meta");
    }
    html.open("nav", "aria-label", "Contents").open("ol");
    html.open("li").element("a", KeyFindings.TITLE, "href", "#" + KeyFindings.ID).close("li");
    for (Section section : present) {
      html.open("li").element("a", section.title(), "href", "#" + section.id()).close("li");
    }
    html.close("ol").close("nav");
    html.close("header").newline();
  }

  /** A results.json of 'radtrial mrmc': a reader study and nothing about models or a cohort. */
  static boolean readerStudyOnly(Results results) {
    return Mrmc.presentIn(results) && results.models().isEmpty() && !results.has("cohort");
  }

  /** A results.json of 'radtrial pool': pooled site summaries and nothing about one cohort. */
  static boolean pooledOnly(Results results) {
    return results.has("pooled") && results.models().isEmpty() && !results.has("cohort");
  }

  /** A results.json of 'radtrial lesions': lesion-level evidence and nothing about a cohort. */
  static boolean lesionsOnly(Results results) {
    return LesionsSection.present(results) && results.models().isEmpty() && !results.has("cohort");
  }

  /** A results.json of 'radtrial recon': reconstruction fidelity and nothing about a cohort. */
  static boolean reconstructionOnly(Results results) {
    return ReconstructionSection.present(results) && results.models().isEmpty() && !results.has("cohort");
  }

  /** A results.json of 'radtrial masks': segmentations against their reference and nothing about a cohort. */
  static boolean segmentationOnly(Results results) {
    return SegmentationSection.present(results) && results.models().isEmpty() && !results.has("cohort");
  }

  private static String title(Results results) {
    if (reconstructionOnly(results)) {
      return "Reconstruction fidelity: do the faster or lower-dose images keep what matters, and what do they save?";
    }
    if (segmentationOnly(results)) {
      return "Segmentation: how closely does each model outline, and do its volumes agree with the reference?";
    }
    if (pooledOnly(results)) {
      int models = results.at("/pooled/models").size();
      return (models == 1 ? results.at("/pooled/models/0/name").asText() : models + " AI models") + " across "
          + results.at("/pooled/sites").size() + " sites: pooled accuracy and what a new hospital can expect";
    }
    if (lesionsOnly(results)) {
      return "Lesion-level evidence: are the lesions found, and at what cost in false marks?";
    }
    if (readerStudyOnly(results)) {
      Mrmc m = new Mrmc(results);
      String ai = m.standalone().isEmpty() ? "" : ", and " + m.standalone() + " alone as a reader";
      return "Reader study: " + m.readers().size() + " readers in " + String.join(" and ", m.modalities()) + ai;
    }
    if (results.models().isEmpty() && Simulation.presentIn(results)) {
      List<String> models = results.simulatedModels();
      int roles = new Simulation(results).simulated().size();
      return (models.size() == 1 ? models.get(0) : models.size() + " AI models") + " in " + roles
          + (roles == 1 ? " role" : " roles") + ": a virtual trial against the screening programme as recorded";
    }
    List<String> models = results.models();
    String who = models.size() == 1 ? models.get(0) : models.size() + " AI models";
    String readers = results.readers().isEmpty() ? "" : " and " + results.readers().size()
        + (results.readers().size() == 1 ? " reader" : " readers");
    return results.has("audit") ? who + readers + ": accuracy, head-to-head, and for whom each model fails"
        : who + readers + ": accuracy head-to-head on the same cases";
  }

  private static void footer(Html html, Results results) {
    JsonNode provenance = results.get("provenance");
    html.open("footer");
    html.open("p").text("Made by radtrial " + Json.text(provenance, "radtrial_version") + " from results.json (schema version "
        + results.get("schema_version").asText("?") + "). Input SHA-256: ").element("code", Json.text(provenance, "input_sha256"))
        .text(". radtrial is research software; its statistics are only as good as the reference standard.").close("p");
    html.close("footer").newline();
  }

  private static String stylesheet() {
    try (InputStream in = Report.class.getResourceAsStream("report.css")) {
      if (in == null) {
        throw new IllegalStateException("report.css is missing from the radtrial-report jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read report.css", e);
    }
  }
}
