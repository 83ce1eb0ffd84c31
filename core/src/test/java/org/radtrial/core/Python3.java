package org.radtrial.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Python 3 ({@code /usr/bin/python3}, not whatever python is first on the PATH) for the live
 * cross-checks against scipy: whether a module loads, and the lines a script prints.
 */
public final class Python3 {
  public static final String EXECUTABLE = "/usr/bin/python3";

  private Python3() {}

  /** Whether Debian's python3 is installed and can import the module; false, not an error, when not. */
  public static boolean hasModule(String module) {
    try {
      Process p = new ProcessBuilder(EXECUTABLE, "-c", "import " + module).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The lines a script prints; fails the test on a timeout or a non-zero exit (showing stderr). */
  public static List<String> run(Path script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(EXECUTABLE, script.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isZero();
    return out.lines().toList();
  }
}
