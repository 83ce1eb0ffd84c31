package org.radtrial.spark;

import java.io.Serializable;

/**
 * The pseudonym key's bytes as they travel to the executors (in a broadcast variable): its toString
 * never shows them, so neither a log line, an error message nor the Spark UI can print the key.
 */
final class Secret implements Serializable {
  private static final long serialVersionUID = 1L;
  private final byte[] bytes;

  Secret(byte[] bytes) {
    this.bytes = bytes.clone();
  }

  byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public String toString() {
    return "Secret(" + bytes.length + " bytes, not shown)";
  }
}
