package org.radtrial.spark;

import java.util.logging.LogRecord;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.radtrial.dicom.PixelMedLog;

/**
 * PixelMed logs its complaints about a file (repairs it made, values it could not read) through
 * SLF4J; radtrial turns them into problems by capturing java.util.logging records
 * ({@link PixelMedLog}). Spark binds SLF4J to Log4j 2, so without this bridge those complaints went
 * to the console instead of the problem table. It sends Log4j 2's events of the {@code com.pixelmed}
 * loggers to {@link PixelMedLog#capture} on the reading thread, and nowhere else.
 */
final class PixelMedLogBridge {
  private static boolean installed;

  private PixelMedLogBridge() {}

  /** Idempotent; called on the driver and at the start of every task (executors are other JVMs on a cluster). */
  static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    if (!(org.apache.logging.log4j.LogManager.getContext(false) instanceof LoggerContext context)) {
      return; // another Log4j 2 implementation, or none: PixelMed's java.util.logging capture is all there is
    }
    Configuration config = context.getConfiguration();
    AbstractAppender appender = new AbstractAppender("radtrial-pixelmed", null, null, true, Property.EMPTY_ARRAY) {
      @Override
      public void append(LogEvent event) {
        LogRecord record = new LogRecord(julLevel(event.getLevel()), event.getMessage().getFormattedMessage());
        record.setLoggerName(event.getLoggerName());
        record.setThrown(event.getThrown());
        PixelMedLog.capture(record);
      }
    };
    appender.start();
    config.addAppender(appender);
    LoggerConfig pixelmed = new LoggerConfig("com.pixelmed", Level.INFO, false);
    pixelmed.addAppender(appender, Level.INFO, null);
    config.addLogger("com.pixelmed", pixelmed);
    context.updateLoggers();
  }

  private static java.util.logging.Level julLevel(Level level) {
    if (level.isMoreSpecificThan(Level.ERROR)) {
      return java.util.logging.Level.SEVERE;
    }
    if (level.isMoreSpecificThan(Level.WARN)) {
      return java.util.logging.Level.WARNING;
    }
    return java.util.logging.Level.INFO;
  }
}
