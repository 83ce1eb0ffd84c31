package org.radtrial.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.radtrial.core.audit.AuditResult;
import org.radtrial.core.audit.Auditor;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.GroupColumn;
import org.radtrial.core.evaluate.EvaluationResult;
import org.radtrial.core.evaluate.Evaluator;
import org.radtrial.core.lesions.GroupSensitivity;
import org.radtrial.core.lesions.HeadToHead;
import org.radtrial.core.lesions.LesionAnalysis;
import org.radtrial.core.lesions.LesionResult;
import org.radtrial.core.lesions.LesionStudy;
import org.radtrial.core.mrmc.MrmcAnalysis;
import org.radtrial.core.mrmc.MrmcResult;
import org.radtrial.core.mrmc.ReaderStudy;
import org.radtrial.core.pool.SiteSummary;
import org.radtrial.core.simulate.Constraint;
import org.radtrial.core.simulate.ScreeningExams;
import org.radtrial.core.simulate.SimulationResult;
import org.radtrial.core.simulate.SimulationSpec;
import org.radtrial.core.simulate.Simulator;
import org.radtrial.core.stat.ProgressListener;
import org.radtrial.io.AuditJson;
import org.radtrial.io.CaseTableReader;
import org.radtrial.io.Checksums;
import org.radtrial.io.LesionsJson;
import org.radtrial.io.LocalizationTablesReader;
import org.radtrial.io.LocatedMarksReader;
import org.radtrial.io.MrmcResultsJson;
import org.radtrial.io.Provenance;
import org.radtrial.io.RatingsReader;
import org.radtrial.io.ResultsJson;
import org.radtrial.io.SimulationJson;
import org.radtrial.core.segment.MaskCase;
import org.radtrial.core.segment.SegmentationAnalysis;
import org.radtrial.core.segment.SegmentationResult;
import org.radtrial.io.MaskCases;
import org.radtrial.io.MaskCasesReader;
import org.radtrial.io.SegmentationJson;

/**
 * The one place a run is assembled: read the case table, compute, and build results.json with its
 * provenance. The command line and the workspace both call {@link #run}; neither computes anything
 * itself.
 */
public final class Runner {
  private Runner() {}

  /**
   * Runs a request. Bad input or settings raise {@code CaseTableException} or
   * {@code IllegalArgumentException} with a message a user can act on; nothing is written here.
   */
  public static RunOutcome run(RunRequest request, RunContext context) {
    RunOutcome outcome = compute(request, context);
    StepTimes.step("results tree and the rest of the run");
    return outcome;
  }

  private static RunOutcome compute(RunRequest request, RunContext context) {
    if (request instanceof RunRequest.Evaluate e) {
      return evaluate(e, context);
    }
    if (request instanceof RunRequest.Audit a) {
      return audit(a, context);
    }
    if (request instanceof RunRequest.Simulate s) {
      return simulate(s, context);
    }
    if (request instanceof RunRequest.SiteSummary s) {
      return siteSummary(s, context);
    }
    if (request instanceof RunRequest.Lesions l) {
      return lesions(l, context);
    }
    if (request instanceof RunRequest.LocatedLesions l) {
      return locatedLesions(l, context);
    }
    if (request instanceof RunRequest.Reconstruction r) {
      return ReconstructionRun.run(r, context, provenance(request, context));
    }
    if (request instanceof RunRequest.Masks mask) {
      return masks(mask, context);
    }
    return readerStudy((RunRequest.ReaderStudy) request, context);
  }

  private static RunOutcome.Evaluated evaluate(RunRequest.Evaluate request, RunContext context) {
    CaseTableReader.Checksummed table = readChecksummed(request.input());
    Cohort cohort = table.cohort();
    EvaluationResult result = Evaluator.evaluate(cohort, request.evaluation(), context.progress());
    StepTimes.step("evaluation");
    Provenance provenance = provenance(request, context, table.sha256());
    ObjectNode root = ResultsJson.tree(result, cohort, request.input().spec(), provenance);
    return new RunOutcome.Evaluated(cohort, result, root);
  }

