package org.radtrial.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability guarantee, proven by killing: {@link CrashCycles} on each storage engine, the two
 * engines side by side so the suite waits for the slower one only. CI runs 50 cycles per engine;
 * {@code -Dradtrial.crash.cycles=500} is the documented long run. The PostgreSQL half is skipped,
 * saying why, only when PostgreSQL's binaries are absent.
 */
class KillNineTest {
  static final int CYCLES = Integer.getInteger("radtrial.crash.cycles", 50);

  @TempDir Path dir;

  @Test
  void everyAcknowledgedWriteSurvivesKillNineOnBothEngines() throws Exception {
    String label = System.getProperty("radtrial.crash.label", "sqlite");
    CompletableFuture<CrashCycles.Tally> sqlite = CompletableFuture.supplyAsync(() -> cycles(dir.resolve("sqlite"),
        List.of(), 12));
    boolean postgres = PgCluster.available() && label.equals("sqlite");
    PgCluster pg = postgres ? PgCluster.start() : null;
    try {
      CompletableFuture<CrashCycles.Tally> pgTally = postgres
          ? CompletableFuture.supplyAsync(() -> cycles(dir.resolve("postgresql"), List.of(database(pg)), 13))
          : null;
      check(label, sqlite.get(30, TimeUnit.MINUTES));
      if (pgTally != null) {
        check("postgresql", pgTally.get(30, TimeUnit.MINUTES));
      }
    } finally {
      if (pg != null) {
        pg.close();
      }
    }
    Assumptions.assumeTrue(postgres, "PostgreSQL binaries not found: only the SQLite half ran (.ci/run installs postgresql)");
  }

  private static String database(PgCluster pg) {
    try {
      return pg.newDatabase();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static CrashCycles.Tally cycles(Path data, List<String> args, long seed) {
    try {
      return new CrashCycles(data, args, seed).run(CYCLES);
    } catch (Exception e) {
      throw new IllegalStateException(e);
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
    assertThat(tally.acknowledged()).as("writes acknowledged: the cycles must have written").isGreaterThan(tally.cycles() * 3L);
    assertThat(tally.kinds()).as("kinds of write acknowledged").containsExactly("comment", "dataset", "member", "run", "user");
  }
}
