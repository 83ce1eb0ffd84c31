package org.radtrial.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.radtrial.core.audit.AuditSpec;
import org.radtrial.core.evaluate.EvaluationSpec;
import org.radtrial.core.lesions.MatchCriterion;
import org.radtrial.core.simulate.Programme;
import org.radtrial.core.simulate.ScreeningRoles;
import org.radtrial.core.simulate.SimulationSpec;

/**
 * What one run computes, complete and checked: the command line and the web form each build one
 * and hand it to {@link Runner}, so a run is assembled in one place only. Adding a capability means
 * adding one request type here and one case to {@link Runner#run}.
 */
public sealed interface RunRequest {
  /**
   * The case table the run reads. A {@link Lesions} run reads three tables instead (its truth, NL and LL
   * files) and has no case table: it throws {@code IllegalStateException}.
   */
  CaseInput input();

  /** The seed of every random stream of the run, written to provenance. */
  long seed();

  /** The run's kind as results.json and the workspace name it. */
  Kind kind();

  /**
   * The kinds of run, with the name each has in results.json and in the workspace's run list. Lesions
   * runs are made on the command line only, so far: {@link #keys()} and {@link #of} leave them out.
   */
  enum Kind {
    EVALUATION("evaluation", true),
    AUDIT("audit", true),
    SIMULATION("simulation", true),
    LESIONS("lesions", false);

    private final String key;
    private final boolean inWorkspace;

    Kind(String key, boolean inWorkspace) {
      this.key = key;
      this.inWorkspace = inWorkspace;
    }

    public String key() {
      return key;
    }

    /** The kind with this key; {@code IllegalArgumentException} naming the keys otherwise. */
    public static Kind of(String key) {
      for (Kind k : values()) {
        if (k.inWorkspace && k.key.equals(key)) {
          return k;
        }
      }
      throw new IllegalArgumentException("kind '" + key + "' is not one of " + keys());
    }

    /** The keys of the kinds the workspace offers. */
    public static List<String> keys() {
      return java.util.Arrays.stream(values()).filter(k -> k.inWorkspace).map(Kind::key).toList();
    }
  }

  /** Every model on the same cases, head-to-head ({@code radtrial evaluate}). */
  record Evaluate(CaseInput input, EvaluationSpec evaluation) implements RunRequest {
    public Evaluate {
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(evaluation, "evaluation");
    }

    @Override
    public long seed() {
      return evaluation.seed();
    }

    @Override
    public Kind kind() {
      return Kind.EVALUATION;
    }
  }

  /**
   * The evaluation, then every model audited at its deployed threshold ({@code radtrial audit}).
   *
   * @param compareWith a reference case table with the same columns to measure shift from, or null
   */
  record Audit(CaseInput input, EvaluationSpec evaluation, AuditSpec audit, Path compareWith) implements RunRequest {
    public Audit {
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(evaluation, "evaluation");
      Objects.requireNonNull(audit, "audit");
    }

    @Override
    public long seed() {
      return evaluation.seed();
    }

    @Override
    public Kind kind() {
      return Kind.AUDIT;
    }
  }

  /**
   * A virtual trial of every deployment role ({@code radtrial simulate}).
   *
   * @param simulation what to compute; its group columns are filled in from {@code groups} once the
   *     table is read
   * @param groups metadata columns whose levels get their own effects
   */
  record Simulate(CaseInput input, Programme programme, ScreeningRoles roles, SimulationSpec simulation, List<String> groups)
      implements RunRequest {
    public Simulate {
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(programme, "programme");
      Objects.requireNonNull(roles, "roles");
      Objects.requireNonNull(simulation, "simulation");
      groups = List.copyOf(groups);
    }

    @Override
    public long seed() {
      return simulation.seed();
    }

    @Override
    public Kind kind() {
      return Kind.SIMULATION;
    }
  }

  /**
   * Lesion-level evidence from already-classified free-response marks in RJafroc's layout
   * ({@code radtrial lesions}): every figure of merit of every reader in every modality, and the
   * Obuchowski-Rockette analysis of wAFROC when there are at least two of each.
   *
   * @param truth the truth table (case_id, lesion_id, weight)
   * @param nl the non-lesion localizations (reader, modality, case_id, rating)
   * @param ll the lesion localizations (reader, modality, case_id, lesion_id, rating)
   * @param ciLevel the confidence level of every interval
   * @param bootstrap bootstrap replicates for the models' head-to-head (one modality), ≥ 100
   * @param seed the seed of the bootstrap's case draws
   */
  record Lesions(Path truth, Path nl, Path ll, double ciLevel, int bootstrap, long seed) implements RunRequest {
    public Lesions {
      Objects.requireNonNull(truth, "truth");
      Objects.requireNonNull(nl, "nl");
      Objects.requireNonNull(ll, "ll");
      if (!(ciLevel > 0 && ciLevel < 1)) {
        throw new IllegalArgumentException("the confidence level must lie in (0, 1), was " + ciLevel);
      }
    }

    @Override
    public CaseInput input() {
      throw new IllegalStateException("a lesions run reads three tables (truth, NL, LL), not a case table");
    }

    @Override
    public Kind kind() {
      return Kind.LESIONS;
    }
  }

  /**
   * Lesion-level evidence from located marks of one or more models ({@code radtrial lesions --marks}):
   * each model's marks matched to the located lesions by {@code criterion} (LUNA16's rule for several
   * marks on one lesion), then every figure of merit per model.
   *
   * @param truth lesions with locations (case_id, lesion_id, x, y[, z], radius or diameter, or a box)
   * @param marks marks (model, case_id, x, y[, z], confidence[, box])
   * @param criterion when a mark localizes a lesion
   * @param ciLevel the confidence level of every interval
   * @param bootstrap bootstrap replicates, ≥ 100
   * @param seed the seed of the bootstrap's case draws
   */
  record LocatedLesions(Path truth, Path marks, MatchCriterion criterion, double ciLevel, int bootstrap, long seed)
      implements RunRequest {
    public LocatedLesions {
      Objects.requireNonNull(truth, "truth");
      Objects.requireNonNull(marks, "marks");
      Objects.requireNonNull(criterion, "criterion");
      if (!(ciLevel > 0 && ciLevel < 1)) {
        throw new IllegalArgumentException("the confidence level must lie in (0, 1), was " + ciLevel);
      }
    }

    @Override
    public CaseInput input() {
      throw new IllegalStateException("a lesions run reads a truth table and a marks table, not a case table");
    }

    @Override
    public Kind kind() {
      return Kind.LESIONS;
    }
  }
}
