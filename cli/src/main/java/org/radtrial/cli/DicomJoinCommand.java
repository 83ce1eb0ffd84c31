package org.radtrial.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.radtrial.dicom.table.CaseJoin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radtrial dicom join}: adds exam metadata and AI scores to a case table by a key. */
@Command(
    name = "join",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Add the columns of other tables (the exam table of 'radtrial dicom scan', the scores of 'radtrial dicom",
      "results') to a case table, matching a key: accession_number or study_instance_uid on the DICOM side, the",
      "case table's own column on the other. Every case row is kept; a case without a match gets empty cells.",
      "The result feeds 'radtrial evaluate' and 'radtrial audit' (e.g. --group manufacturer,patient_age)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:joined table written", "1:internal error", "2:bad input (a missing column, a duplicated key)"})
final class DicomJoinCommand implements Callable<Integer> {
  @Spec CommandSpec command;

  @Option(names = "--cases", required = true, paramLabel = "FILE", description = "The case table (CSV or Parquet).")
  Path cases;

  @Option(names = "--key", required = true, paramLabel = "COL", description = "The case table's key column, e.g. accession.")
  String key;

  @Option(names = "--add", required = true, paramLabel = "FILE[:COL]",
      description = "A table to add, and its key column (default: accession_number); repeatable.")
  List<String> add;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The joined table: .csv or .parquet.")
  Path out;

  @Override
  public Integer call() {
    List<CaseJoin.Side> others = new ArrayList<>();
    for (String a : add) {
      int colon = a.lastIndexOf(':');
      others.add(colon > 0 ? new CaseJoin.Side(Path.of(a.substring(0, colon)), a.substring(colon + 1))
          : new CaseJoin.Side(Path.of(a), "accession_number"));
    }
    CaseJoin.Result r = CaseJoin.join(new CaseJoin.Side(cases, key), others, out);
    var stdout = command.commandLine().getOut();
    stdout.printf("%d cases in %s%n", r.cases(), cases);
    for (int k = 0; k < others.size(); k++) {
      stdout.printf("  %s: matched %d of them; %d of its rows matched no case%n", others.get(k).file(), r.matched().get(k),
          r.unmatched().get(k));
    }
    if (!r.skipped().isEmpty()) {
      stdout.println("  not added again (an earlier table has a column of that name): " + String.join(", ", r.skipped()));
    }
    stdout.println("Joined: " + out);
    stdout.flush();
    return 0;
  }
}
