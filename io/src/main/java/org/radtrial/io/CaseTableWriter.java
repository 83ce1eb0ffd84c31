package org.radtrial.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.ModelScores;
import org.radtrial.core.cohort.ReaderDecisions;

/**
 * Writes a cohort as a CSV case table that {@link CaseTableReader} reads back: case id, metadata,
 * truth (1/0), reader decisions (1/0), model scores; missing values as empty cells.
 */
public final class CaseTableWriter {
  private CaseTableWriter() {}

  public static void writeCsv(Cohort cohort, Path target, String idColumn, String truthColumn) {
    try {
      Path parent = target.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temporary = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
      try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        StringBuilder line = new StringBuilder(idColumn);
        cohort.metadata().keySet().forEach(c -> line.append(',').append(c));
        line.append(',').append(truthColumn);
        cohort.readers().forEach(r -> line.append(',').append(r.name()));
        cohort.models().forEach(m -> line.append(',').append(m.name()));
        out.write(line.append('\n').toString());
        List<List<String>> metadata = List.copyOf(cohort.metadata().values());
        for (int i = 0; i < cohort.size(); i++) {
          line.setLength(0);
          line.append(quote(cohort.caseIds().get(i)));
          for (List<String> column : metadata) {
            line.append(',').append(quote(column.get(i)));
          }
          line.append(',').append(cohort.truth(i) ? '1' : '0');
          for (ReaderDecisions r : cohort.readers()) {
            byte d = r.decision(i);
            line.append(',').append(d == ReaderDecisions.MISSING ? "" : d == ReaderDecisions.POSITIVE ? "1" : "0");
          }
          for (ModelScores m : cohort.models()) {
            double s = m.score(i);
            line.append(',');
            if (!Double.isNaN(s)) {
              line.append(s);
            }
          }
          out.write(line.append('\n').toString());
        }
      }
      Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  private static String quote(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
