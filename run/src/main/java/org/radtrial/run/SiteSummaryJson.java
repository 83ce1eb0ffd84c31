package org.radtrial.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.radtrial.core.evaluate.ConfusionCounts;
import org.radtrial.core.evaluate.EvaluationSpec;
import org.radtrial.core.evaluate.OperatingPointRule;
import org.radtrial.core.pool.SiteSummary;

/**
 * The site-summary file: what a site sends to its consortium. Aggregates only (see docs/pooling.md
 * for every key and the small-cell policy); the last key, {@code content_sha256}, is the SHA-256 of
 * the compact JSON text of everything before it, so {@code radtrial pool} can tell a modified file.
 */
public final class SiteSummaryJson {
  public static final String FORMAT = "radtrial site summary";
  public static final int FORMAT_VERSION = 1;
  public static final String FILE = "site-summary.json";
  static final String HASH = "content_sha256";
  static final String CONTAINS = "Aggregates of one site's evaluation: per model the AUC with its DeLong variance, paired AUC"
      + " differences with their variances and covariances, confusion counts at each operating point, counts of cases per"
      + " level of the named metadata columns, the software version and the settings. No case id, score, date or case"
      + " row. Counts in 'groups' below the small-cell threshold are written as \"<k\" unless the site opted in to exact"
      + " counts; confusion counts are exact (the pooled sensitivity and specificity need them).";
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper COMPACT = new ObjectMapper();

  private SiteSummaryJson() {}

  /** The summary's JSON tree, signed with its content hash. */
  static ObjectNode tree(SiteSummary summary, RunRequest.SiteSummary request, String version) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("format_version", FORMAT_VERSION);
    root.put("contains", CONTAINS);
    root.put("site", summary.site());
    root.put("radtrial_version", version);
    root.set("settings", settings(request));
    ObjectNode mix = root.putObject("case_mix");
    mix.put("cases", summary.cases());
    mix.put("positives", summary.positives());
    mix.put("negatives", summary.cases() - summary.positives());
    mix.put("prevalence", summary.positives() / (double) summary.cases());
    ArrayNode models = root.putArray("models");
    for (SiteSummary.Model m : summary.models()) {
      ObjectNode node = models.addObject();
      node.put("name", m.name());
      node.put("higher_is_positive", m.higherIsPositive());
      node.put("positives", m.positives());
      node.put("negatives", m.negatives());
      node.put("auc", m.auc());
      node.put("auc_variance", m.aucVariance());
      ArrayNode points = node.putArray("operating_points");
      for (SiteSummary.Point p : m.points()) {
        ObjectNode point = points.addObject();
        point.put("rule", p.rule());
        if (p.agreedThreshold() != null) {
          point.put("agreed_threshold", p.agreedThreshold());
        } else {
          point.putNull("agreed_threshold");
        }
        ConfusionCounts c = p.counts();
        point.put("tp", c.truePositives());
        point.put("fn", c.falseNegatives());
        point.put("fp", c.falsePositives());
        point.put("tn", c.trueNegatives());
      }
    }
    ArrayNode pairs = root.putArray("pairs");
    for (SiteSummary.Pair p : summary.pairs()) {
      ObjectNode node = pairs.addObject();
      node.put("a", p.a());
      node.put("b", p.b());
      node.put("difference", p.difference());
      node.put("difference_variance", p.differenceVariance());
      node.put("covariance", p.covariance());
    }
    ArrayNode groups = root.putArray("groups");
    for (SiteSummary.Group g : summary.groups()) {
      ObjectNode node = groups.addObject();
      node.put("column", g.column());
      ArrayNode levels = node.putArray("levels");
      for (Map.Entry<String, int[]> level : g.levels().entrySet()) {
        ObjectNode l = levels.addObject();
        l.put("level", level.getKey());
        count(l, "positives", level.getValue()[0], request);
        count(l, "negatives", level.getValue()[1], request);
      }
    }
    root.put(HASH, hash(root));
    return root;
  }

  private static void count(ObjectNode node, String key, int n, RunRequest.SiteSummary request) {
    if (n > 0 && n < request.smallCell() && !request.exactSmallCells()) {
      node.put(key, "<" + request.smallCell());
    } else {
      node.put(key, n);
    }
  }

  private static ObjectNode settings(RunRequest.SiteSummary request) {
    EvaluationSpec spec = request.evaluation();
    ObjectNode s = MAPPER.createObjectNode();
    s.put("ci_level", spec.ciLevel());
    s.put("proportion_ci", spec.proportionCi().name().toLowerCase(java.util.Locale.ROOT));
    ArrayNode rules = s.putArray("operating_points");
    for (OperatingPointRule rule : spec.operatingPoints()) {
      rules.add(rule.describe());
    }
    ArrayNode models = s.putArray("models");
    request.input().spec().models().forEach(models::add);
    s.put("missing", request.input().spec().missing().name().toLowerCase(java.util.Locale.ROOT));
    s.put("small_cell", request.smallCell());
    s.put("exact_small_cells", request.exactSmallCells());
    return s;
  }

  /** Indented JSON text with a final newline. */
  static String text(ObjectNode root) {
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** SHA-256 (hex) of the compact JSON text of the tree without its {@code content_sha256}. */
  static String hash(ObjectNode root) {
    ObjectNode content = root.deepCopy();
    content.remove(HASH);
    try {
      byte[] bytes = COMPACT.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a site summary and checks that it is one and that its content hash holds; every problem
   * is an {@code IllegalArgumentException} naming the file and the fix.
   */
  public static ObjectNode read(Path file) {
    JsonNode tree;
    try {
      tree = COMPACT.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file; give the site summaries written by radtrial site-summary");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": not JSON (" + e.getOriginalMessage() + "); ask the site for its site-summary.json again");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (!(tree instanceof ObjectNode root) || !FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(file + ": not a site summary (no \"format\": \"" + FORMAT
          + "\"); give the files written by radtrial site-summary");
    }
    if (root.path("format_version").asInt() != FORMAT_VERSION) {
      throw new IllegalArgumentException(file + ": site-summary format version " + root.path("format_version")
          + ", this radtrial reads version " + FORMAT_VERSION + "; make the summaries with the same radtrial version");
    }
    String stated = root.path(HASH).asText();
    if (!hash(root).equals(stated)) {
      throw new IllegalArgumentException(file + ": content does not match its content_sha256, so it was changed after"
          + " radtrial wrote it; ask the site to run radtrial site-summary again and send the file unchanged");
    }
    return root;
  }
}
