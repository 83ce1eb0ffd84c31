package org.radtrial.core.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.ModelScores;

/**
 * A cohort with one planted failure slice, written for the slice-search tests and independent of
 * {@code radtrial synth}: other column names, other sizes, and the model's decisions drawn directly
 * so that the miss rate in and out of the slice is exactly what is asked.
 *
 * <p>Columns: {@code scanner} (S1..S4), {@code breast_class} (a..d), {@code region} (north, east,
 * south, west, centre) and {@code noise} further columns {@code noise_1..} of 3 to 6 random levels,
 * none related to anything. The planted slice is {@code scanner = S3 and breast_class = d}: it holds
 * exactly {@code sliceCancers} cancers and the normals that go with the cohort's prevalence; no other
 * case has that combination. One model, {@code detector}, scores in [0, 1]; at the threshold 0.5 it
 * misses a cancer with probability {@code missRate} outside the slice and {@code missRate × ratio}
 * inside, and recalls a normal with probability {@code falseAlarmRate} everywhere.
 *
 * @param cases exams
 * @param prevalence share of cancers outside the slice (and inside: the slice's normals follow it)
 * @param sliceCancers cancers in the planted slice (0: no slice, a null cohort)
 * @param missRate miss rate of the model outside the slice
 * @param ratio miss rate in the slice / outside (1: no effect)
 * @param falseAlarmRate false-positive rate everywhere
 * @param noise number of noise columns
 */
record PlantedSlice(int cases, double prevalence, int sliceCancers, double missRate, double ratio, double falseAlarmRate,
    int noise) {
  static final double THRESHOLD = 0.5;
  static final String RULE = "scanner = S3 and breast_class = d";
  private static final String[] SCANNERS = {"S1", "S2", "S3", "S4"};
  private static final String[] CLASSES = {"a", "b", "c", "d"};
  private static final String[] REGIONS = {"north", "east", "south", "west", "centre"};

  PlantedSlice {
    if (missRate * ratio > 1) {
      throw new IllegalArgumentException("miss rate " + missRate + " x ratio " + ratio + " exceeds 1");
    }
  }

  /** 60,000 exams, 2% cancers, sensitivity 80% and specificity 95% outside the slice, 3 noise columns. */
  static PlantedSlice of(int sliceCancers, double ratio) {
    return new PlantedSlice(60_000, 0.02, sliceCancers, 0.2, ratio, 0.05, 3);
  }

  /** The same cohort without a planted slice. */
  static PlantedSlice none(int noise) {
    return new PlantedSlice(60_000, 0.02, 0, 0.2, 1, 0.05, noise);
  }

  /** The columns to audit: the three real ones and every noise column. */
  List<String> columns() {
    List<String> names = new ArrayList<>(List.of("scanner", "breast_class", "region"));
    for (int k = 1; k <= noise; k++) {
      names.add("noise_" + k);
    }
    return names;
  }

  Cohort generate(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int sliceNormals = sliceCancers == 0 ? 0 : (int) Math.round(sliceCancers * (1 - prevalence) / prevalence);
    int inSlice = sliceCancers + sliceNormals;
    List<String> ids = new ArrayList<>();
    boolean[] truth = new boolean[cases];
    double[] scores = new double[cases];
    Map<String, List<String>> metadata = new LinkedHashMap<>();
    columns().forEach(c -> metadata.put(c, new ArrayList<>()));
    int[] noiseLevels = new int[noise];
    for (int k = 0; k < noise; k++) {
      noiseLevels[k] = 3 + random.nextInt(4);
    }
    for (int i = 0; i < cases; i++) {
      ids.add("p" + i);
      boolean planted = i < inSlice;
      truth[i] = planted ? i < sliceCancers : random.nextDouble() < prevalence;
      String scanner;
      String breastClass;
      do {
        scanner = SCANNERS[random.nextInt(4)];
        breastClass = CLASSES[random.nextInt(4)];
      } while (!planted && scanner.equals("S3") && breastClass.equals("d"));
      if (planted) {
        scanner = "S3";
        breastClass = "d";
      }
      metadata.get("scanner").add(scanner);
      metadata.get("breast_class").add(breastClass);
      metadata.get("region").add(REGIONS[random.nextInt(REGIONS.length)]);
      for (int k = 0; k < noise; k++) {
        metadata.get("noise_" + (k + 1)).add("n" + random.nextInt(noiseLevels[k]));
      }
      double errorRate = truth[i] ? (planted ? missRate * ratio : missRate) : falseAlarmRate;
      boolean error = random.nextDouble() < errorRate;
      boolean flagged = truth[i] != error;
      scores[i] = flagged ? THRESHOLD + 0.5 * random.nextDouble() : THRESHOLD * random.nextDouble();
    }
    return new Cohort(ids, truth, List.of(new ModelScores("detector", scores, true)), List.of(), metadata);
  }
}
