package org.radtrial.io;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@link ResultsCheck} of the test suites: every results.json made while tests run is validated
 * against docs/results-schema.json, read from the repository (never copied), and a violation fails
 * the run with the JSON path and the schema's message. Registered in META-INF/services of io's
 * test-jar, which io, run, cli and server put on their test classpath.
 *
 * <p>The schema file is the system property {@value #PROPERTY} (set for surefire in the root pom),
 * else docs/results-schema.json in the working directory or the nearest parent holding one (a child
 * JVM started by a test inherits the working directory but not the property).
 */
public final class ResultsSchemaCheck implements ResultsCheck {
  static final String PROPERTY = "radtrial.results.schema";

  private static volatile Schema schema;

  @Override
  public void check(String resultsJson) {
    List<String> problems = problems(resultsJson);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("results.json does not match " + location() + " (" + problems.size()
          + " problem" + (problems.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", problems.subList(0, Math.min(20, problems.size()))));
    }
  }

  /**
   * Every violation of the schema as "JSON pointer: message" (for example
   * "/models/model_a/auc: required property 'se' not found"; "/" is the whole document), in the
   * validator's order; empty when valid.
   */
  public static List<String> problems(String resultsJson) {
    List<Error> errors = schema().validate(resultsJson, InputFormat.JSON);
    return errors.stream().map(ResultsSchemaCheck::describe).collect(Collectors.toList());
  }

  private static String describe(Error e) {
    String pointer = e.getInstanceLocation().toString();
    return (pointer.isEmpty() ? "/" : pointer) + ": " + e.getMessage();
  }

  private static Schema schema() {
    Schema s = schema;
    if (s == null) {
      synchronized (ResultsSchemaCheck.class) {
        if (schema == null) {
          String text;
          try {
            text = Files.readString(location());
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read the results schema " + location(), e);
          }
          schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
        }
        s = schema;
      }
    }
    return s;
  }

  /** docs/results-schema.json of this repository. */
  public static Path location() {
    String given = System.getProperty(PROPERTY);
    if (given != null && !given.isBlank()) {
      return Path.of(given).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docs").resolve("results-schema.json");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("docs/results-schema.json not found from " + Path.of("").toAbsolutePath()
        + "; set -D" + PROPERTY + "=PATH (the root pom sets it for surefire)");
  }
}
