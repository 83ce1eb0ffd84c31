package org.radtrial.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.mrmc.ReaderStudy;
import org.radtrial.core.mrmc.StandaloneReader;

/**
 * Collects readings from any ratings format and checks that they make a fully crossed or a split-plot
 * study: each reading once, each case with one truth, each human reader rating every case (or, split
 * plot, every case of his block) in every modality, and the stand-alone reader (if named) rating every
 * case with the same rating in every modality it appears in. A split-plot study is recognised when the
 * readers' sets of cases are either equal or disjoint and together cover every case: readers with the
 * same cases form a block. Every problem is a {@link CaseTableException} naming the file and the rows
 * or lines.
 *
 * <p>Modalities, readers and cases keep the order in which they first appear. A modality that only
 * the stand-alone reader rated (e.g. "AI alone") is not a human modality and is dropped.
 */
final class StudyAssembler {
  private static final int SHOWN = 5;

  private final FilePositions where;
  private final @Nullable String standaloneName;
  private final boolean higherByDefault;
  private final Map<String, TruthEntry> truth = new HashMap<>();
  private final Map<String, List<Long>> casePositions = new LinkedHashMap<>();
  private final List<String> modalities = new ArrayList<>();
  private final Map<String, Boolean> higherIsPositive = new HashMap<>();
  private final List<String> readers = new ArrayList<>();
  private final Map<String, Reading> readings = new HashMap<>();

  private record TruthEntry(boolean positive, String raw, long position) {}

  private record Reading(double oriented, long position) {}

  /**
   * @param where the file, for messages
   * @param standaloneName the stand-alone reader, or null
   * @param higherByDefault whether higher ratings are the more suspicious in modalities without their
   *     own {@link #direction}
   */
  StudyAssembler(FilePositions where, @Nullable String standaloneName, boolean higherByDefault) {
    this.where = where;
    this.standaloneName = standaloneName;
    this.higherByDefault = higherByDefault;
  }

  /** The direction of one modality's ratings; set it before its readings. */
  void direction(String modality, boolean higher) {
    higherIsPositive.put(modality, higher);
  }

  /** A case's truth as given at a position; a different value at another position is an error. */
  void truth(String caseId, boolean positive, String raw, long position) {
    seen(caseId, position);
    TruthEntry first = truth.putIfAbsent(caseId, new TruthEntry(positive, raw, position));
    if (first != null && first.positive() != positive) {
      throw where.error(position, null, "case '" + caseId + "' has truth '" + raw + "' here but '" + first.raw()
          + "' in " + where.unit() + " " + first.position() + "; a case has one reference standard: correct one of the two");
    }
  }

  private void seen(String caseId, long position) {
    List<Long> positions = casePositions.computeIfAbsent(caseId, c -> new ArrayList<>());
    if (positions.isEmpty() || positions.get(positions.size() - 1).longValue() != position) {
      positions.add(position);
    }
  }

  /** One reading; the same reader, modality and case a second time is an error. */
  void reading(String reader, String modality, String caseId, double rating, long position) {
    if (!modalities.contains(modality)) {
      modalities.add(modality);
    }
    if (!readers.contains(reader)) {
      readers.add(reader);
    }
    double oriented = higher(modality) ? rating : -rating;
    Reading earlier = readings.putIfAbsent(key(reader, modality, caseId), new Reading(oriented, position));
    if (earlier != null) {
      throw where.error(position, null, "repeats the reading of case '" + caseId + "' by reader '" + reader
          + "' in modality '" + modality + "' already given in " + where.unit() + " " + earlier.position()
          + "; each reader rates each case once per modality: remove or merge the duplicate");
    }
    seen(caseId, position);
  }

  private boolean higher(String modality) {
    return higherIsPositive.getOrDefault(modality, higherByDefault);
  }

