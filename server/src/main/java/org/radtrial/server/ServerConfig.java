package org.radtrial.server;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How {@code radtrial serve} runs.
 *
 * @param dataDir where the database file, uploaded case tables and run outputs live
 * @param host address to listen on (loopback by default: put a TLS proxy in front to share it)
 * @param port TCP port, 0 for any free one
 * @param maxUploadBytes largest case table accepted, in bytes
 * @param runThreads analyses run at the same time
 * @param databaseUrl a PostgreSQL JDBC URL, or null for the embedded SQLite file {@code DATA/radtrial.db}
 * @param publicUrl the address users type when the server sits behind a TLS reverse proxy
 *     ({@code https://radtrial.example.org}), or null when they reach it directly. When set, the
 *     Origin check, the cookie's {@code Secure} flag and redirects all use it, and forwarded
 *     headers are used only for the client's address
 * @param allowedHosts host names (no port) a request's Host header may carry, besides loopback
 *     names and the hosts of {@code host} and {@code publicUrl}: a guard against DNS rebinding
 */
public record ServerConfig(Path dataDir, String host, int port, long maxUploadBytes, int runThreads, String databaseUrl,
    URI publicUrl, List<String> allowedHosts) {
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
    if (publicUrl != null && (publicUrl.getHost() == null || !List.of("http", "https").contains(publicUrl.getScheme())
        || (publicUrl.getPath() != null && !publicUrl.getPath().isEmpty() && !publicUrl.getPath().equals("/")))) {
      throw new IllegalArgumentException("--public-url must be http(s)://HOST[:PORT] with no path, was " + publicUrl);
    }
    allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
  }

  public static ServerConfig of(Path dataDir, int port) {
    return new ServerConfig(dataDir, "127.0.0.1", port, 512L * 1024 * 1024, 1, null, null, List.of());
  }

  public ServerConfig withHost(String newHost) {
    return new ServerConfig(dataDir, newHost, port, maxUploadBytes, runThreads, databaseUrl, publicUrl, allowedHosts);
  }

  public ServerConfig withMaxUploadBytes(long bytes) {
    return new ServerConfig(dataDir, host, port, bytes, runThreads, databaseUrl, publicUrl, allowedHosts);
  }

  public ServerConfig withDatabaseUrl(String url) {
    return new ServerConfig(dataDir, host, port, maxUploadBytes, runThreads, url, publicUrl, allowedHosts);
  }

  public ServerConfig withPublicUrl(URI url) {
    return new ServerConfig(dataDir, host, port, maxUploadBytes, runThreads, databaseUrl, url, allowedHosts);
  }

  public ServerConfig withAllowedHosts(List<String> hosts) {
    return new ServerConfig(dataDir, host, port, maxUploadBytes, runThreads, databaseUrl, publicUrl, hosts);
  }

  /** The public origin ({@code scheme://host[:port]}), or null when not behind a proxy. */
  String publicOrigin() {
    if (publicUrl == null) {
      return null;
    }
    return publicUrl.getScheme() + "://" + publicUrl.getHost() + (publicUrl.getPort() < 0 ? "" : ":" + publicUrl.getPort());
  }

  /** Every host name a Host header may carry, lower-cased. */
  Set<String> hostNames() {
    Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "[::1]", "::1"));
    if (!host.equals("0.0.0.0") && !host.equals("::")) {
      names.add(host.toLowerCase(Locale.ROOT));
    }
    if (publicUrl != null) {
      names.add(publicUrl.getHost().toLowerCase(Locale.ROOT));
    }
    allowedHosts.forEach(h -> names.add(h.toLowerCase(Locale.ROOT)));
    return names;
  }
}
