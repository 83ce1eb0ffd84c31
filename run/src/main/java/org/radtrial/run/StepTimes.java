package org.radtrial.run;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Where a run's seconds go: with {@code -Dradtrial.timings=true} (for instance
 * {@code RADTRIAL_JAVA_OPTS="-Xmx8g -Dradtrial.timings=true" bin/radtrial evaluate ...}) each step
 * of a run prints its wall time and the process's CPU time to standard error, the first line being
 * the JVM's start-up (from the process's start to {@code main}). It is how docs/benchmarks.md's
 * breakdowns are measured; off, every call is one test of a constant.
 */
public final class StepTimes {
  private static final boolean ON = Boolean.getBoolean("radtrial.timings");
  private static long lastWall;
  private static long lastCpu;

  private StepTimes() {}

  /** Marks the start of the program (the end of JVM start-up); prints the start-up's share. */
  public static synchronized void started() {
    if (!ON) {
      return;
    }
    lastWall = System.nanoTime();
    lastCpu = cpuNanos();
    // From the virtual machine's creation (the launcher's few milliseconds before it are not counted).
    print("JVM start-up", ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L, lastCpu);
  }

  /** Ends a step: prints the wall and CPU time since the previous mark. */
  public static synchronized void step(String name) {
    if (!ON) {
      return;
    }
    long wall = System.nanoTime();
    long cpu = cpuNanos();
    print(name, wall - lastWall, cpu - lastCpu);
    lastWall = wall;
    lastCpu = cpu;
  }

  private static void print(String name, long wallNanos, long cpuNanos) {
    PrintStream err = System.err;
    err.printf(Locale.ROOT, "radtrial timing: %-28s wall %7.3f s  cpu %7.3f s%n", name, wallNanos / 1e9, cpuNanos / 1e9);
  }

  private static long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}
