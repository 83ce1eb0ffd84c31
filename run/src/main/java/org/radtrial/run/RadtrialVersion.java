package org.radtrial.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of radtrial that is running, as the build wrote it; provenance records it in every result. */
public final class RadtrialVersion {
  private RadtrialVersion() {}

  public static String get() {
    try (InputStream in = RadtrialVersion.class.getResourceAsStream("/radtrial.properties")) {
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
