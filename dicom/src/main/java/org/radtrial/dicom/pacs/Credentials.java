package org.radtrial.dicom.pacs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.radtrial.dicom.deid.OwnerOnly;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How radtrial proves who it is to a DICOMweb archive: an HTTP Authorization header built from a
 * file or an environment variable holding one line, {@code bearer TOKEN} or {@code basic USER:PASSWORD}.
 * Never from the command line (it would show in the process list and the shell history); the value
 * is not printed by {@link #toString()}, and no message of radtrial's quotes it.
 */
public final class Credentials {
  private final String header;
  private final String source;
  private final List<String> warnings;

  private Credentials(String header, String source, List<String> warnings) {
    this.header = header;
    this.source = source;
    this.warnings = List.copyOf(warnings);
  }

  /** Reads the first non-blank line of a file. */
  public static Credentials fromFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the credentials file " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    String line = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    List<String> warnings;
    try {
      warnings = OwnerOnly.warnings(file, "credentials file");
    } catch (IOException e) {
      warnings = List.of();
    }
    return parse(line, "the credentials file " + file, warnings);
  }

  /** Reads an environment variable (from the given environment, so tests need not change the process's). */
  public static Credentials fromEnvironment(String name, Map<String, String> environment) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the environment variable " + name + " is not set: set it to 'bearer TOKEN' or 'basic USER:PASSWORD'");
    }
    return parse(value.strip(), "the environment variable " + name, List.of());
  }

  private static Credentials parse(String line, String source, List<String> warnings) {
    int space = line.indexOf(' ');
    String scheme = space < 0 ? line.toLowerCase(Locale.ROOT) : line.substring(0, space).toLowerCase(Locale.ROOT);
    String value = space < 0 ? "" : line.substring(space + 1).strip();
    if (scheme.equals("bearer") && !value.isEmpty()) {
      return new Credentials("Bearer " + value, source, warnings);
    }
    if (scheme.equals("basic") && value.indexOf(':') > 0) {
      return new Credentials("Basic " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)), source, warnings);
    }
    throw new IllegalArgumentException(source + " must hold one line 'bearer TOKEN' or 'basic USER:PASSWORD'");
  }

  /** The value of the Authorization header. */
  String authorization() {
    return header;
  }

  /** A warning when others may read the credentials file (its mode and the fix), else none. */
  public List<String> warnings() {
    return warnings;
  }

  /** Where the credentials came from, for messages (never the value). */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "credentials from " + source;
  }
}
