package org.radtrial.cli;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * java.util.logging as the command line wants it, SLF4J being bound to it (slf4j-jdk14): warnings
 * and errors only on the console, one line each, so `radtrial serve` prints no Jetty or Javalin
 * start-up lines (what slf4j-simple at "warn" used to do). PixelMed's own logger ({@code
 * com.pixelmed}) keeps its INFO level and its handler, which dicom's PixelMedLog installs: those
 * records become problems of a scan, not console lines.
 */
final class ConsoleLogging {
  private ConsoleLogging() {}

  /** Root level WARNING; the console format "WARNING org.eclipse.jetty.Server - message". */
  static void install() {
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s %3$s - %5$s%6$s%n");
    }
    Logger root = Logger.getLogger("");
    root.setLevel(Level.WARNING);
    for (Handler h : root.getHandlers()) {
      h.setLevel(Level.WARNING);
    }
  }
}
