package org.radtrial.server;

import java.net.URI;
import java.nio.file.Path;

/** A server in its own JVM, for the tests that kill it: {@code ServerProcess DATA_DIR [DATABASE_URL [PUBLIC_URL]]}. */
public final class ServerProcess {
  private ServerProcess() {}

  public static void main(String[] args) throws InterruptedException {
    ServerConfig config = ServerConfig.of(Path.of(args[0]), 0);
    if (args.length > 1 && !args[1].isEmpty()) {
      config = config.withDatabaseUrl(args[1]);
    }
    if (args.length > 2) {
      config = config.withPublicUrl(URI.create(args[2]));
    }
    RadtrialServer.start(config, System.out);
    Thread.currentThread().join();
  }
}
