package org.radtrial.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radtrial.dicom.pacs.KeyKind;
import org.radtrial.dicom.pacs.PacsPull;
import org.radtrial.dicom.pacs.PullSummary;
import org.radtrial.dicom.table.CaseJoin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radtrial dicom pull}: the studies of a case table, from a PACS, into a folder that scan and results read. */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Query an archive (PACS, VNA) for each exam of a case table and retrieve its study (images and AI results, SR and",
      "SEG) into OUT/StudyInstanceUID/SOPInstanceUID.dcm, which 'radtrial dicom scan' and 'radtrial dicom results' read.",
      "FROM is a DICOMweb base URL (http(s)://host:8042/dicom-web: QIDO-RS, WADO-RS) or a DIMSE address AE@host:port",
      "(C-FIND, then C-GET or C-MOVE). A key that matches no study, or more than one, is not pulled; the summary table",
      "(default OUT.pull.csv beside OUT) has one row per exam with its status. Only missing files are fetched, each",
      "written whole or not at all, so a rerun completes an interrupted pull. Credentials are read from a file or",
      "the environment, never from the command line. See docs/dicom.md."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every exam is in OUT (or, with --list, was found)", "1:internal error",
        "2:bad options or case table, the archive refused radtrial or cannot be reached (nothing written), or some exam was not"
            + " found, ambiguous or not completely transferred (listed in the summary; rerun to fetch what is missing)"})
final class DicomPullCommand implements Callable<Integer> {
  @Spec CommandSpec command;

  @Option(names = "--from", required = true, paramLabel = "URL|AE@HOST:PORT", description = "The archive.")
  String from;

  @Option(names = "--cases", required = true, paramLabel = "FILE", description = "The case table (CSV or Parquet).")
  Path cases;

  @Option(names = "--key", required = true, paramLabel = "COL", description = "Its column holding the accession number (or, with"
      + " --by study-uid, the Study Instance UID).")
  String key;

  @Option(names = "--by", paramLabel = "accession|study-uid", defaultValue = "accession",
      description = "What --key holds (default: ${DEFAULT-VALUE}).")
  String by;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to retrieve into (created).")
  Path out;

  @Option(names = "--summary", paramLabel = "FILE", description = "The per-exam summary, .csv or .parquet (default: OUT.pull.csv"
      + " beside OUT).")
  Path summary;

  @Option(names = "--list", description = "Only query: list what would be pulled and what is not found; retrieve nothing.")
  boolean list;

  @Option(names = "--connections", paramLabel = "N", defaultValue = "4",
      description = "At most this many requests to the archive at once (default: ${DEFAULT-VALUE}).")
  int connections;

  @Mixin ArchiveOptions archive;

  @Override
  public Integer call() {
    KeyKind kind = switch (by) {
      case "accession" -> KeyKind.ACCESSION;
      case "study-uid" -> KeyKind.STUDY_UID;
      default -> throw new IllegalArgumentException("--by " + by + ": give accession or study-uid");
    };
    var settings = archive.settings(from, command.commandLine().getErr());
    List<String> keys = CaseJoin.column(cases, key);
    Path summaryFile = summary != null ? summary : PullSummary.besides(out);
    PrintWriter err = command.commandLine().getErr();
    PacsPull.Result r = PacsPull.pull(settings, kind, keys, out, connections, list, new PullProgressBar(err));
    PullSummary.write(summaryFile, r);
    PrintWriter stdout = command.commandLine().getOut();
    stdout.printf(Locale.ROOT, "%d exams in %s (%d rows without a key) from %s in %.1f s%n", r.exams().size(), cases, r.emptyKeys(),
        settings.address(), r.seconds());
    if (list) {
      stdout.printf(Locale.ROOT, "  found: %d; not found: %d; ambiguous: %d%n", r.count(PacsPull.Status.FOUND),
          r.count(PacsPull.Status.NOT_FOUND), r.count(PacsPull.Status.AMBIGUOUS));
    } else {
      stdout.printf(Locale.ROOT, "  pulled: %d; already present: %d; not found: %d; ambiguous: %d; failed: %d%n",
          r.count(PacsPull.Status.PULLED), r.count(PacsPull.Status.PRESENT), r.count(PacsPull.Status.NOT_FOUND),
          r.count(PacsPull.Status.AMBIGUOUS), r.count(PacsPull.Status.FAILED));
      stdout.printf(Locale.ROOT, "  %d files, %.1f MB written to %s (%.1f MB/s)%n", r.files(), r.bytes() / 1e6, out,
          r.bytes() / 1e6 / Math.max(r.seconds(), 1e-9));
    }
    r.exams().stream().filter(e -> e.status() == PacsPull.Status.NOT_FOUND || e.status() == PacsPull.Status.AMBIGUOUS
        || e.status() == PacsPull.Status.FAILED).limit(10).forEach(e -> stdout.println("  " + e.key() + ": " + e.message()));
    long problems = r.count(PacsPull.Status.NOT_FOUND) + r.count(PacsPull.Status.AMBIGUOUS) + r.count(PacsPull.Status.FAILED);
    if (problems > 10) {
      stdout.println("  ... (all of them in the summary)");
    }
    stdout.println("Summary: " + summaryFile);
    stdout.flush();
    return problems == 0 ? 0 : Radtrial.BAD_INPUT;
  }
}
