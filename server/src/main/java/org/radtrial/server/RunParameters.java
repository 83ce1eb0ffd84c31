package org.radtrial.server;

import java.util.List;
import org.radtrial.run.RunRequest;

/**
 * What a run computes.
 *
 * @param kind evaluation, audit or simulation
 * @param bootstrap bootstrap replicates (0 skips the evaluation's bootstrap)
 * @param seed seed of every random draw
 * @param ciLevel confidence level
 * @param groups metadata columns to audit or to break the simulation down by (the API names at most 20, by default the
 *     dataset's first 20; empty here means every metadata column)
 */
record RunParameters(String kind, int bootstrap, long seed, double ciLevel, List<String> groups) {
  /** The kinds a workspace run can be: the run layer's kinds that read a case table, by their results.json names. */
  static final List<String> KINDS = List.of(RunRequest.Kind.EVALUATION.key(), RunRequest.Kind.AUDIT.key(),
      RunRequest.Kind.SIMULATION.key());

  RunParameters {
    if (!KINDS.contains(kind)) {
      throw HttpError.badRequest("kind '" + kind + "' is not one of " + KINDS);
    }
    if (bootstrap < 0 || bootstrap > 100_000) {
      throw HttpError.badRequest("bootstrap must lie in 0..100000 replicates, was " + bootstrap);
    }
    if (kind.equals("simulation") && bootstrap < 1) {
      throw HttpError.badRequest("a simulation needs at least 1 bootstrap replicate for its intervals");
    }
    if (!(ciLevel > 0.5 && ciLevel < 1)) {
      throw HttpError.badRequest("ci_level must lie in (0.5, 1), for example 0.95; was " + ciLevel);
    }
    groups = groups == null ? List.of() : List.copyOf(groups);
  }
}
