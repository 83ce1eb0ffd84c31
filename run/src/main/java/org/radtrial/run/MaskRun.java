package org.radtrial.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;
import org.radtrial.core.segment.MaskCase;
import org.radtrial.core.segment.MaskComparison;
import org.radtrial.core.segment.PetQuantities;
import org.radtrial.core.segment.SegmentationMetrics;
import org.radtrial.core.stat.ProgressListener;
import org.radtrial.io.MaskCases;

/**
 * Reads every case's masks and compares them, {@code threads} cases at a time at most (each holds
 * its reference, one model's mask and the PET volume at once, so memory stays bounded by the
 * threads, not the cases), and fewer when the heap cannot hold that many ({@link CaseMemory}). Every problem of a case stops the run with one line naming the case, the file
 * and what is wrong: a mask on another grid than its reference (and what differs), a mask that is
 * not binary when no label was chosen, a PET volume on another grid.
 */
final class MaskRun {
  private MaskRun() {}

  /** Every case's results, one per case and label, in the table's order then the labels'. */
  static List<MaskCase> compare(MaskCases table, RunRequest.Masks request, ProgressListener progress) {
    return compare(table, request, progress, CaseMemory.ofHeap());
  }

  /** As {@link #compare(MaskCases, RunRequest.Masks, ProgressListener)}, with cases started only as {@code memory} allows. */
  static List<MaskCase> compare(MaskCases table, RunRequest.Masks request, ProgressListener progress, CaseMemory memory) {
    List<MaskCases.Case> cases = table.cases();
    AtomicLong done = new AtomicLong();
    progress.progress(0, cases.size());
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(request.threads(), cases.size()), r -> {
      Thread t = new Thread(r, "radtrial-masks");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<List<MaskCase>>> futures = new ArrayList<>();
      for (MaskCases.Case c : cases) {
        futures.add(pool.submit(() -> {
          long[] voxels = new long[1];
          long reservation = memory.reserve();
          try {
            List<MaskCase> out = one(table, c, request, voxels);
            progress.progress(done.incrementAndGet(), cases.size());
            return out;
          } finally {
            memory.release(reservation, voxels[0] * CaseMemory.BYTES_PER_VOXEL);
          }
        }));
      }
      List<MaskCase> out = new ArrayList<>();
      for (Future<List<MaskCase>> f : futures) {
        out.addAll(f.get());
      }
      return out;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while comparing masks", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One case's results; {@code voxels[0]} is set to its image's size as soon as that is known. */
  private static List<MaskCase> one(MaskCases table, MaskCases.Case c, RunRequest.Masks request, long[] voxels) {
    List<Integer> labels = request.labels().isEmpty() ? List.of(1) : request.labels();
    boolean binary = request.labels().isEmpty();
    Volume reference = read(request, c, c.reference(), request.reference(), binary);
    voxels[0] = reference.grid().size();
    Volume pet = null;
    if (c.pet() != null) {
      try {
        pet = request.images().pet(c.pet());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where(request, c, request.pet()) + ": " + e.getMessage(), e);
      }
    }
    if (pet != null) {
      sameGrid(c, request.pet(), c.pet(), reference.grid(), pet.grid(), c.reference());
    }
    List<List<SegmentationMetrics>> metrics = new ArrayList<>();
    List<List<PetQuantities>> uptake = new ArrayList<>();
    for (int l = 0; l < labels.size(); l++) {
      metrics.add(new ArrayList<>());
      uptake.add(new ArrayList<>());
    }
    for (int m = 0; m < table.models().size(); m++) {
      String model = table.models().get(m);
      Path file = c.models().get(m);
      Volume prediction = read(request, c, file, model, binary);
      sameGrid(c, model, file, reference.grid(), prediction.grid(), c.reference());
      for (int l = 0; l < labels.size(); l++) {
        metrics.get(l).add(MaskComparison.compare(reference, prediction, labels.get(l), request.toleranceMm()));
        if (pet != null) {
          uptake.get(l).add(PetQuantities.of(pet, prediction, labels.get(l)));
        }
      }
    }
    List<MaskCase> out = new ArrayList<>();
    for (int l = 0; l < labels.size(); l++) {
      PetQuantities referencePet = pet == null ? null : PetQuantities.of(pet, reference, labels.get(l));
      out.add(new MaskCase(c.id(), c.groups(), labels.get(l), metrics.get(l), referencePet, uptake.get(l)));
    }
    return out;
  }

  private static Volume read(RunRequest.Masks request, MaskCases.Case c, Path file, String column, boolean binary) {
    Volume v;
    try {
      v = request.images().mask(file, c.series());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where(request, c, column) + ": " + e.getMessage(), e);
    }
    if (!v.grid().orthogonal()) {
      throw new IllegalArgumentException(where(request, c, column) + ": " + file + " lies on a sheared grid (axes not"
          + " perpendicular, as a tilted CT gantry gives): distances, surfaces and volumes need perpendicular axes;"
          + " resample it onto a regular grid first");
    }
    if (!binary) {
      float[] x = v.voxels();
      for (int i = 0; i < x.length; i++) {
        if (x[i] != Math.rint(x[i])) {
          Grid g = v.grid();
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "%s: %s holds %s at voxel (%d, %d, %d), not a label; with --label the masks must hold whole numbers"
                  + " (a probability map or a resampled mask must be thresholded first)",
              where(request, c, column), file, stripped(x[i]), i % g.nx(), (i / g.nx()) % g.ny(), i / (g.nx() * g.ny())));
        }
      }
    }
    if (binary) {
      float[] x = v.voxels();
      for (int i = 0; i < x.length; i++) {
        if (x[i] != 0f && x[i] != 1f) {
          Grid g = v.grid();
          int a = i % g.nx();
          int b = (i / g.nx()) % g.ny();
          int k = i / (g.nx() * g.ny());
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "%s: %s is not a binary mask: value %s at voxel (%d, %d, %d); pick the labels to compare with --label N",
              where(request, c, column), file, stripped(x[i]), a, b, k));
        }
      }
    }
    return v;
  }

  private static void sameGrid(MaskCases.Case c, String column, Path file, Grid reference, Grid other, Path referenceFile) {
    List<String> differences = reference.differencesFrom(other);
    if (!differences.isEmpty()) {
      throw new IllegalArgumentException("case '" + c.id() + "' (row " + c.row() + "), column '" + column + "': " + file
          + " lies on another grid than the reference " + referenceFile + ": " + String.join("; ", differences)
          + " (resample it onto the reference's grid first)");
    }
  }

  private static String where(RunRequest.Masks request, MaskCases.Case c, String column) {
    return request.cases() + ", case '" + c.id() + "' (row " + c.row() + "), column '" + column + "'";
  }

  private static String stripped(float v) {
    return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Float.toString(v);
  }

  /** The image's diagonal, for messages: the worst distance a missed structure counts as. */
  static double diagonal(Grid g) {
    return MaskComparison.diagonalMm(g);
  }
}
