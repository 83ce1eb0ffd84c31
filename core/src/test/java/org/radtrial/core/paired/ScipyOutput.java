package org.radtrial.core.paired;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The lines of wilcoxon_scipy.out (or of the live script), each "kind key=value key=value ...". */
final class ScipyOutput {
  static final Path REFERENCE = Path.of("src/test/reference/paired/wilcoxon_scipy.out");

  private ScipyOutput() {}

  static List<Map<String, String>> read(String kind) {
    try {
      return parse(Files.readAllLines(REFERENCE), kind);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Map<String, String>> parse(List<String> lines, String kind) {
    return lines.stream().filter(l -> l.startsWith(kind + " ")).map(ScipyOutput::fields).toList();
  }

  private static Map<String, String> fields(String line) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String token : line.substring(line.indexOf(' ') + 1).split(" ")) {
      int eq = token.indexOf('=');
      fields.put(token.substring(0, eq), token.substring(eq + 1));
    }
    return fields;
  }

  static double number(Map<String, String> fields, String key) {
    String v = fields.get(key);
    if (v == null) {
      throw new IllegalArgumentException("no " + key + " in " + fields);
    }
    return Double.parseDouble(v.equals("nan") ? "NaN" : v);
  }
}
