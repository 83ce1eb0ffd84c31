package org.radtrial.dicom;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * PixelMed reports many reading problems only by logging them (java.util.logging) and goes on with
 * what it could read. This collects those messages per thread while a file is read, so that each
 * becomes a located warning or error instead of a line on the console.
 */
public final class PixelMedLog {
  private static final Logger PIXELMED = Logger.getLogger("com.pixelmed");
  private static final ThreadLocal<List<LogRecord>> CAPTURED = new ThreadLocal<>();

  static {
    PIXELMED.setUseParentHandlers(false);
    PIXELMED.setLevel(Level.INFO);
    PIXELMED.addHandler(new Handler() {
      @Override
      public void publish(LogRecord record) {
        List<LogRecord> sink = CAPTURED.get();
        if (sink != null) {
          sink.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    });
  }

  private PixelMedLog() {}

  /** Starts collecting on this thread; {@link #stop()} returns what was logged since. */
  public static void start() {
    CAPTURED.set(new ArrayList<>());
  }

  public static List<LogRecord> stop() {
    List<LogRecord> records = CAPTURED.get();
    CAPTURED.remove();
    return records == null ? List.of() : records;
  }

  /**
   * Adds a record to this thread's capture, if one is running: for a logging back end other than
   * java.util.logging (PixelMed logs through SLF4J; under Spark, SLF4J is bound to Log4j 2, whose events
   * a bridge hands over here), so that PixelMed's complaints still become problems.
   */
  public static void capture(LogRecord record) {
    List<LogRecord> sink = CAPTURED.get();
    if (sink != null) {
      sink.add(record);
    }
  }

  /** The record's text: its message, else its exception's message. */
  public static String text(LogRecord record) {
    String message = record.getMessage() == null ? "" : record.getMessage().strip();
    if (message.isEmpty() && record.getThrown() != null) {
      Throwable t = record.getThrown();
      message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
    return message.replace('\n', ' ');
  }
}
