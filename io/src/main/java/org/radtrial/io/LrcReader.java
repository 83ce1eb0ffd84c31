package org.radtrial.io;

import com.fasterxml.jackson.core.io.NumberInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.mrmc.ReaderStudy;

/**
 * Reads the input format of OR-DBM MRMC ({@code .lrc}), as RJafroc's {@code ReadLrc} does:
 *
 * <pre>
 * line 1      a title (ignored)
 * line 2      the first reader's name
 * line 3      the modality names, each in double quotes
 * line 4      per modality L (or LARGE: higher ratings more suspicious) or S (SMALL)
 * then        per case without disease, one line of ratings, one per modality in that order
 * *           ends the cases without disease
 * then        per case with disease, one line of ratings
 * *           ends the reader
 * then        the next reader's name and its two blocks, and so on
 * #           ends the file
 * </pre>
 *
 * Fields are separated by white space; fields after the ratings (such as a case number) are ignored.
 * Cases are identified by position: the k-th line of a block is the same case for every reader, so
 * every reader must have the same number of lines in each block. Case ids are "negative-k" and
 * "positive-k".
 */
final class LrcReader {
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

  private final Path path;
  private final RatingsSpec spec;
  private final FilePositions where;
  // read first thing in read()
  @SuppressWarnings("NullAway.Init")
  private List<String> lines;
  private int next;

  private LrcReader(Path path, RatingsSpec spec) {
    this.path = path;
    this.spec = spec;
    this.where = FilePositions.lines(path.toString());
  }

  static ReaderStudy read(Path path, RatingsSpec spec) {
    return new LrcReader(path, spec).read();
  }

  private ReaderStudy read() {
    lines = readLines();
    if (lines.size() < 4) {
      throw where.error(0, null, "an LRC file starts with 4 lines (title, reader name, quoted modality names, L/S per"
          + " modality); this one has " + lines.size());
    }
    List<String> modalities = modalities(lines.get(2).trim());
    List<Boolean> higher = directions(lines.get(3).trim(), modalities.size());
    StudyAssembler study = new StudyAssembler(where, spec.standaloneReader(), true);
    for (int i = 0; i < modalities.size(); i++) {
      study.direction(modalities.get(i), higher.get(i));
    }
    Map<String, Long> readerLines = new HashMap<>();
    int[] firstCounts = null;
    String firstReader = null;
    int nameIndex = 1;
    while (true) {
      long nameLine = nameIndex + 1L;
      String reader = lines.get(nameIndex).trim();
      Long earlier = readerLines.putIfAbsent(reader, nameLine);
      if (earlier != null) {
        throw where.error(nameLine, null, "reader '" + reader + "' already has ratings from line " + earlier
            + "; each reader appears once");
      }
      // The first reader's name is followed by the modality names and directions (lines 3 and 4).
      next = firstReader == null ? 4 : nameIndex + 1;
      int[] counts = new int[2];
      long[] blockStart = new long[2];
      for (int block = 0; block < 2; block++) {
        blockStart[block] = next + 1L;
        counts[block] = block(study, reader, modalities, block == 1);
      }
      if (firstCounts == null) {
        firstCounts = counts;
        firstReader = reader;
      } else {
        for (int block = 0; block < 2; block++) {
          if (counts[block] != firstCounts[block]) {
            String what = block == 0 ? "cases without disease" : "cases with disease";
            throw where.error(blockStart[block], null, "unbalanced design: reader '" + reader + "' has " + counts[block]
                + " " + what + " (lines " + blockStart[block] + "-" + (blockStart[block] + counts[block] - 1) + ") but reader '"
                + firstReader + "' has " + firstCounts[block] + "; in an LRC file every reader rates the same cases in the"
                + " same order");
          }
        }
      }
      String end = nextContentLine();
      if (end == null || end.equals("#")) {
        break;
      }
      nameIndex = next;
    }
    return study.build();
  }

  /** Reads one block of rating lines up to its '*'; returns the number of cases. */
  private int block(StudyAssembler study, String reader, List<String> modalities, boolean positive) {
    int count = 0;
    while (true) {
      if (next >= lines.size()) {
        throw where.error(lines.size(), null, "the file ends inside the ratings of reader '" + reader + "'; each"
            + " reader's cases without disease end with a line '*', its cases with disease with another '*', and"
            + " the file with '#'");
      }
      String text = lines.get(next).trim();
      long line = next + 1L;
      next++;
      if (text.isEmpty()) {
        continue;
      }
      if (text.equals("*")) {
        return count;
      }
      if (text.equals("#")) {
        throw where.error(line, null, "'#' ends the file inside the ratings of reader '" + reader + "'; end each block"
            + " of cases with '*'");
      }
      String[] fields = text.split("\\s+");
      if (fields.length < modalities.size()) {
        throw where.error(line, null, "found " + fields.length + " rating(s) for " + modalities.size() + " modalities ("
            + String.join(", ", modalities) + "); a case's line holds one rating per modality");
      }
      count++;
      String caseId = (positive ? "positive-" : "negative-") + count;
      study.truth(caseId, positive, positive ? "with disease" : "without disease", line);
      for (int i = 0; i < modalities.size(); i++) {
        study.reading(reader, modalities.get(i), caseId, number(fields[i], line, modalities.get(i)), line);
      }
    }
  }

  /** The next non-blank line (the next reader's name or '#'), leaving {@code next} on it; null at the end. */
  private @Nullable String nextContentLine() {
    while (next < lines.size() && lines.get(next).trim().isEmpty()) {
      next++;
    }
    return next < lines.size() ? lines.get(next).trim() : null;
  }

  private List<String> modalities(String line) {
    List<String> names = new ArrayList<>();
    Matcher m = QUOTED.matcher(line);
    while (m.find()) {
      names.add(m.group(1).trim());
    }
    if (names.isEmpty()) {
      throw where.error(3, null, "expected the modality names in double quotes, e.g. \"CT\" \"MRI\"; found '" + line + "'");
    }
    return names;
  }

  private List<Boolean> directions(String line, int modalities) {
    String[] fields = line.split("\\s+");
    if (fields.length != modalities) {
      throw where.error(4, null, "found " + fields.length + " rating direction(s) for " + modalities + " modalities;"
          + " give L (higher ratings more suspicious) or S (smaller) once per modality");
    }
    List<Boolean> out = new ArrayList<>();
    for (String f : fields) {
      String d = f.toUpperCase(Locale.ROOT);
      if (d.equals("L") || d.equals("LARGE")) {
        out.add(true);
      } else if (d.equals("S") || d.equals("SMALL")) {
        out.add(false);
      } else {
        throw where.error(4, null, "'" + f + "' is not a rating direction; use L (or LARGE) when higher ratings are more"
            + " suspicious, S (or SMALL) when lower ones are");
      }
    }
    return out;
  }

  private double number(String raw, long line, String modality) {
    try {
      double value = NumberInput.parseDouble(raw, true);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw where.error(line, null, "rating '" + raw + "' for modality '" + modality + "' is not a finite number");
  }

  private List<String> readLines() {
    try {
      return Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}