  private static RunOutcome.Audited audit(RunRequest.Audit request, RunContext context) {
    CaseTableReader.Checksummed table = readChecksummed(request.input());
    Cohort cohort = table.cohort();
    EvaluationResult evaluation = Evaluator.evaluate(cohort, request.evaluation(), context.progress());
    StepTimes.step("evaluation");
    Cohort reference = request.compareWith() == null ? null
        : CaseTableReader.read(request.compareWith(), request.input().spec());
    AuditResult audit = Auditor.audit(cohort, request.audit(), evaluation, reference);
    StepTimes.step("audit");
    ObjectNode root = ResultsJson.tree(evaluation, cohort, request.input().spec(), provenance(request, context, table.sha256()));
    return new RunOutcome.Audited(cohort, evaluation, audit, AuditJson.addTo(root, audit));
  }

  private static RunOutcome.Simulated simulate(RunRequest.Simulate request, RunContext context) {
    CaseTableReader.Checksummed table = readChecksummed(request.input());
    Cohort cohort = table.cohort();
    ScreeningExams exams = ScreeningExams.from(cohort, request.roles(), request.programme(), request.input().name());
    List<GroupColumn> groups = new ArrayList<>();
    for (String g : request.groups()) {
      List<String> values = cohort.metadata().get(g);
      if (values == null) {
        throw new IllegalArgumentException("the column '" + g + "' to break the simulation down by was not read from "
            + request.input().name() + "; name it as a metadata column");
      }
      groups.add(GroupColumn.of(g, values, null));
    }
    SimulationSpec given = request.simulation();
    SimulationSpec spec = new SimulationSpec(given.strategies(), given.sweepPoints(), given.thresholds(), given.bootstrap(),
        given.seed(), given.ciLevel(), given.assumption(), given.constraints(), groups);
    SimulationResult result = Simulator.run(exams, request.programme(), spec, context.progress());
    StepTimes.step("simulation");
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("ci_level", spec.ciLevel());
    settings.put("bootstrap_replicates", spec.bootstrap());
    settings.put("seed", spec.seed());
    settings.put("sweep", spec.sweepPoints());
    settings.put("threshold_by", request.roles().calibrateBy());
    settings.put("diagnosis_months", request.roles().diagnosisMonths());
    settings.put("constraints", spec.constraints().isEmpty() ? null
        : spec.constraints().stream().map(Constraint::describe).collect(Collectors.joining(",")));
    return new RunOutcome.Simulated(cohort, result, SimulationJson.tree(result, provenance(request, context, table.sha256()), settings));
  }

  private static RunOutcome.ReaderStudyAnalysed readerStudy(RunRequest.ReaderStudy request, RunContext context) {
    ReaderStudy study = RatingsReader.read(request.ratings(), request.spec());
    MrmcResult result = MrmcAnalysis.analyse(study, request.analysis());
    return new RunOutcome.ReaderStudyAnalysed(result,
        MrmcResultsJson.tree(result, request.spec(), request.format(), provenance(request, context)));
  }

  private static RunOutcome.Summarised siteSummary(RunRequest.SiteSummary request, RunContext context) {
    Cohort cohort = read(request.input());
    EvaluationResult result = Evaluator.evaluate(cohort, request.evaluation(), context.progress());
    List<GroupColumn> groups = new ArrayList<>();
    cohort.metadata().forEach((name, values) -> groups.add(GroupColumn.of(name, values, null)));
    SiteSummary summary = SiteSummary.of(request.site(), cohort, result, groups);
    return new RunOutcome.Summarised(summary, SiteSummaryJson.tree(summary, request, context.version()));
  }

  private static RunOutcome.Localized lesions(RunRequest.Lesions request, RunContext context) {
    LesionStudy study = LocalizationTablesReader.read(request.truth(), request.nl(), request.ll());
    LesionResult result = LesionAnalysis.analyse(study, request.ciLevel());
    String[][] inputs = {
        {request.truth().toString(), Checksums.sha256(request.truth())},
        {request.nl().toString(), Checksums.sha256(request.nl())},
        {request.ll().toString(), Checksums.sha256(request.ll())}};
    Provenance provenance = provenance(request, context, inputs[0][1]);
    ObjectNode tree = LesionsJson.tree(result, "rjafroc", inputs, provenance);
    HeadToHead.Result models = headToHead(study, request.bootstrap(), request.seed(), request.ciLevel(), context.progress());
    if (models != null) {
      LesionsJson.models(tree, models);
    }
    return new RunOutcome.Localized(result, models, tree);
  }

