package org.radtrial.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability guarantee, proven by killing: {@link CrashCycles} on each storage engine. CI runs
 * 50 cycles per engine; {@code -Dradtrial.crash.cycles=500} is the documented long run.
 */
class KillNineTest {
  static final int CYCLES = Integer.getInteger("radtrial.crash.cycles", 50);

  @TempDir Path dir;

  @Test
  void everyAcknowledgedWriteSurvivesKillNineOnTheEmbeddedDatabase() throws Exception {
    check(System.getProperty("radtrial.crash.label", "sqlite"), new CrashCycles(dir.resolve("data"), List.of(), 12).run(CYCLES));
  }

  @Test
  void everyAcknowledgedWriteSurvivesKillNineOnPostgresql() throws Exception {
    try (PgCluster pg = PgCluster.start()) {
      check("postgresql", new CrashCycles(dir.resolve("data"), List.of(pg.newDatabase()), 13).run(CYCLES));
    }
  }

  static void check(String engine, CrashCycles.Tally tally) throws Exception {
    String line = tally.summary(engine) + System.lineSeparator();
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "crash-test-" + engine + ".txt"), line + String.join(System.lineSeparator(),
        tally.examples()) + System.lineSeparator());
    System.out.print("KillNineTest: " + line);
    tally.examples().forEach(e -> System.out.println("  " + e));
    assertThat(tally.examples()).as(line).isEmpty();
    assertThat(tally.clean()).as(line).isTrue();
    assertThat(tally.acknowledged()).as("writes acknowledged").isGreaterThan(tally.cycles() * 10L);
  }
}