  ReaderStudy build() {
    if (readings.isEmpty()) {
      throw where.error(0, null, "the file holds no readings");
    }
    List<String> cases = new ArrayList<>(casePositions.keySet());
    checkTruthKnown(cases);
    List<String> humans = new ArrayList<>(readers);
    if (standaloneName != null) {
      if (!humans.remove(standaloneName)) {
        throw where.error(0, null, "no reader is named '" + standaloneName + "' (the stand-alone reader given by"
            + " --standalone-reader); the readers are: " + String.join(", ", readers));
      }
    }
    if (humans.size() < 2) {
      throw where.error(0, null, "an MRMC analysis needs at least two human readers; found " + humans.size()
          + (humans.isEmpty() ? "" : " (" + humans.get(0) + ")"));
    }
    List<String> humanModalities = modalities.stream()
        .filter(m -> humans.stream().anyMatch(r -> cases.stream().anyMatch(c -> readings.containsKey(key(r, m, c)))))
        .toList();
    int @Nullable [][] blocks = blocks(humanModalities, humans, cases);
    double[][][] ratings = humanRatings(humanModalities, humans, cases, blocks);
    boolean[] truthArray = truthArray(cases);
    checkClasses(truthArray);
    boolean[] directions = new boolean[humanModalities.size()];
    for (int i = 0; i < directions.length; i++) {
      directions[i] = higher(humanModalities.get(i));
    }
    if (blocks == null) {
      return ReaderStudy.of(humanModalities, humans, cases, truthArray, ratings, directions, standalone(cases));
    }
    if (standaloneName != null) {
      throw where.error(0, null, "the readers read different cases (a split-plot design of " + blockCount(blocks[0])
          + " blocks), and a stand-alone reader can be compared only with readers of a fully crossed study: drop"
          + " --standalone-reader, or analyse each block on its own");
    }
    try {
      return ReaderStudy.splitPlot(humanModalities, humans, cases, truthArray, ratings, directions, blocks[0], blocks[1]);
    } catch (IllegalArgumentException e) {
      throw where.error(0, null, e.getMessage() + " (split-plot design: readers with the same cases form a block)");
    }
  }

  private static int blockCount(int[] readerBlock) {
    int max = -1;
    for (int b : readerBlock) {
      max = Math.max(max, b);
    }
    return max + 1;
  }

  /**
   * The blocks of a split-plot study, {readerBlock, caseBlock}, or null when every reader rated every
   * case in some modality (fully crossed) or when the readers' case sets overlap without being equal
   * (not a split plot: the missing readings are then reported as an unbalanced design).
   */
  private int @Nullable [][] blocks(List<String> humanModalities, List<String> humans, List<String> cases) {
    Map<java.util.Set<String>, Integer> blockOfSet = new LinkedHashMap<>();
    int[] readerBlock = new int[humans.size()];
    int[] caseBlock = new int[cases.size()];
    java.util.Arrays.fill(caseBlock, -1);
    Map<String, Integer> caseIndex = new HashMap<>();
    for (int k = 0; k < cases.size(); k++) {
      caseIndex.put(cases.get(k), k);
    }
    for (int j = 0; j < humans.size(); j++) {
      java.util.Set<String> read = new java.util.LinkedHashSet<>();
      for (String c : cases) {
        for (String m : humanModalities) {
          if (readings.containsKey(key(humans.get(j), m, c))) {
            read.add(c);
            break;
          }
        }
      }
      Integer block = blockOfSet.get(read);
      if (block == null) {
        block = blockOfSet.size();
        blockOfSet.put(read, block);
        for (String c : read) {
          int k = present(caseIndex, c);
          if (caseBlock[k] >= 0) {
            return null; // two different case sets share a case: not a split plot
          }
          caseBlock[k] = block;
        }
      }
      readerBlock[j] = block;
    }
    if (blockOfSet.size() < 2) {
      return null;
    }
    for (int k = 0; k < cases.size(); k++) {
      if (caseBlock[k] < 0) {
        return null; // a case no human read (only the stand-alone reader): reported as unbalanced
      }
    }
    return new int[][] {readerBlock, caseBlock};
  }

  private void checkTruthKnown(List<String> cases) {
    for (String c : cases) {
      if (!truth.containsKey(c)) {
        throw where.error(present(casePositions, c).get(0), null, "case '" + c + "' is rated but its truth is not given;"
            + " add its truth row");
      }
    }
  }

  /** The ratings, NaN for the cases of other blocks; a reading missing within the reader's block is an error. */
  private double[][][] humanRatings(List<String> humanModalities, List<String> humans, List<String> cases, int @Nullable [][] blocks) {
    double[][][] ratings = new double[humanModalities.size()][humans.size()][cases.size()];
    for (int i = 0; i < humanModalities.size(); i++) {
      String m = humanModalities.get(i);
      for (int j = 0; j < humans.size(); j++) {
        String r = humans.get(j);
        List<String> missing = new ArrayList<>();
        int own = 0;
        for (int k = 0; k < cases.size(); k++) {
          if (blocks != null && blocks[1][k] != blocks[0][j]) {
            ratings[i][j][k] = Double.NaN;
            continue;
          }
          own++;
          Reading reading = readings.get(key(r, m, cases.get(k)));
          if (reading == null) {
            missing.add(cases.get(k));
          } else {
            ratings[i][j][k] = reading.oriented();
          }
        }
        if (!missing.isEmpty()) {
          throw unbalanced(r, m, missing, own, blocks != null);
        }
      }
    }
    return ratings;
  }

