package org.radtrial.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;
import org.radtrial.core.segment.MaskCase;
import org.radtrial.core.stat.ProgressListener;
import org.radtrial.io.MaskCases;
import org.radtrial.io.image.ImageReader;

/** Masks are compared as many cases at a time as the threads allow, and no more than the heap can hold. */
class MaskRunMemoryTest {
  private static final Grid GRID = Grid.of(20, 20, 10, 1, 1, 1);
  private static final int CASES = 8;

  /** Cube masks; counts the cases whose reference has been read and whose last mask has not. */
  private static final class CountingReader implements ImageReader {
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger most = new AtomicInteger();
    final Map<String, Boolean> opened = new ConcurrentHashMap<>();

    @Override
    public Volume mask(Path file, @Nullable Path series) {
      String name = file.getFileName().toString();
      if (name.startsWith("ref")) {
        most.accumulateAndGet(open.incrementAndGet(), Math::max);
        opened.put(name, true);
        pause(); // so that other cases would start now if they were allowed to
      } else {
        open.decrementAndGet();
      }
      float[] voxels = new float[GRID.size()];
      for (int k = 2; k < 8; k++) {
        for (int j = 5; j < 15; j++) {
          for (int i = 5; i < 15; i++) {
            voxels[i + 20 * (j + 20 * k)] = 1;
          }
        }
      }
      return new Volume(GRID, voxels);
    }

    @Override
    public Volume pet(Path file) {
      throw new UnsupportedOperationException();
    }

    private static void pause() {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static List<MaskCase> run(CountingReader reader, int threads, CaseMemory memory) {
    List<MaskCases.Case> cases = new ArrayList<>();
    for (int c = 0; c < CASES; c++) {
      cases.add(new MaskCases.Case("case-" + c, c + 1, Path.of("ref" + c + ".nii"), List.of(Path.of("model" + c + ".nii")),
          null, null, Map.of()));
    }
    MaskCases table = new MaskCases("cases.csv", List.of("model_a"), List.of(), cases);
    RunRequest.Masks request = new RunRequest.Masks(Path.of("cases.csv"), "case_id", "reference", List.of("model_a"), null,
        null, List.of(), List.of(), 1.0, 0.95, 0, 1, threads, reader);
    return MaskRun.compare(table, request, ProgressListener.NONE, memory);
  }

  @Test
  void casesRunOneAtATimeWhenTheHeapHoldsOnlyOne() {
    CountingReader reader = new CountingReader();
    long oneCase = GRID.size() * CaseMemory.BYTES_PER_VOXEL;

    List<MaskCase> results = run(reader, 4, new CaseMemory(oneCase + oneCase / 2));

    assertThat(results).hasSize(CASES);
    assertThat(reader.opened).hasSize(CASES);
    assertThat(reader.most.get()).as("cases open at once").isEqualTo(1);
  }

  @Test
  void theThreadsRunCasesTogetherWhenTheHeapHoldsThem() {
    CountingReader reader = new CountingReader();

    List<MaskCase> results = run(reader, 4, new CaseMemory(Long.MAX_VALUE / 4));

    assertThat(results).hasSize(CASES);
    assertThat(reader.most.get()).as("cases open at once (the first alone, then up to the threads)").isBetween(2, 4);
  }

  @Test
  void theFirstCaseRunsAloneUntilItsSizeIsKnown() throws InterruptedException {
    CaseMemory memory = new CaseMemory(1000);
    long first = memory.reserve();
    assertThat(first).as("before any case is known, a case takes the whole budget").isEqualTo(1000);
    memory.release(first, 300);
    long a = memory.reserve();
    long b = memory.reserve();
    long c = memory.reserve();
    assertThat(List.of(a, b, c)).containsOnly(300L);
    Thread fourth = new Thread(() -> {
      try {
        memory.reserve();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    fourth.start();
    fourth.join(200);
    assertThat(fourth.isAlive()).as("a fourth case of 300 does not fit in 1000 beside three").isTrue();
    memory.release(a, 300);
    fourth.join(5000);
    assertThat(fourth.isAlive()).as("it starts once one has finished").isFalse();
  }
  /** A budget near Long.MAX_VALUE (a JVM without a heap limit) must not overflow into letting every case in. */
  @Test
  void anUnlimitedBudgetStillLetsTheFirstCaseRunAlone() throws InterruptedException {
    CaseMemory memory = new CaseMemory(Long.MAX_VALUE);
    long first = memory.reserve();
    Thread second = new Thread(() -> {
      try {
        memory.release(memory.reserve(), 1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    second.start();
    second.join(200);
    assertThat(second.isAlive()).as("the second case waits for the first's size").isTrue();
    memory.release(first, 100);
    second.join(5000);
    assertThat(second.isAlive()).isFalse();
  }
}
