package org.radtrial.server;

import java.nio.file.Path;

/** A server in its own JVM, for the test that kills it: {@code ServerProcess DATA_DIR}. */
public final class ServerProcess {
  private ServerProcess() {}

  public static void main(String[] args) throws InterruptedException {
    RadtrialServer.start(ServerConfig.of(Path.of(args[0]), 0), System.out);
    Thread.currentThread().join();
  }
}
