package org.radtrial.core.mrmc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** "name value" lines of a reference script's output in src/test/reference ("#" lines are comments). */
final class ReferenceOutput {
  private final Map<String, Double> values;

  private ReferenceOutput(Map<String, Double> values) {
    this.values = values;
  }

  static ReferenceOutput read(String file) {
    Map<String, Double> values = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(Path.of("src/test/reference", file))) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.trim().split("\\s+");
        values.put(f[0], Double.parseDouble(f[1]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ReferenceOutput(values);
  }

  double get(String name) {
    Double v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no value named " + name + " in the reference output; it has " + values.keySet());
    }
    return v;
  }
}
