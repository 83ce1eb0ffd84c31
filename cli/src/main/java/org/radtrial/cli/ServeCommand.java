package org.radtrial.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.radtrial.server.RadtrialServer;
import org.radtrial.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code radtrial serve}: the shared web workspace, until Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Start the shared workspace: studies, case-table uploads, evaluation, audit and simulation runs in the",
      "background, leaderboard, subgroup explorer, failure slices, deployment simulator, comments and decisions,",
      "and a JSON API (docs/openapi.yaml). Data live in an embedded SQLite file under --data, or in PostgreSQL (--database).",
      "The first start creates the account 'admin' and prints its one-time password. See docs/server.md."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped", "1:internal error", "2:bad options"})
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--data", paramLabel = "DIR", defaultValue = "radtrial-data",
      description = "Directory of the database, uploads and run outputs (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; share it through a TLS proxy).")
  String host;

  @Option(names = "--max-upload-mb", paramLabel = "MB", defaultValue = "512",
      description = "Largest case table accepted, in MiB (default: ${DEFAULT-VALUE}).")
  long maxUploadMb;

  @Option(names = "--database", paramLabel = "JDBC_URL",
      description = "PostgreSQL instead of the embedded SQLite file, e.g. jdbc:postgresql://db.local:5432/radtrial?user=radtrial"
          + " (password in RADTRIAL_DATABASE_PASSWORD).")
  String database;

  @Option(names = "--public-url", paramLabel = "URL",
      description = "The https://HOST[:PORT] users open when a TLS reverse proxy is in front: Origin checks, Secure cookies"
          + " and redirects use it.")
  java.net.URI publicUrl;

  @Option(names = "--allowed-host", paramLabel = "NAME", split = ",",
      description = "Further host names requests may be addressed to (besides loopback, --host and --public-url).")
  java.util.List<String> allowedHosts = new java.util.ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    if (maxUploadMb < 1) {
      throw new IllegalArgumentException("--max-upload-mb must be at least 1, was " + maxUploadMb);
    }
    ServerConfig config = ServerConfig.of(data, port).withHost(host).withMaxUploadBytes(maxUploadMb * 1024 * 1024)
        .withDatabaseUrl(database).withPublicUrl(publicUrl).withAllowedHosts(allowedHosts);
    PrintStream out = System.out;
    RadtrialServer server = RadtrialServer.start(config, out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "radtrial-serve-stop"));
    stopped.await();
    return 0;
  }
}
