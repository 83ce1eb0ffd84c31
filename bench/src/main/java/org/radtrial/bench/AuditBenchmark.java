package org.radtrial.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.radtrial.core.audit.AuditResult;
import org.radtrial.core.audit.AuditSpec;
import org.radtrial.core.audit.Auditor;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.synth.ScreeningCohortGenerator;

/**
 * The audit of {@code radtrial audit} (subgroups of single columns and pairs, heterogeneity, failure
 * slices of depth 3, calibration per group, confident errors) on the synthetic screening cohort
 * ({@code radtrial synth}'s generator, seed 7) with 3 models, at fixed thresholds, for several numbers
 * of exams and audited columns: age, density, vendor, site, ethnicity, then random columns of 4
 * levels ({@code room_1}, ...) up to the count asked. The cohort is built in memory, so this times
 * the audit alone (no CSV, no evaluation, no results.json).
 *
 * <p>Run: {@code mvn -q -B -DskipTests -pl bench -am package && java -cp
 * "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main AuditBenchmark}. Never run by
 * {@code mvn test}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx12g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class AuditBenchmark {
  private static final List<String> SYNTH_COLUMNS = List.of("age", "density", "vendor", "site", "ethnicity");
  private static final double[] THRESHOLDS = {0.2, 0.2, 0.28};

  /** exams x audited columns. */
  @Param({"100000x6", "1000000x3", "1000000x6", "1000000x12", "4000000x6"})
  public String shape;

  private Cohort cohort;
  private AuditSpec spec;

  @Setup(Level.Trial)
  public void build() {
    String[] parts = shape.split("x");
    int exams = Integer.parseInt(parts[0]);
    int columns = Integer.parseInt(parts[1]);
    cohort = withRandomColumns(ScreeningCohortGenerator.generate(exams, 7), columns);
    spec = AuditSpec.of(audited(columns));
  }

  static List<String> audited(int columns) {
    List<String> names = new ArrayList<>(SYNTH_COLUMNS.subList(0, Math.min(columns, SYNTH_COLUMNS.size())));
    for (int k = 1; names.size() < columns; k++) {
      names.add("room_" + k);
    }
    return names;
  }

  /** The cohort with random 4-level columns room_1, room_2, ... added until it has {@code columns} metadata columns. */
  static Cohort withRandomColumns(Cohort cohort, int columns) {
    Map<String, List<String>> metadata = new LinkedHashMap<>(cohort.metadata());
    SplittableRandom random = new SplittableRandom(11);
    String[] levels = {"0", "1", "2", "3"};
    for (int k = 1; metadata.size() < columns; k++) {
      List<String> values = new ArrayList<>(cohort.size());
      for (int i = 0; i < cohort.size(); i++) {
        values.add(levels[random.nextInt(4)]);
      }
      metadata.put("room_" + k, values);
    }
    return new Cohort(cohort.caseIds(), cohort.truth(), cohort.models(), cohort.readers(), metadata);
  }

  /** The whole audit: 21 partitions at 6 columns, slices of depth 3, three models. */
  @Benchmark
  public AuditResult audit() {
    return Auditor.audit(cohort, spec, "fixed thresholds", THRESHOLDS, null);
  }
}