  private static RunOutcome.Localized locatedLesions(RunRequest.LocatedLesions request, RunContext context) {
    LocatedMarksReader.Located located = LocatedMarksReader.read(request.truth(), request.marks(), request.criterion());
    LesionResult result = LesionAnalysis.analyse(located.study(), request.ciLevel());
    String[][] inputs = {
        {request.truth().toString(), Checksums.sha256(request.truth())},
        {request.marks().toString(), Checksums.sha256(request.marks())}};
    Provenance provenance = provenance(request, context, inputs[0][1]);
    ObjectNode tree = LesionsJson.tree(result, "located", inputs, provenance);
    LesionsJson.matching(tree, request.criterion(), located.secondMarks());
    HeadToHead.Result models = headToHead(located.study(), request.bootstrap(), request.seed(), request.ciLevel(),
        context.progress());
    if (models != null) {
      LesionsJson.models(tree, models);
    }
    LesionStudy study = located.study();
    for (int j = 0; j < study.readers().size(); j++) {
      if (located.sizeClasses() != null) {
        LesionsJson.groups(tree, study.readers().get(j), "size", GroupSensitivity.of(study.truth(), study.reading(0, j),
            located.sizeClasses(), request.bootstrap(), request.seed(), request.ciLevel()));
      }
      if (located.types() != null) {
        LesionsJson.groups(tree, study.readers().get(j), "type", GroupSensitivity.of(study.truth(), study.reading(0, j),
            located.types(), request.bootstrap(), request.seed(), request.ciLevel()));
      }
    }
    return new RunOutcome.Localized(result, models, tree);
  }

  /** With one modality, its readers are models: bootstrap intervals and every pair head-to-head. */
  private static HeadToHead.Result headToHead(LesionStudy study, int bootstrap, long seed, double level,
      ProgressListener progress) {
    return study.modalities().size() == 1 ? HeadToHead.compare(study, bootstrap, seed, level, progress) : null;
  }

  private static Cohort read(CaseInput input) {
    return CaseTableReader.read(input.file(), input.spec());
  }

  /** The table and its file's SHA-256, hashed while it is read. */
  private static CaseTableReader.Checksummed readChecksummed(CaseInput input) {
    CaseTableReader.Checksummed table = CaseTableReader.readChecksummed(input.file(), input.spec());
    StepTimes.step("read, check and checksum the table");
    return table;
  }

  private static Provenance provenance(RunRequest request, RunContext context) {
    return provenance(request, context, Checksums.sha256(request.inputFile()));
  }

  /** Provenance with the input's checksum already computed (lesion runs hash every table they read). */
  private static Provenance provenance(RunRequest request, RunContext context, String inputSha256) {
    return new Provenance(context.version(), request.inputName(), inputSha256, request.seed(),
        context.invocation(), System.getProperty("java.version"), Instant.now().toString());
  }


  private static RunOutcome.Segmented masks(RunRequest.Masks request, RunContext context) {
    MaskCases table = MaskCasesReader.read(request.cases(), request.id(), request.reference(), request.models(),
        request.pet(), request.series(), request.groups());
    List<MaskCase> cases = MaskRun.compare(table, request, context.progress());
    List<Integer> labels = request.labels().isEmpty() ? List.of(1) : request.labels();
    SegmentationResult result = SegmentationAnalysis.analyse(request.models(), labels, request.toleranceMm(),
        request.groups(), cases, request.bootstrap(), request.seed(), request.ciLevel());
    String sha = Checksums.sha256(request.cases());
    List<String[]> inputs = new ArrayList<>();
    inputs.add(new String[] {request.cases().toString(), sha});
    java.util.Set<Path> images = new java.util.LinkedHashSet<>();
    for (MaskCases.Case c : table.cases()) {
      images.add(c.reference());
      images.addAll(c.models());
      if (c.pet() != null) {
        images.add(c.pet());
      }
      if (c.series() != null) {
        images.add(c.series());
      }
    }
    images.forEach(image -> inputs.add(new String[] {image.toString(), Checksums.sha256OfFileOrFolder(image)}));
    ObjectNode tree = SegmentationJson.tree(result, inputs.toArray(new String[0][]), provenance(request, context, sha));
    return new RunOutcome.Segmented(result, tree);
  }
}
