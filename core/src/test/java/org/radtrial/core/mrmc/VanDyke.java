package org.radtrial.core.mrmc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Van Dyke et al. (1993) reader study: 2 modalities × 5 readers × 114 cases (45 with aortic
 * dissection), 5-point ratings. Read from the test resource vandyke.csv (a copy of
 * /work/shared/data/vandyke/vandyke.csv; see the README beside it), one row per reading:
 * reader,modality,case,truth,rating. Modality "1" is OR-DBM MRMC's treatment 1 and JAFROC's "0".
 */
final class VanDyke {
  private VanDyke() {}

  static ReaderStudy study() {
    return study(false);
  }

  /** The same study with truth swapped and every rating negated: specificity becomes sensitivity. */
  static ReaderStudy mirrored() {
    return study(true);
  }

  private static ReaderStudy study(boolean mirror) {
    List<String[]> rows = rows();
    Map<String, Integer> modalities = new LinkedHashMap<>();
    Map<String, Integer> readers = new LinkedHashMap<>();
    Map<String, Integer> cases = new LinkedHashMap<>();
    Map<String, Boolean> truth = new LinkedHashMap<>();
    for (String[] row : rows) {
      readers.putIfAbsent(row[0], readers.size());
      modalities.putIfAbsent(row[1], modalities.size());
      cases.putIfAbsent(row[2], cases.size());
      truth.put(row[2], row[3].equals("1") != mirror);
    }
    double[][][] ratings = new double[modalities.size()][readers.size()][cases.size()];
    for (String[] row : rows) {
      ratings[modalities.get(row[1])][readers.get(row[0])][cases.get(row[2])] = (mirror ? -1 : 1) * Double.parseDouble(row[4]);
    }
    boolean[] t = new boolean[cases.size()];
    int k = 0;
    for (boolean b : truth.values()) {
      t[k++] = b;
    }
    return ReaderStudy.of(List.copyOf(modalities.keySet()), List.copyOf(readers.keySet()), List.copyOf(cases.keySet()), t, ratings);
  }

  private static List<String[]> rows() {
    try (var in = VanDyke.class.getResourceAsStream("vandyke.csv");
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      List<String[]> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        rows.add(line.split(","));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
