package org.radtrial.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's Rscript for the live cross-checks against R's reference packages (pROC, metafor). */
public final class Rscript {
  private Rscript() {}

  /** Whether Rscript is installed and can load the package; false, not an error, when it cannot. */
  public static boolean hasPackage(String name) {
    try {
      Process p = new ProcessBuilder("Rscript", "-e", "library(" + name + ")").redirectErrorStream(true).start();
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
    Process r = new ProcessBuilder("Rscript", script.toString(), input.toString()).start();
    String out = new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(r.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(r.waitFor(timeoutSeconds, TimeUnit.SECONDS)).isTrue();
    assertThat(r.exitValue()).as(err).isZero();
    return out.lines().toList();
  }
}
