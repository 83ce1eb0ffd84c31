package org.radtrial.cli;

import java.io.UncheckedIOException;
import org.radtrial.core.stat.InvalidSetting;
import org.radtrial.io.AtomicFiles;
import org.radtrial.io.CaseTableException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns errors the user can fix into one clear line on stderr and exit code 2; anything else is a
 * bug in radtrial, reported with its stack trace and exit code 1. Either way the line says when an
 * earlier run's results in OUT were kept.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    String kept = EarlierResults.keptNote(cli);
    if (e instanceof InvalidSetting setting) {
      cli.getErr().println("radtrial: " + SettingFlags.message(setting) + kept);
      return Radtrial.BAD_INPUT;
    }
    if (e instanceof CaseTableException || e instanceof IllegalArgumentException || e instanceof org.radtrial.dicom.DicomFileException
        || e instanceof org.radtrial.dicom.pacs.PacsException) {
      cli.getErr().println("radtrial: " + e.getMessage() + kept);
      return Radtrial.BAD_INPUT;
    }
    if (e instanceof UncheckedIOException io) {
      String reason = AtomicFiles.reason(io);
      String message = io.getMessage().contains(reason) ? io.getMessage() : io.getMessage() + " (" + reason + ")";
      cli.getErr().println("radtrial: " + message + kept);
      return Radtrial.BAD_INPUT;
    }
    cli.getErr().println("radtrial: internal error, please report it with the command you ran" + kept + ":");
    e.printStackTrace(cli.getErr());
    return 1;
  }
}
