package org.radtrial.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.GroupColumn;

/**
 * The power table of docs/audit-power.md: the probability that the failure-slice search names a
 * planted slice, by the cancers in the slice and the ratio of its miss rate to the rest's, on
 * cohorts of {@link PlantedSlice} (60,000 exams, 2% cancers, miss rate 10% or 20% outside the slice,
 * false-alarm rate 5%, 6 audited columns of which 3 are noise, slices up to depth 3, FDR 5%), and
 * the share of null cohorts with any discovery. Not part of {@code mvn test}: run it with
 * {@code mvn -B -q test -pl core -Dtest=SlicePowerStudy -Dradtrial.power=200} (replicates per cell);
 * it writes core/target/slice-power.md.
 */
@EnabledIfSystemProperty(named = "radtrial.power", matches = "\\d+")
class SlicePowerStudy {
  private static final int[] CANCERS = {5, 10, 20, 30, 40, 50, 100, 200};
  private static final double[] RATIOS = {1.5, 2, 3, 5, 9};
  private static final double MISS_RATE = 0.10;

  /** {named at all, named first} for one cohort. */
  static boolean[] found(PlantedSlice design, long seed, int minimumCases) {
    Cohort cohort = design.generate(seed);
    ModelView view = new ModelView(cohort, cohort.models().get(0), PlantedSlice.THRESHOLD);
    List<GroupColumn> columns = design.columns().stream().map(n -> GroupColumn.of(n, cohort.metadata().get(n), null)).toList();
    SliceDiscovery.Outcome outcome = SliceDiscovery.of(
        SliceSearch.candidates(List.of(view), columns, 3, minimumCases, 0.95), 0.05, 20);
    List<FailureSlice> missed = outcome.discoveries().stream().filter(FailureSlice::missedCancers).toList();
    boolean named = missed.stream().anyMatch(s -> s.subgroup().label().equals(PlantedSlice.RULE));
    boolean first = !missed.isEmpty() && missed.get(0).subgroup().label().equals(PlantedSlice.RULE);
    return new boolean[] {named, first, !outcome.discoveries().isEmpty()};
  }

  @Test
  void writesThePowerTable() {
    int replicates = Integer.parseInt(System.getProperty("radtrial.power"));
    StringBuilder out = new StringBuilder();
    table(out, replicates, MISS_RATE, RATIOS);
    table(out, replicates, 0.2, new double[] {1.5, 2, 3, 4});
    List<String> nulls = new ArrayList<>();
    for (int noise : new int[] {3, 5}) {
      PlantedSlice none = new PlantedSlice(60_000, 0.02, 0, MISS_RATE, 1, 0.05, noise);
      int runs = 2 * replicates;
      long any = IntStream.range(0, runs).parallel().filter(r -> found(none, 7_000_000L + 1000L * noise + r,
          AuditSpec.DEFAULT_MINIMUM_SLICE_CASES)[2]).count();
      nulls.add(String.format(Locale.ROOT, "%d columns (%d noise): %d of %d null cohorts (%.1f%%) had any discovery",
          3 + noise, noise, any, runs, 100.0 * any / runs));
      assertThat(any / (double) runs).isLessThanOrEqualTo(0.05 + 2 * Math.sqrt(0.05 * 0.95 / runs));
    }
    out.append('\n');
    nulls.forEach(line -> out.append("- ").append(line).append('\n'));
    System.out.println(out);
    try {
      Files.writeString(Path.of("target", "slice-power.md"), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void table(StringBuilder out, int replicates, double missRate, double[] ratios) {
    out.append(String.format(Locale.ROOT, "Power (named / named first), %d cohorts per cell, miss rate %.0f%% outside the"
        + " slice, minimum %d judged cases%n%n", replicates, 100 * missRate, AuditSpec.DEFAULT_MINIMUM_SLICE_CASES));
    out.append("| cancers in slice |");
    for (double r : ratios) {
      out.append(String.format(Locale.ROOT, " %s× (miss %.0f%%) |", trim(r), 100 * r * missRate));
    }
    out.append("\n|---|").append("---|".repeat(ratios.length)).append('\n');
    for (int cancers : CANCERS) {
      out.append("| ").append(cancers).append(" |");
      for (double ratio : ratios) {
        PlantedSlice design = new PlantedSlice(60_000, 0.02, cancers, missRate, ratio, 0.05, 3);
        List<boolean[]> runs = IntStream.range(0, replicates).parallel()
            .mapToObj(r -> found(design, 1_000_000L * cancers + 1000L * Math.round(10 * ratio) + 100_000_000L
                * Math.round(100 * missRate) + r, AuditSpec.DEFAULT_MINIMUM_SLICE_CASES))
            .toList();
        long named = runs.stream().filter(b -> b[0]).count();
        long first = runs.stream().filter(b -> b[1]).count();
        out.append(String.format(Locale.ROOT, " %.2f / %.2f |", named / (double) replicates, first / (double) replicates));
      }
      out.append('\n');
    }
    out.append('\n');
  }

  private static String trim(double x) {
    return x == Math.rint(x) ? Integer.toString((int) x) : Double.toString(x);
  }
}
