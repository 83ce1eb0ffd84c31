package org.radtrial.server;

import java.nio.file.Path;

/**
 * How {@code radtrial serve} runs.
 *
 * @param dataDir where the database file, uploaded case tables and run outputs live
 * @param host address to listen on (loopback by default: put a TLS proxy in front to share it)
 * @param port TCP port, 0 for any free one
 * @param maxUploadBytes largest case table accepted, in bytes
 * @param runThreads analyses run at the same time
 */
public record ServerConfig(Path dataDir, String host, int port, long maxUploadBytes, int runThreads) {
  public ServerConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must lie in 0..65535, was " + port);
    }
    if (maxUploadBytes < 1) {
      throw new IllegalArgumentException("the upload limit must be at least 1 byte, was " + maxUploadBytes);
    }
    if (runThreads < 1) {
      throw new IllegalArgumentException("at least one run thread is needed, was " + runThreads);
    }
  }

  public static ServerConfig of(Path dataDir, int port) {
    return new ServerConfig(dataDir, "127.0.0.1", port, 512L * 1024 * 1024, 1);
  }

  public ServerConfig withHost(String newHost) {
    return new ServerConfig(dataDir, newHost, port, maxUploadBytes, runThreads);
  }

  public ServerConfig withMaxUploadBytes(long bytes) {
    return new ServerConfig(dataDir, host, port, bytes, runThreads);
  }
}
