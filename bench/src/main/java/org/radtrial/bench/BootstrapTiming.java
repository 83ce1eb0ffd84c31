package org.radtrial.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.roc.Placements;
import org.radtrial.core.roc.StratifiedBootstrap;
import org.radtrial.core.stat.ProgressListener;

/**
 * 2,000 stratified bootstrap replicates for each of the 5 models of the benchmark table, as {@code
 * radtrial evaluate} runs them (models in parallel, each model's replicates in parallel blocks),
 * timed in wall-clock and in the process's CPU seconds. On a shared machine the CPU figure is the
 * fairer one: wall-clock on 2 idle cores is about CPU / 2.
 *
 * <p>{@code java -cp "bench/target/classes:bench/target/lib/*" org.radtrial.bench.BootstrapTiming
 * bench/target/bench-cases.csv [rounds]}
 */
public final class BootstrapTiming {
  private BootstrapTiming() {}

  public static void main(String[] args) {
    Cohort cohort = BenchmarkData.read(Path.of(args[0]));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<Placements> placements = cohort.models().stream()
        .map(m -> BenchmarkData.split(cohort, m))
        .map((Map.Entry<double[], double[]> c) -> Placements.of(c.getKey(), c.getValue()))
        .toList();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int round = 1; round <= rounds; round++) {
      long cpu = os.getProcessCpuTime();
      long wall = System.nanoTime();
      IntStream.range(0, placements.size()).parallel().forEach(k ->
          StratifiedBootstrap.replicateAucs(placements.get(k), 2000, 1 + k, ProgressListener.NONE));
      System.out.printf("round %d: 2,000 replicates x %d models, %,d exams: %.2f s wall, %.2f s CPU, load %.1f%n",
          round, placements.size(), cohort.size(), (System.nanoTime() - wall) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9,
          os.getSystemLoadAverage());
    }
  }
}
