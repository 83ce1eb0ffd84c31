package org.radtrial.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.audit.AuditResult;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.evaluate.EvaluationResult;
import org.radtrial.core.lesions.HeadToHead;
import org.radtrial.core.lesions.LesionResult;
import org.radtrial.core.mrmc.MrmcResult;
import org.radtrial.core.recon.Savings;
import org.radtrial.core.simulate.SimulationResult;
import org.radtrial.io.ReconstructionJson;
import org.radtrial.io.ResultsJson;
import org.radtrial.report.Report;

/**
 * What a run produced: the typed results (for a console summary) and the results.json tree, whose
 * text and report are what the CLI writes to its folder and the workspace stores.
 */
public sealed interface RunOutcome {
  /** The results.json tree. */
  ObjectNode results();

  /** results.json as written: the same text for the command line and the workspace. */
  default String resultsText() {
    return ResultsJson.text(results());
  }

  /**
   * The report of {@link #resultsText()}, rendered from that text read back, so that it is byte for
   * byte what {@code radtrial report} gives for the written file.
   */
  default String reportHtml() {
    return report(resultsText());
  }

  /** The report of a results.json text: what the workspace shows for a finished run. */
  static String report(String resultsJson) {
    try {
      JsonNode tree = Report.parse(resultsJson);
      return Report.render(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a results.json: " + e.getOriginalMessage(), e);
    }
  }

  /** An evaluation's outcome. */
  record Evaluated(Cohort cohort, EvaluationResult evaluation, ObjectNode results) implements RunOutcome {}

  /** An audit's outcome: the evaluation it starts with and the audit. */
  record Audited(Cohort cohort, EvaluationResult evaluation, AuditResult audit, ObjectNode results) implements RunOutcome {}

  /** A reader study's outcome. */
  record ReaderStudyAnalysed(MrmcResult analysis, ObjectNode results) implements RunOutcome {}

  /** A site summary: aggregates only, written as OUT/site-summary.json (no results.json, no report). */
  record Summarised(org.radtrial.core.pool.SiteSummary summary, ObjectNode results) implements RunOutcome {
    @Override
    public String resultsText() {
      return SiteSummaryJson.text(results);
    }

    /** A site summary has no report: it is not a results.json. */
    @Override
    public String reportHtml() {
      throw new IllegalStateException("a site summary has no report; pool the summaries with radtrial pool");
    }
  }

  /**
   * A lesion-level analysis's outcome ({@code radtrial lesions}); {@code models} is the head-to-head of a
   * one-modality study's readers (models), else null.
   */
  record Localized(LesionResult lesions, HeadToHead.Result models, ObjectNode results) implements RunOutcome {}

  /** A segmentation study's outcome ({@code radtrial masks}). */
  record Segmented(org.radtrial.core.segment.SegmentationResult segmentation, ObjectNode results) implements RunOutcome {}

  /** A virtual trial's outcome. */
  record Simulated(Cohort cohort, SimulationResult simulation, ObjectNode results) implements RunOutcome {}

  /** A reconstruction comparison's outcome ({@code radtrial recon}). */
  record Reconstructed(List<String> methods, List<ReconstructionJson.CaseResult> cases, Savings.@Nullable Result savings,
      ObjectNode results) implements RunOutcome {}
}
