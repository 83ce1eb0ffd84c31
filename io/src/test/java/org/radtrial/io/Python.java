package org.radtrial.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Debian's python3 (/usr/bin/python3, whose dist-packages hold python3-nibabel and python3-pydicom;
 * a python3 earlier on PATH may lack them) for the live cross-checks against nibabel and pydicom.
 */
public final class Python {
  private static final Path DEBIAN = Path.of("/usr/bin/python3");

  private Python() {}

  /** The interpreter: Debian's when present, else python3 on the PATH. */
  public static String executable() {
    return Files.isExecutable(DEBIAN) ? DEBIAN.toString() : "python3";
  }

  /** Whether python3 is installed and imports every module; false, not an error, when it cannot. */
  public static boolean hasModules(String... modules) {
    try {
      Process p = new ProcessBuilder(executable(), "-c", "import " + String.join(", ", modules)).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Skips (not fails) the calling test when python3 or one of the modules is missing. */
  public static void assumeModules(String... modules) {
    Assumptions.assumeTrue(hasModules(modules),
        "python3 with " + String.join(", ", modules) + " is not installed (apt-get install python3-nibabel python3-pydicom)");
  }

  /** The lines a script prints; fails the test on a timeout or a non-zero exit (showing stderr). */
  public static List<String> run(Path script, List<String> arguments, int timeoutSeconds) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(executable(), script.toString()));
    command.addAll(arguments);
    Path err = Files.createTempFile("python", ".err");
    try {
      Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(timeoutSeconds, TimeUnit.SECONDS)).as("python3 %s finishes within %d s", script, timeoutSeconds).isTrue();
      assertThat(p.exitValue()).as(Files.readString(err)).isZero();
      return out.lines().toList();
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
