package org.radtrial.cli;

import java.io.UncheckedIOException;
import org.radtrial.core.stat.InvalidSetting;
import org.radtrial.io.CaseTableException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns errors the user can fix into one clear line on stderr and exit code 2; anything else is a
 * bug in radtrial, reported with its stack trace and exit code 1.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    if (e instanceof InvalidSetting setting) {
      cli.getErr().println("radtrial: " + SettingFlags.message(setting));
      return Radtrial.BAD_INPUT;
    }
    if (e instanceof CaseTableException || e instanceof IllegalArgumentException || e instanceof org.radtrial.dicom.DicomFileException) {
      cli.getErr().println("radtrial: " + e.getMessage());
      return Radtrial.BAD_INPUT;
    }
    if (e instanceof UncheckedIOException io) {
      cli.getErr().println("radtrial: " + io.getMessage() + " (" + io.getCause().getMessage() + ")");
      return Radtrial.BAD_INPUT;
    }
    cli.getErr().println("radtrial: internal error, please report it with the command you ran:");
    e.printStackTrace(cli.getErr());
    return 1;
  }
}
