package org.radtrial.io;

import com.fasterxml.jackson.core.io.NumberInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.radtrial.core.mrmc.ReaderStudy;

/**
 * Reads the input format of the FDA's iMRMC program ({@code .imrmc}): free description lines, then
 * optional counts {@code NR:} (readers), {@code N0:} (cases without disease), {@code N1:} (with),
 * {@code NM:} (modalities), then {@code BEGIN DATA:} and one line per observation,
 * {@code readerID,caseID,modalityID,score}. A truth line has reader {@code -1} (or {@code truth}) and
 * score 0 (no disease) or 1; its modality field is not used. The counts, when given, must agree with
 * the data. Higher scores are the more suspicious unless the spec says otherwise.
 */
final class ImrmcReader {
  private final Path path;
  private final RatingsSpec spec;
  private final FilePositions where;

  private ImrmcReader(Path path, RatingsSpec spec) {
    this.path = path;
    this.spec = spec;
    this.where = FilePositions.lines(path.toString());
  }

  static ReaderStudy read(Path path, RatingsSpec spec) {
    return new ImrmcReader(path, spec).read();
  }

  private ReaderStudy read() {
    List<String> lines = lines();
    Map<String, Long> counts = new HashMap<>();
    Map<String, Long> countLines = new HashMap<>();
    int n = 0;
    while (n < lines.size() && !lines.get(n).trim().equalsIgnoreCase("BEGIN DATA:")) {
      String line = lines.get(n).trim();
      int colon = line.indexOf(':');
      String key = colon < 0 ? "" : line.substring(0, colon).trim().toUpperCase(Locale.ROOT);
      if (Set.of("NR", "N0", "N1", "NM").contains(key)) {
        String value = line.substring(colon + 1).trim();
        try {
          counts.put(key, Long.parseLong(value));
          countLines.put(key, n + 1L);
        } catch (NumberFormatException e) {
          throw where.error(n + 1, null, "'" + value + "' is not a whole number; " + key + ": gives a count");
        }
      }
      n++;
    }
    if (n == lines.size()) {
      throw where.error(0, null, "no 'BEGIN DATA:' line; an iMRMC file has description lines, then 'BEGIN DATA:',"
          + " then one line per observation: readerID,caseID,modalityID,score");
    }
    StudyAssembler study = new StudyAssembler(where, spec.standaloneReader(), !spec.lowerIsPositive());
    Set<String> readers = new HashSet<>();
    Set<String> modalities = new HashSet<>();
    List<Set<String>> classes = List.of(new HashSet<>(), new HashSet<>());
    for (int i = n + 1; i < lines.size(); i++) {
      long line = i + 1L;
      String text = lines.get(i).trim();
      if (text.isEmpty()) {
        continue;
      }
      String[] f = text.split(",", -1);
      if (f.length != 4) {
        throw where.error(line, null, "expected 4 comma-separated fields readerID,caseID,modalityID,score but found "
            + f.length + ": '" + text + "'");
      }
      String reader = f[0].trim();
      String caseId = f[1].trim();
      String modality = f[2].trim();
      double score = number(f[3].trim(), line);
      if (caseId.isEmpty() || reader.isEmpty() || modality.isEmpty()) {
        throw where.error(line, null, "a field is empty; every line needs readerID, caseID, modalityID and score");
      }
      if (reader.equals("-1") || reader.equalsIgnoreCase("truth")) {
        if (score != 0 && score != 1) {
          throw where.error(line, null, "truth score '" + f[3].trim() + "' of case '" + caseId + "' must be 0 (no disease)"
              + " or 1 (disease)");
        }
        study.truth(caseId, score == 1, score == 1 ? "1" : "0", line);
        classes.get(score == 1 ? 1 : 0).add(caseId);
      } else {
        study.reading(reader, modality, caseId, score, line);
        readers.add(reader);
        modalities.add(modality);
      }
    }
    ReaderStudy built = study.build();
    checkCount(counts, countLines, "NR", readers.size(), "readers");
    checkCount(counts, countLines, "NM", modalities.size(), "modalities");
    checkCount(counts, countLines, "N0", classes.get(0).size(), "cases without disease (truth 0)");
    checkCount(counts, countLines, "N1", classes.get(1).size(), "cases with disease (truth 1)");
    return built;
  }

  private void checkCount(Map<String, Long> counts, Map<String, Long> lines, String key, long found, String what) {
    Long declared = counts.get(key);
    if (declared != null && declared != found) {
      throw where.error(lines.getOrDefault(key, 0L), null, key + ": says " + declared + " but the data have " + found + " " + what
          + "; correct the count or the data");
    }
  }

  private double number(String raw, long line) {
    try {
      double value = NumberInput.parseDouble(raw, true);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw where.error(line, null, "score '" + raw + "' is not a finite number; scores must be numbers such as 3 or 0.82");
  }

  private List<String> lines() {
    try {
      return Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}
