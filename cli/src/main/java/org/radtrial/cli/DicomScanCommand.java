package org.radtrial.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.radtrial.dicom.scan.DicomScanner;
import org.radtrial.dicom.scan.ExamTable;
import org.radtrial.dicom.scan.ScanProblem;
import org.radtrial.dicom.scan.ScanResult;
import org.radtrial.dicom.scan.ScanTables;
import org.radtrial.dicom.scan.Severity;
import org.radtrial.io.CaseTableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radtrial dicom scan}: one row per DICOM file and per study, from headers only. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Read the header of every file under DIR (in parallel; pixel data is never read) and write three tables:",
      "  OUT                 one row per study (exam), to join to a case table (see 'radtrial dicom join')",
      "  OUT.instances.EXT   one row per readable file",
      "  OUT.errors.EXT      one row per problem: error (the file gave no row), warning (a value was bad, its cell",
      "                      is empty), skipped (a DICOMDIR)",
      "The columns are listed in docs/dicom.md. A bad file never stops the scan."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:tables written (also when some files had problems, unless --strict)", "1:internal error",
        "2:bad options, no DICOM file under DIR, or with --strict: some file had a problem"})
final class DicomScanCommand implements Callable<Integer> {
  @Spec CommandSpec command;

  @Parameters(index = "0", paramLabel = "DIR", description = "Folder to scan (all files below it).")
  Path dir;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Exam table to write: .csv or .parquet.")
  Path out;

  @Option(names = "--threads", paramLabel = "N", description = "Reading threads (default: the number of processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--site-map", paramLabel = "FILE",
      description = "CSV with columns institution_name,site: the 'site' column gets the code instead of the name.")
  Path siteMap;

  @Option(names = "--strict", description = "Exit with code 2 if any file had an error or a warning (the tables are still written).")
  boolean strict;

  @Override
  public Integer call() {
    ScanTables.checkName(out);
    Map<String, String> sites = siteMap == null ? Map.of() : readSiteMap(siteMap);
    PrintWriter err = command.commandLine().getErr();
    ScanResult scan = DicomScanner.scan(dir, sites, threads, new RateProgressBar(err, "scanning"));
    ExamTable.Exams exams = ExamTable.build(scan.instances());
    List<ScanProblem> problems = ScanTables.allProblems(scan, exams);
    ScanTables.write(out, scan, exams, problems);
    PrintWriter stdout = command.commandLine().getOut();
    stdout.printf(Locale.ROOT, "Scanned %d files (%.1f MB) in %.1f s: %.0f files/s, %.1f MB/s%n", scan.files(), scan.bytes() / 1e6,
        scan.seconds(), scan.files() / Math.max(scan.seconds(), 1e-9), scan.bytes() / 1e6 / Math.max(scan.seconds(), 1e-9));
    long warned = problems.stream().filter(p -> p.severity() == Severity.WARNING).map(ScanProblem::file).distinct().count();
    stdout.printf(Locale.ROOT, "%d instances in %d exams; %d files with errors (no row), %d skipped, %d with warnings%n",
        scan.instances().size(), exams.rows().size(), scan.count(Severity.ERROR), scan.count(Severity.SKIPPED), warned);
    problems.stream().filter(p -> p.severity() == Severity.ERROR).limit(10).forEach(p -> stdout.println("  " + p));
    if (scan.count(Severity.ERROR) > 10) {
      stdout.println("  ... (all of them in the errors table)");
    }
    stdout.println("Exams:     " + out);
    stdout.println("Instances: " + ScanTables.instancesFile(out));
    stdout.println("Problems:  " + ScanTables.errorsFile(out));
    stdout.flush();
    if (scan.instances().isEmpty()) {
      err.println("radtrial: no DICOM file under " + dir + (scan.files() == 0 ? " (the folder holds no file at all)"
          : ": none of its " + scan.files() + " files could be read as DICOM (the reasons are in " + ScanTables.errorsFile(out) + ")")
          + "; check that DIR is the folder of the images");
      return Radtrial.BAD_INPUT;
    }
    if (strict && !problems.isEmpty()) {
      err.println("radtrial: --strict: " + problems.size() + " problem(s) in " + problems.stream().map(ScanProblem::file).distinct().count()
          + " file(s), listed in " + ScanTables.errorsFile(out));
      return Radtrial.BAD_INPUT;
    }
    return 0;
  }

  private static Map<String, String> readSiteMap(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (lines.isEmpty() || !lines.get(0).strip().equals("institution_name,site")) {
      throw new CaseTableException(file.toString(), 0, null, "the header must be 'institution_name,site'");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (int k = 1; k < lines.size(); k++) {
      String line = lines.get(k);
      if (line.isBlank()) {
        continue;
      }
      int comma = line.lastIndexOf(',');
      if (comma < 1 || comma == line.length() - 1) {
        throw new CaseTableException(file.toString(), k, null, "write INSTITUTION NAME,SITE_CODE");
      }
      map.put(line.substring(0, comma).strip(), line.substring(comma + 1).strip());
    }
    return map;
  }
}
