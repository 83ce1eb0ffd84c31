package org.radtrial.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radtrial.dicom.pacs.PacsPush;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radtrial dicom push}: a de-identified tree into a research archive. */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Store every DICOM file under DIR in an archive: TO is a DICOMweb base URL (STOW-RS) or AE@host:port (C-STORE).",
      "The tree is first checked as 'radtrial dicom check-deid' checks it and refused if anything identifying is left,",
      "unless --allow-identifiable says the archive may hold identifiable data. Files that are not DICOM are skipped and",
      "counted; a file the archive does not store is listed with the reason. See docs/dicom.md."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every DICOM file stored", "1:internal error",
        "2:bad options, the tree did not pass check-deid (nothing sent), the archive refused radtrial or cannot be reached,"
            + " or some file was not stored (listed)"})
final class DicomPushCommand implements Callable<Integer> {
  @Spec CommandSpec command;

  @Parameters(index = "0", paramLabel = "DIR", description = "Folder of DICOM files (all files below it).")
  Path dir;

  @Option(names = "--to", required = true, paramLabel = "URL|AE@HOST:PORT", description = "The archive.")
  String to;

  @Option(names = "--allow-identifiable", description = "Push without the de-identification check (the archive may hold"
      + " identifiable data).")
  boolean allowIdentifiable;

  @Option(names = "--connections", paramLabel = "N", defaultValue = "4",
      description = "At most this many requests to the archive at once (default: ${DEFAULT-VALUE}).")
  int connections;

  @Mixin ArchiveOptions archive;

  @Override
  public Integer call() {
    var settings = archive.settings(to, command.commandLine().getErr());
    PacsPush.Result r = PacsPush.push(settings, dir, connections, allowIdentifiable, new PullProgressBar(command.commandLine().getErr()));
    PrintWriter stdout = command.commandLine().getOut();
    stdout.printf(Locale.ROOT, "Stored %d files (%.1f MB) in %s in %.1f s; %d not stored; %d files skipped (not DICOM)%n", r.stored(),
        r.bytes() / 1e6, settings.address(), r.seconds(), r.failed().size(), r.notDicom());
    stdout.println(r.checked() ? "The tree passed check-deid before it was sent."
        : "Not checked for identifying data (--allow-identifiable).");
    r.failed().stream().limit(10).forEach(p -> stdout.println("  " + p.file() + ": " + p.problem()));
    if (r.failed().size() > 10) {
      stdout.println("  ... and " + (r.failed().size() - 10) + " more");
    }
    stdout.flush();
    return r.failed().isEmpty() ? 0 : Radtrial.BAD_INPUT;
  }
}
