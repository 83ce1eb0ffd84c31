package org.radtrial.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.radtrial.core.simulate.Programme;

/**
 * Reads a screening programme from YAML, for example:
 *
 * <pre>
 * reading: double            # single | double
 * arbitration: recorded      # recorded | either_recalls | both_recall
 * minutes_per_read: 1.0
 * minutes_per_arbitration: 3.0
 * cost_per_recall: 250
 * </pre>
 *
 * Unknown and repeated keys are errors (a misspelt key must not silently fall back to a default); an
 * empty file is a programme of defaults.
 */
public final class ProgrammeReader {
  static final List<String> KEYS = List.of("reading", "arbitration", "minutes_per_read", "minutes_per_arbitration",
      "minutes_per_review", "cost_per_recall", "cost_per_reading_hour", "energy_per_recall_kwh",
      "arbitration_capacity_per_1000", "follow_up_months");

  private ProgrammeReader() {}

  public static Programme read(Path path) {
    String file = path.toString();
    if (!Files.isRegularFile(path)) {
      throw new CaseTableException(file, 0, null, "no such file; check the path given to --programme");
    }
    JsonNode root;
    try {
      ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
      yaml.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      root = yaml.readTree(path.toFile());
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null || at.getLineNr() < 1 ? file : file + ", line " + at.getLineNr() + ", column " + at.getColumnNr();
      String problem = e.getOriginalMessage().lines().findFirst().orElse("").strip();
      throw new CaseTableException(where, 0, null, problem.startsWith("Duplicate field")
          ? "names a key twice (" + problem + "); give each key once"
          : "is not valid YAML (" + problem + "); write one 'key: value' per line, e.g. 'reading: double'");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + file, e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      root = new ObjectMapper().createObjectNode();
    }
    if (!root.isObject()) {
      throw new CaseTableException(file, 0, null, "must be a YAML mapping of keys to values, e.g. 'reading: double'");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!KEYS.contains(key)) {
        String suggestion = ColumnNames.closest(key, KEYS).map(s -> "; did you mean '" + s + "'?").orElse("");
        throw new CaseTableException(lineOf(path, key), 0, null, "unknown programme key '" + key + "'" + suggestion
            + " The keys are " + String.join(", ", KEYS) + ".");
      }
    }
    String reading = text(root, "reading", "double", path);
    if (!reading.equals("single") && !reading.equals("double")) {
      throw keyError(path, "reading", "'" + reading + "' must be single or double");
    }
    String arbitration = text(root, "arbitration", "recorded", path);
    Programme.Arbitration rule;
    try {
      rule = Programme.Arbitration.valueOf(arbitration.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw keyError(path, "arbitration", "'" + arbitration + "' must be recorded, either_recalls or both_recall");
    }
    double arbitrationMinutes = number(root, "minutes_per_arbitration", 3.0, path);
    try {
      return new Programme(reading.equals("double"), rule, number(root, "minutes_per_read", 1.0, path), arbitrationMinutes,
          number(root, "minutes_per_review", arbitrationMinutes, path), number(root, "cost_per_recall", 0, path),
          number(root, "cost_per_reading_hour", 0, path), number(root, "energy_per_recall_kwh", 0, path),
          number(root, "arbitration_capacity_per_1000", 0, path), number(root, "follow_up_months", 0, path));
    } catch (IllegalArgumentException e) {
      throw new CaseTableException(file, 0, null, String.valueOf(e.getMessage()));
    }
  }

  private static CaseTableException keyError(Path path, String key, String problem) {
    return new CaseTableException(lineOf(path, key), 0, null, "key '" + key + "': " + problem);
  }

  /** The file and the line of a top-level key, for messages; the file alone when the line cannot be found. */
  private static String lineOf(Path path, String key) {
    try (JsonParser parser = new YAMLFactory().createParser(path.toFile())) {
      int depth = 0;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd()) {
          depth--;
        } else if (token == JsonToken.FIELD_NAME && depth == 1 && key.equals(parser.currentName())) {
          return path + ", line " + parser.currentTokenLocation().getLineNr();
        }
      }
    } catch (IOException e) {
      // already parsed once: fall through to the file alone
    }
    return path.toString();
  }

  private static String text(JsonNode root, String key, String fallback, Path path) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isTextual()) {
      throw keyError(path, key, "must be a word, was " + node);
    }
    return node.asText().trim().toLowerCase(Locale.ROOT);
  }

  private static double number(JsonNode root, String key, double fallback, Path path) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isNumber()) {
      throw keyError(path, key, "must be a number, was " + node);
    }
    return node.asDouble();
  }
}
