package org.radtrial.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** radtrial's version from the build's radtrial.properties (in the CLI jar), else "unknown". */
final class ServerVersion {
  private ServerVersion() {}

  static String get() {
    try (InputStream in = ServerVersion.class.getResourceAsStream("/radtrial.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
