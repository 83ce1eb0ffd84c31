package org.radtrial.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's Python, /usr/bin/python3 (not whatever python3 comes first on the PATH, which may be
 * another installation whose numpy does not fit Debian's scipy), for the live cross-checks against
 * scipy. The counterpart of {@link Rscript}.
 */
public final class Python {
  /** Debian's interpreter, where python3-scipy installs. */
  public static final String INTERPRETER = "/usr/bin/python3";

  private Python() {}

  /** Whether Debian's Python is installed and can import the module; false, not an error, when it cannot. */
  public static boolean hasModule(String name) {
    try {
      Process p = builder("-c", "import " + name).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The lines a script prints for one input file; fails the test on a timeout or a non-zero exit (showing stderr). */
  public static List<String> run(Path script, Path input, int timeoutSeconds) throws IOException, InterruptedException {
    Path errors = Files.createTempFile("python", ".err");
    try {
      // stderr to a file, so that warnings filling its pipe cannot block the script while stdout is read
      Process p = builder(script.toString(), input.toString()).redirectError(errors.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(timeoutSeconds, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(errors)).isZero();
      return out.lines().toList();
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  /** Debian's interpreter with the arguments, without a PYTHONPATH or PYTHONHOME that could point it elsewhere. */
  private static ProcessBuilder builder(String... arguments) {
    List<String> command = new java.util.ArrayList<>(List.of(INTERPRETER));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("PYTHONPATH");
    builder.environment().remove("PYTHONHOME");
    return builder;
  }
}
