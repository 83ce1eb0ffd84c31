package org.radtrial.bench;

import java.util.ArrayList;
import java.util.List;
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
import org.radtrial.core.lesions.HeadToHead;
import org.radtrial.core.lesions.LesionAnalysis;
import org.radtrial.core.lesions.LesionCase;
import org.radtrial.core.lesions.LesionStudy;
import org.radtrial.core.lesions.LesionTruth;
import org.radtrial.core.lesions.Reading;

/**
 * The lesion-level analysis of {@code radtrial lesions --marks} after matching: every figure of merit and
 * curve of 5 models ({@code figures}) and the head-to-head with its bootstrap ({@code headToHead}: 2,000
 * replicates, every model's wAFROC, CPM and LUNA16 sensitivities, every pair), on random already-classified
 * readings: half the cases normal, one or two lesions per abnormal case, 0–19 NL marks per case (9.5 on
 * average), a quarter of lesions unmarked, continuous ratings (seed 1).
 *
 * <p>Run: {@code mvn -q -B -DskipTests -pl bench -am package && java -cp
 * "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main LesionBenchmark}. Never run by
 * {@code mvn test}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx12g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class LesionBenchmark {
  @Param({"10000", "100000"})
  public int cases;

  private LesionStudy study;

  @Setup(Level.Trial)
  public void build() {
    SplittableRandom random = new SplittableRandom(1);
    List<LesionCase> list = new ArrayList<>();
    for (int k = 0; k < cases; k++) {
      list.add(k % 2 == 0 ? LesionCase.normal("c" + k)
          : LesionCase.equallyWeighted("c" + k, List.of("1", "2").subList(0, 1 + random.nextInt(2))));
    }
    LesionTruth truth = new LesionTruth(list);
    int models = 5;
    Reading[][] readings = new Reading[1][models];
    List<String> names = new ArrayList<>();
    for (int j = 0; j < models; j++) {
      names.add("model_" + j);
      double[][] nl = new double[cases][];
      double[][] ll = new double[cases][];
      for (int k = 0; k < cases; k++) {
        nl[k] = new double[random.nextInt(20)];
        for (int m = 0; m < nl[k].length; m++) {
          nl[k][m] = random.nextDouble();
        }
        ll[k] = new double[truth.get(k).lesions()];
        for (int l = 0; l < ll[k].length; l++) {
          ll[k][l] = random.nextInt(4) == 0 ? Double.NEGATIVE_INFINITY : 0.3 + random.nextDouble();
        }
      }
      readings[0][j] = new Reading(nl, ll);
    }
    study = new LesionStudy(truth, List.of("stand-alone"), names, readings);
  }

  @Benchmark
  public Object figures() {
    return LesionAnalysis.analyse(study, 0.95);
  }

  @Benchmark
  public Object headToHead() {
    return HeadToHead.compare(study, 2000, 20240101L, 0.95);
  }
}
