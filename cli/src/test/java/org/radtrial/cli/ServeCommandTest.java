package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
  void rejectsAPortOutOfRange(@TempDir Path dir) {
    CliRun run = CliRun.of("serve", "--data", dir.resolve("d").toString(), "--port", "70000");
    assertThat(run.exitCode()).isEqualTo(Radtrial.BAD_INPUT);
    assertThat(run.err()).contains("--port must lie in 0..65535");
  }
}
