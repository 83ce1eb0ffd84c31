package org.radtrial.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.audit.AuditSpec;
import org.radtrial.core.evaluate.EvaluationSpec;
import org.radtrial.core.lesions.MatchCriterion;
import org.radtrial.core.mrmc.MrmcSpec;
import org.radtrial.core.simulate.Programme;
import org.radtrial.core.simulate.ScreeningRoles;
import org.radtrial.core.simulate.SimulationSpec;
import org.radtrial.io.RatingsFormat;
import org.radtrial.io.RatingsSpec;
import org.radtrial.io.image.ImageReader;

/**
 * What one run computes, complete and checked: the command line and the web form each build one
 * and hand it to {@link Runner}, so a run is assembled in one place only. Adding a capability means
 * adding one request type here and one case to {@link Runner#run}.
 */
public sealed interface RunRequest {
  /** The file the run reads (a case table, or a reader study's ratings). */
  Path inputFile();

  /** That file as its user knows it: shown in provenance and in messages. */
  String inputName();

  /** The seed of every random stream of the run, written to provenance. */
  long seed();

  /** The run's kind as results.json and the workspace name it. */
  Kind kind();

  /**
   * The kinds of run, with the name each has in results.json and the workspace's run list. Site
   * summaries, reader studies and lesion-level runs are made on the command line only: {@link #keys()}
   * and {@link #of} leave them out.
   */
  enum Kind {
    EVALUATION("evaluation", true),
    AUDIT("audit", true),
    SIMULATION("simulation", true),
    READER_STUDY("mrmc", false),
    SITE_SUMMARY("site-summary", false),
    LESIONS("lesions", false),
    RECONSTRUCTION("reconstruction", false),
    SEGMENTATION("segmentation", false);

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

    /** The keys of the kinds the workspace runs. */
    public static List<String> keys() {
      return java.util.Arrays.stream(values()).filter(k -> k.inWorkspace).map(Kind::key).toList();
    }
  }

  /** A request that reads a case table: its file and name come from the table's {@link CaseInput}. */
  sealed interface OnCaseTable extends RunRequest {
    /** The case table and the roles of its columns. */
    CaseInput input();

    @Override
    default Path inputFile() {
      return input().file();
    }

    @Override
    default String inputName() {
      return input().name();
    }
  }

