package org.radtrial.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.ModelScores;
import org.radtrial.core.evaluate.EvaluationSpec;
import org.radtrial.core.evaluate.Evaluator;
import org.radtrial.core.multiplicity.Holm;
import org.radtrial.core.roc.DeLong;
import org.radtrial.core.roc.Placements;
import org.radtrial.core.roc.StratifiedBootstrap;
import org.radtrial.core.stat.ProgressListener;

/**
 * The statistics of {@code radtrial evaluate} on 1,000,000 cases × 5 models, from the case table
 * written by {@link BenchmarkData} (path in system property {@code radtrial.bench.cases}).
 *
 * <p>Run with bench/run.sh, or: {@code mvn -q -DskipTests -pl bench -am package && java -cp
 * "bench/target/classes:bench/target/lib/*" -Dradtrial.bench.cases=FILE org.openjdk.jmh.Main
 * EvaluationBenchmark}. Never run by {@code mvn test}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class EvaluationBenchmark {
  private Cohort cohort;
  private List<Map.Entry<double[], double[]>> classes;
  private List<Placements> placements;

  @Setup(Level.Trial)
  public void load() {
    Path file = Path.of(System.getProperty("radtrial.bench.cases", "bench/target/bench-cases.csv"));
    if (!Files.exists(file)) {
      throw new IllegalStateException("write the benchmark table first: BenchmarkData " + file);
    }
    cohort = BenchmarkData.read(file);
    classes = cohort.models().stream().map(m -> BenchmarkData.split(cohort, m)).toList();
    placements = classes.stream().map(c -> Placements.of(c.getKey(), c.getValue())).toList();
  }

  /** AUC + DeLong variance and interval for 5 models, all 10 paired DeLong tests, Holm. */
  @Benchmark
  public void delongFiveModelsTenPairs(Blackhole sink) {
    List<Placements> fresh = classes.stream().map(c -> Placements.of(c.getKey(), c.getValue())).toList();
    for (Placements p : fresh) {
      sink.consume(DeLong.auc(p, 0.95));
    }
    double[] p = new double[10];
    int k = 0;
    for (int a = 0; a < fresh.size(); a++) {
      for (int b = a + 1; b < fresh.size(); b++) {
        p[k++] = DeLong.paired(fresh.get(a), fresh.get(b), 0.95).p();
      }
    }
    sink.consume(Holm.adjust(p));
  }

  /** The whole evaluation as the CLI runs it (ROC curves, operating points), bootstrap skipped. */
  @Benchmark
  public void fullEvaluationWithoutBootstrap(Blackhole sink) {
    sink.consume(Evaluator.evaluate(cohort, EvaluationSpec.defaults().withBootstrap(0, 1), ProgressListener.NONE));
  }

  /** 2,000 stratified bootstrap replicates of the AUC of each of the 5 models. */
  @Benchmark
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public void bootstrap2000FiveModels(Blackhole sink) {
    for (Placements p : placements) {
      sink.consume(StratifiedBootstrap.replicateAucs(p, 2000, 1, ProgressListener.NONE));
    }
  }

  /** Helps the sklearn script check that both computed the same AUCs. */
  public static void main(String[] args) {
    Cohort c = BenchmarkData.read(Path.of(args[0]));
    for (ModelScores m : c.models()) {
      var split = BenchmarkData.split(c, m);
      System.out.printf("%s %.12f%n", m.name(), Placements.of(split.getKey(), split.getValue()).auc());
    }
  }
}
