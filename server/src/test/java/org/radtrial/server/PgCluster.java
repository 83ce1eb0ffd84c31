package org.radtrial.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away PostgreSQL cluster for tests: Debian's initdb and pg_ctl on a free loopback port,
 * in a temporary directory, run as the {@code postgres} user when the tests run as root (PostgreSQL
 * refuses to run as root). Default durability settings (fsync, synchronous_commit on). Tests that
 * need it are skipped, with the reason, only when the binaries are absent (.ci/run installs them).
 */
final class PgCluster implements AutoCloseable {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asPostgres;

  private PgCluster(Path bin, Path dir, int port, boolean asPostgres) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asPostgres = asPostgres;
  }

  /** Starts a cluster, or skips the calling test when PostgreSQL's server binaries are not installed. */
  static PgCluster start() throws Exception {
    Optional<Path> bin = binaries();
    Assumptions.assumeTrue(bin.isPresent(), "PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql:"
        + " install Debian's postgresql package (.ci/run does) to run the PostgreSQL storage tests");
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "radtrial-pg-");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PgCluster c = new PgCluster(bin.get(), dir, port, root);
    if (root) {
      run(List.of("chown", "postgres:postgres", dir.toString()), dir);
    }
    c.pg("initdb", "-D", dir.resolve("data").toString(), "-U", "radtrial", "--auth=trust", "-E", "UTF8", "--locale=C");
    c.pg("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(), "-w", "-t", "60", "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start");
    return c;
  }

  /** A new, empty database in the cluster; its JDBC URL. */
  String newDatabase() throws SQLException {
    String name = "radtrial_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=radtrial");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + name + "?user=radtrial";
  }

  /** Whether initdb and pg_ctl are installed. */
  static boolean available() throws IOException {
    return binaries().isPresent();
  }

  private static Optional<Path> binaries() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb"))
          && Files.isExecutable(b.resolve("pg_ctl"))).max(Comparator.comparing(p -> versionOf(p)));
    }
  }

  private static int versionOf(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private void pg(String tool, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    if (asPostgres) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(tool).toString());
    command.addAll(List.of(args));
    run(command, dir);
  }

  private static void run(List<String> command, Path dir) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      pg("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
