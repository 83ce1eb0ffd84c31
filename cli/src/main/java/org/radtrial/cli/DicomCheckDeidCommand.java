package org.radtrial.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.radtrial.dicom.deid.CheckDeid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radtrial dicom check-deid}: re-reads a de-identified tree and lists what is left. */
@Command(
    name = "check-deid",
    mixinStandardHelpOptions = true,
    description = {
      "Re-read every file under OUT and report each attribute of PS3.15 Table E.1-1 that still holds a value the",
      "Basic Profile (with the options the file records in DeidentificationMethodCodeSequence) does not allow,",
      "in any sequence at any depth; also unreplaced UIDs, private attributes, and files not marked de-identified."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:nothing found", "1:internal error", "2:something found (listed), or bad options"})
final class DicomCheckDeidCommand implements Callable<Integer> {
  @Spec CommandSpec command;

  @Parameters(index = "0", paramLabel = "OUT", description = "Folder of de-identified DICOM files.")
  Path out;

  @Override
  public Integer call() {
    CheckDeid.Report report = CheckDeid.check(out);
    var stdout = command.commandLine().getOut();
    report.findings().forEach(f -> stdout.println(f.file() + ": " + f.problem()));
    long files = report.findings().stream().map(f -> f.file()).distinct().count();
    stdout.printf("Checked %d files: %s%n", report.files(),
        report.findings().isEmpty() ? "nothing left that the profile removes" : report.findings().size() + " findings in " + files + " files");
    stdout.flush();
    return report.findings().isEmpty() ? 0 : Radtrial.BAD_INPUT;
  }
}
