package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
  @Test
  void helpNamesTheOptions() {
    CliRun run = CliRun.of("serve", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--data", "--port", "--host", "--max-upload-mb", "one-time password", "--database",
        "--public-url", "--allowed-host");
  }

  @Test
  void rejectsAPublicUrlWithAPath(@TempDir Path dir) {
    CliRun run = CliRun.of("serve", "--data", dir.resolve("d").toString(), "--port", "0", "--public-url",
        "https://radtrial.example.org/app");
    assertThat(run.exitCode()).isEqualTo(Radtrial.BAD_INPUT);
    assertThat(run.err()).contains("--public-url must be http(s)://HOST[:PORT] with no path");
  }

  @Test
  void rejectsAZeroUploadLimitBeforeStarting(@TempDir Path dir) {
    CliRun run = CliRun.of("serve", "--data", dir.resolve("d").toString(), "--port", "0", "--max-upload-mb", "0");
    assertThat(run.exitCode()).isEqualTo(Radtrial.BAD_INPUT);
    assertThat(run.err()).contains("--max-upload-mb must be at least 1");
  }

  @Test
  void startsWithRadtrialsOwnLinesOnlyAndNoJettyLog(@TempDir Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Radtrial.class.getName(), "serve",
        "--data", dir.resolve("data").toString(), "--port", "0").redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
        if (line.contains("listening on")) {
          break;
        }
      }
    } finally {
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(lines).as(String.join("\n", lines)).hasSize(2)
        .allSatisfy(line -> assertThat(line).startsWith("radtrial serve: "));
  }

  @Test
  void rejectsAPortOutOfRange(@TempDir Path dir) {
    CliRun run = CliRun.of("serve", "--data", dir.resolve("d").toString(), "--port", "70000");
    assertThat(run.exitCode()).isEqualTo(Radtrial.BAD_INPUT);
    assertThat(run.err()).contains("--port must lie in 0..65535");
  }
}
