package org.radtrial.cli;

import picocli.CommandLine.Command;

/** {@code radtrial dicom}: DICOM in, private data out. */
@Command(
    name = "dicom",
    mixinStandardHelpOptions = true,
    description = {
      "Work with DICOM files: scan headers into case tables, join them to a case table, de-identify by the",
      "DICOM PS3.15 Basic Profile and check the result, read AI results (SR, SEG), write a synthetic archive, and pull",
      "a cohort's studies from a PACS or push a de-identified tree to a research archive (DICOMweb or DIMSE).",
      "See docs/dicom.md."
    },
    subcommands = {DicomScanCommand.class, DicomJoinCommand.class, DicomDeidentifyCommand.class, DicomCheckDeidCommand.class,
        DicomResultsCommand.class, DicomSynthCommand.class, DicomPullCommand.class, DicomPushCommand.class})
final class DicomCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec command;

  @Override
  public void run() {
    command.commandLine().usage(command.commandLine().getOut());
  }
}
