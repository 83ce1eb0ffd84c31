package org.radtrial.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.radtrial.server.Studies.Dataset;

/**
 * What a run may ask for before it is queued: which metadata columns it breaks down by, and a
 * memory estimate from the upload's size that must fit the server's heap.
 */
final class RunBudget {
  private RunBudget() {}

  /**
   * The groups of a run: those named (each must be a metadata column of the dataset, at most
   * {@link Limits#GROUPS}), or, when none is named, the dataset's first {@link Limits#GROUPS}
   * metadata columns rather than all of them.
   */
  static List<String> groups(Dataset dataset, List<String> named) {
    List<String> metadata = dataset.spec().metadata();
    if (named.isEmpty()) {
      return List.copyOf(metadata.subList(0, Math.min(Limits.GROUPS, metadata.size())));
    }
    if (named.size() > Limits.GROUPS) {
      throw HttpError.badRequest("groups: at most " + Limits.GROUPS + " metadata columns per run, got " + named.size());
    }
    java.util.Set<String> known = new java.util.HashSet<>(metadata);
    List<String> out = new ArrayList<>();
    for (String g : named) {
      if (!known.contains(g)) {
        throw HttpError.badRequest("groups: '" + Limits.clip(g, 100) + "' is not a metadata column of dataset " + dataset.id());
      }
      out.add(g);
    }
    return out;
  }

  /**
   * Refuses (413) a run whose estimate exceeds half the heap. The estimate: the cohort's cells
   * (cases times columns read, 64 bytes each with strings and boxing), times 4 for the working
   * copies of an audit's partitions, plus the bootstrap's replicate arrays (models times replicates
   * times 8 bytes, times 4 metrics).
   */
  static void require(Dataset dataset, RunParameters p, long heapBytes) {
    long estimate = estimate(dataset, p);
    if (estimate > heapBytes / 2) {
      throw new HttpError(413, String.format(Locale.ROOT, "this run would need about %d MiB but the server allows a run"
          + " %d MiB (half its heap); audit fewer groups, use fewer bootstrap replicates, or start the server with more"
          + " memory (-Xmx)", estimate >> 20, (heapBytes / 2) >> 20));
    }
  }

  static long estimate(Dataset dataset, RunParameters p) {
    DatasetSpec s = dataset.spec();
    long columns = 2L + s.models().size() + s.readers().size() + (s.arbitration() == null ? 0 : 1) + p.groups().size();
    long cohort = (long) dataset.cases() * columns * 64;
    long factor = p.kind().equals("evaluation") ? 2 : 4;
    long bootstrap = (long) p.bootstrap() * s.models().size() * 8 * 4;
    return cohort * factor + bootstrap;
  }
}