  private CaseTableException unbalanced(String reader, String modality, List<String> missing, int cases,
      boolean splitPlot) {
    String fix = splitPlot
        ? "; in a split-plot design every reader rates every case of his block in every modality: add the missing"
            + " readings, or remove the reader or the cases"
        : "; every reader must rate every case in every modality (a fully crossed design), or the readers must fall"
            + " into blocks that each read their own cases (split plot): add the missing readings, or remove the"
            + " reader or the cases";
    if (missing.size() == cases) {
      return where.error(0, null, "reader '" + reader + "' did not rate modality '" + modality + "' at all" + fix);
    }
    String first = missing.get(0);
    return where.error(0, null, "unbalanced design: reader '" + reader + "' has no rating of case '" + first
        + "' in modality '" + modality + "' (the case appears in " + where.list(present(casePositions, first), SHOWN) + ")"
        + (missing.size() > 1 ? ", nor of " + (missing.size() - 1) + " other case" + (missing.size() > 2 ? "s" : "")
            + " (" + String.join(", ", missing.subList(1, Math.min(missing.size(), 1 + SHOWN)))
            + (missing.size() > 1 + SHOWN ? ", ..." : "") + ")" : "")
        + fix);
  }

  private boolean[] truthArray(List<String> cases) {
    boolean[] out = new boolean[cases.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = present(truth, cases.get(k)).positive();
    }
    return out;
  }

  private void checkClasses(boolean[] truthArray) {
    int positives = 0;
    for (boolean t : truthArray) {
      positives += t ? 1 : 0;
    }
    int negatives = truthArray.length - positives;
    if (positives < 2 || negatives < 2) {
      throw where.error(0, null, "the study has " + positives + " case(s) with and " + negatives
          + " without disease; the analysis needs at least two of each (check the truth values)");
    }
  }

  private @Nullable StandaloneReader standalone(List<String> cases) {
    String standaloneName = this.standaloneName;
    if (standaloneName == null) {
      return null;
    }
    double[] ratings = new double[cases.size()];
    Boolean direction = null;
    for (int k = 0; k < cases.size(); k++) {
      String caseId = cases.get(k);
      List<String> rated = modalities.stream()
          .filter(m -> readings.containsKey(key(standaloneName, m, caseId)))
          .sorted(Comparator.comparingLong(m -> present(readings, key(standaloneName, m, caseId)).position()))
          .toList();
      if (rated.isEmpty()) {
        throw where.error(0, null, "the stand-alone reader '" + standaloneName + "' has no rating of case '" + caseId
            + "' (the case appears in " + where.list(present(casePositions, caseId), SHOWN) + "); it must rate every case");
      }
      String firstModality = rated.get(0);
      Reading first = present(readings, key(standaloneName, firstModality, caseId));
      for (String m : rated.subList(1, rated.size())) {
        Reading reading = present(readings, key(standaloneName, m, caseId));
        if (reading.oriented() != first.oriented()) {
          throw where.error(reading.position(), null, "the stand-alone reader '" + standaloneName + "' rates case '"
              + caseId + "' differently here (modality '" + m + "') than in " + where.unit() + " " + first.position()
              + " (modality '" + firstModality + "'); a stand-alone reader's ratings cannot depend on the modality:"
              + " keep its ratings in one modality");
        }
      }
      direction = direction == null ? higher(firstModality) : direction;
      ratings[k] = first.oriented();
    }
    return new StandaloneReader(standaloneName, ratings, present(direction));
  }

  /** A value the assembler put in the map itself (an invariant, not the user's input). */
  private static <K, V> V present(Map<K, V> map, K key) {
    return Objects.requireNonNull(map.get(key), () -> "no entry for " + key);
  }

  private static <V> V present(@Nullable V value) {
    return Objects.requireNonNull(value);
  }

  private static String key(String reader, String modality, String caseId) {
    return reader + "\u0000" + modality + "\u0000" + caseId;
  }
}
