package org.radtrial.io;

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
    } catch (IOException e) {
      throw new CaseTableException(file, 0, null, "is not valid YAML, or names a key twice ("
          + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
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
        throw new CaseTableException(file, 0, key, "unknown programme key; the keys are " + String.join(", ", KEYS));
      }
    }
    String reading = text(root, "reading", "double", file);
    if (!reading.equals("single") && !reading.equals("double")) {
      throw new CaseTableException(file, 0, "reading", "'" + reading + "' must be single or double");
    }
    String arbitration = text(root, "arbitration", "recorded", file);
    Programme.Arbitration rule;
    try {
      rule = Programme.Arbitration.valueOf(arbitration.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CaseTableException(file, 0, "arbitration", "'" + arbitration + "' must be recorded, either_recalls or both_recall");
    }
    double arbitrationMinutes = number(root, "minutes_per_arbitration", 3.0, file);
    try {
      return new Programme(reading.equals("double"), rule, number(root, "minutes_per_read", 1.0, file), arbitrationMinutes,
          number(root, "minutes_per_review", arbitrationMinutes, file), number(root, "cost_per_recall", 0, file),
          number(root, "cost_per_reading_hour", 0, file), number(root, "energy_per_recall_kwh", 0, file),
          number(root, "arbitration_capacity_per_1000", 0, file), number(root, "follow_up_months", 0, file));
    } catch (IllegalArgumentException e) {
      throw new CaseTableException(file, 0, null, String.valueOf(e.getMessage()));
    }
  }

  private static String text(JsonNode root, String key, String fallback, String file) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isTextual()) {
      throw new CaseTableException(file, 0, key, "must be a word, was " + node);
    }
    return node.asText().trim().toLowerCase(Locale.ROOT);
  }

  private static double number(JsonNode root, String key, double fallback, String file) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isNumber()) {
      throw new CaseTableException(file, 0, key, "must be a number, was " + node);
    }
    return node.asDouble();
  }
}