  /** Every model on the same cases, head-to-head ({@code radtrial evaluate}). */
  record Evaluate(CaseInput input, EvaluationSpec evaluation) implements OnCaseTable {
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
  record Audit(CaseInput input, EvaluationSpec evaluation, AuditSpec audit, Path compareWith) implements OnCaseTable {
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
      implements OnCaseTable {
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
   * A multi-reader multi-case reader study ({@code radtrial mrmc}). No random draws: provenance
   * records seed 0.
   *
   * @param ratings the ratings file
   * @param name the file as its user knows it
   * @param spec its columns and conventions
   * @param format how it is laid out (table, iMRMC, LRC)
   * @param analysis what to compute
   */
  record ReaderStudy(Path ratings, String name, RatingsSpec spec, RatingsFormat format, MrmcSpec analysis)
      implements RunRequest {
    public ReaderStudy {
      Objects.requireNonNull(ratings, "ratings");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(spec, "spec");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(analysis, "analysis");
    }

    @Override
    public Path inputFile() {
      return ratings;
    }

    @Override
    public String inputName() {
      return name;
    }

    @Override
    public long seed() {
      return 0;
    }

    @Override
    public Kind kind() {
      return Kind.READER_STUDY;
    }
  }

  /**
   * The evaluation reduced to what a site may share with a consortium ({@code radtrial
   * site-summary}): aggregates only, see {@code SiteSummaryJson} and docs/pooling.md.
   *
   * @param site the site's name
   * @param smallCell counts of subgroup cells below this are written as "&lt;k"
   * @param exactSmallCells the site opts in to writing small counts exactly
   */
  record SiteSummary(CaseInput input, EvaluationSpec evaluation, String site, int smallCell, boolean exactSmallCells)
      implements OnCaseTable {
    public SiteSummary {
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(evaluation, "evaluation");
      Objects.requireNonNull(site, "site");
      if (site.isBlank()) {
        throw new IllegalArgumentException("--site needs a name, for example --site hospital-a");
      }
      if (smallCell < 1) {
        throw new IllegalArgumentException("--small-cell must be 1 or more, was " + smallCell);
      }
    }

    @Override
    public long seed() {
      return evaluation.seed();
    }

    @Override
    public Kind kind() {
      return Kind.SITE_SUMMARY;
    }
  }

  /** A request on a table of image cases (reconstructions, masks): provenance names and hashes that table. */
  sealed interface OnImageCases extends RunRequest {
    /** The case table, one row per case with its image files. */
    Path cases();

    @Override
    default Path inputFile() {
      return cases();
    }

    @Override
    default String inputName() {
      return cases().toString();
    }
  }

  /**
   * A lesion-level request: it reads a lesion truth table beside its marks. Provenance names and
   * hashes the truth; results.json's settings.inputs lists every table with its checksum.
   */
  sealed interface OnLesionTruth extends RunRequest {
    /** The lesion truth table. */
    Path truth();

    @Override
    default Path inputFile() {
      return truth();
    }

    @Override
    default String inputName() {
      return truth().toString();
    }

    @Override
    default Kind kind() {
      return Kind.LESIONS;
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
  record Lesions(Path truth, Path nl, Path ll, double ciLevel, int bootstrap, long seed) implements OnLesionTruth {
    public Lesions {
      Objects.requireNonNull(truth, "truth");
      Objects.requireNonNull(nl, "nl");
      Objects.requireNonNull(ll, "ll");
      if (!(ciLevel > 0 && ciLevel < 1)) {
        throw new IllegalArgumentException("the confidence level must lie in (0, 1), was " + ciLevel);
      }
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
      implements OnLesionTruth {
    public LocatedLesions {
      Objects.requireNonNull(truth, "truth");
      Objects.requireNonNull(marks, "marks");
      Objects.requireNonNull(criterion, "criterion");
      if (!(ciLevel > 0 && ciLevel < 1)) {
        throw new IllegalArgumentException("the confidence level must lie in (0, 1), was " + ciLevel);
      }
    }

  }

  /**
   * Reconstruction fidelity ({@code radtrial recon}): each case's reference image against each
   * method's, by fastMRI's conventions, within lesion regions where given, with what each protocol
   * saves, and the methods head-to-head.
   *
   * @param cases the case table (one row per case)
   * @param idColumn the case id's column
   * @param referenceColumn the reference image's column
   * @param methodColumns each candidate method's image column, at least one
   * @param regionsColumn the column of each case's regions of interest (box table or label mask), or null
   * @param savings the table of what each exam of each protocol costs, or null
   * @param scannerKw the scanner's mean power while scanning (kW) for energy figures, or NaN
   * @param worstCases how many of each method's worst cases get thumbnails in the report
   * @param threads cases read and compared at once
   * @param ciLevel the confidence level of every interval
   * @param bootstrap bootstrap replicates of the head-to-head, ≥ 100
   * @param seed the seed of the bootstrap's case draws
   */
  record Reconstruction(Path cases, String idColumn, String referenceColumn, List<String> methodColumns,
      @Nullable String regionsColumn, @Nullable Path savings, double scannerKw, int worstCases, int threads, double ciLevel,
      int bootstrap, long seed) implements OnImageCases {
    public Reconstruction {
      Objects.requireNonNull(cases, "cases");
      methodColumns = List.copyOf(methodColumns);
      if (methodColumns.isEmpty()) {
        throw new IllegalArgumentException("name at least one method's image column (--methods)");
      }
      if (new java.util.HashSet<>(methodColumns).size() < methodColumns.size() || methodColumns.contains(referenceColumn)) {
        throw new IllegalArgumentException("the reference and method columns must all differ, were " + referenceColumn
            + " and " + methodColumns);
      }
      if (!(ciLevel > 0 && ciLevel < 1)) {
        throw new IllegalArgumentException("the confidence level must lie in (0, 1), was " + ciLevel);
      }
      if (bootstrap < 100) {
        throw new IllegalArgumentException("use at least 100 bootstrap replicates, was " + bootstrap);
      }
      if (threads < 1 || worstCases < 0) {
        throw new IllegalArgumentException("threads must be at least 1 and worst cases at least 0");
      }
      if (!Double.isNaN(scannerKw) && !(scannerKw > 0)) {
        throw new IllegalArgumentException("the scanner's power must be a positive number of kW, was " + scannerKw);
      }
    }

    @Override
    public Kind kind() {
      return Kind.RECONSTRUCTION;
    }
  }

  /**
   * Segmentations against their reference, case by case ({@code radtrial masks}): overlap, boundary
   * and volume metrics per model and label, PET uptake when a PET column is named, the models
   * head-to-head, agreement of the volumes (and SUVs) with the reference's, and subgroups.
   *
   * @param cases the case table
   * @param id the case id column
   * @param reference the reference masks' column
   * @param models the models' columns
   * @param pet the PET column (a DICOM PET series, or NIfTI in Bq/mL with its JSON sidecar), or null
   * @param series the column of the DICOM series that SEG masks are placed on, or null
   * @param groups group columns for the subgroup breakdown
   * @param labels the labels to compare; empty for binary masks (label 1, every other value refused)
   * @param toleranceMm the normalized surface Dice's tolerance
   * @param ciLevel the confidence level of every interval
   * @param bootstrap bootstrap replicates (at least 100)
   * @param seed the seed of the bootstrap's case draws
   * @param threads cases read and compared at once
   * @param images how mask and PET files are read
   */
  record Masks(Path cases, String id, String reference, List<String> models, String pet, String series, List<String> groups,
      List<Integer> labels, double toleranceMm, double ciLevel, int bootstrap, long seed, int threads, ImageReader images)
      implements OnImageCases {
    public Masks {
      Objects.requireNonNull(cases, "cases");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(images, "images");
      models = List.copyOf(models);
      groups = List.copyOf(groups);
      labels = List.copyOf(labels);
      if (models.isEmpty()) {
        throw new IllegalArgumentException("name at least one model's mask column with --models");
      }
      if (!(toleranceMm >= 0) || Double.isInfinite(toleranceMm)) {
        throw new IllegalArgumentException("--tolerance must be a finite number of mm >= 0, was " + toleranceMm);
      }
      if (!(ciLevel > 0 && ciLevel < 1)) {
        throw new IllegalArgumentException("the confidence level must lie in (0, 1), was " + ciLevel);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("--threads must be 1 or more, was " + threads);
      }
      for (int label : labels) {
        if (label < 1) {
          throw new IllegalArgumentException("--label takes labels of 1 or more (0 is the background), found " + label);
        }
      }
    }

    @Override
    public Kind kind() {
      return Kind.SEGMENTATION;
    }
  }
}
