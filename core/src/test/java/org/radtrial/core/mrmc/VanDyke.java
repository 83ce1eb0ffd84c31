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

  /**
   * A split-plot version of the study: reader r's readings of case c become readings of case "r.c", so
   * every reader reads his own 114 cases (570 in all) in both modalities, each reader a block. This is
   * MRMCaov's {@code case2} coding of VanDyke ("cases nested within readers").
   */
  static ReaderStudy casesNestedWithinReaders() {
    ReaderStudy crossed = study();
    int t = crossed.modalities().size();
    int r = crossed.readers().size();
    int k = crossed.cases().size();
    List<String> cases = new ArrayList<>();
    boolean[] truth = new boolean[r * k];
    int[] caseBlock = new int[r * k];
    double[][][] ratings = new double[t][r][r * k];
    for (int j = 0; j < r; j++) {
      for (int q = 0; q < k; q++) {
        cases.add(crossed.readers().get(j) + "." + crossed.cases().get(q));
        truth[j * k + q] = crossed.truth(q);
        caseBlock[j * k + q] = j;
      }
    }
    int[] readerBlock = new int[r];
    for (int j = 0; j < r; j++) {
      readerBlock[j] = j;
      for (int i = 0; i < t; i++) {
        java.util.Arrays.fill(ratings[i][j], Double.NaN);
        System.arraycopy(crossed.ratings(i, j), 0, ratings[i][j], j * k, k);
      }
    }
    boolean[] up = new boolean[t];
    java.util.Arrays.fill(up, true);
    return ReaderStudy.splitPlot(crossed.modalities(), crossed.readers(), cases, truth, ratings, up, readerBlock, caseBlock);
  }

  /**
   * A split-plot worked example from the Van Dyke readings: readers 1 and 2 form block 0 and read only
   * the odd-numbered cases, readers 3, 4 and 5 form block 1 and read only the even-numbered ones (57
   * cases each), in both modalities; the other readings are discarded.
   */
  static ReaderStudy twoBlocks() {
    ReaderStudy crossed = study();
    int t = crossed.modalities().size();
    int r = crossed.readers().size();
    int k = crossed.cases().size();
    int[] readerBlock = {0, 0, 1, 1, 1};
    int[] caseBlock = new int[k];
    boolean[] truth = new boolean[k];
    for (int q = 0; q < k; q++) {
      caseBlock[q] = Integer.parseInt(crossed.cases().get(q)) % 2 == 1 ? 0 : 1;
      truth[q] = crossed.truth(q);
    }
    double[][][] ratings = new double[t][r][];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < r; j++) {
        ratings[i][j] = crossed.ratings(i, j);
      }
    }
    boolean[] up = new boolean[t];
    java.util.Arrays.fill(up, true);
    return ReaderStudy.splitPlot(crossed.modalities(), crossed.readers(), crossed.cases(), truth, ratings, up, readerBlock,
        caseBlock);
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
