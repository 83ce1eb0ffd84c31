package org.radtrial.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radtrial.core.image.Volume;
import org.radtrial.core.paired.Direction;
import org.radtrial.core.paired.PairedComparison;
import org.radtrial.core.paired.PairedComparisonResult;
import org.radtrial.core.recon.Comparison;
import org.radtrial.core.recon.ExamCost;
import org.radtrial.core.recon.Fidelity;
import org.radtrial.core.recon.FidelityMetric;
import org.radtrial.core.recon.Regions;
import org.radtrial.core.recon.Savings;
import org.radtrial.core.synth.ReconPhantom;

/**
 * The "reconstruction" section written (and validated against docs/results-schema.json by
 * ResultsSchemaCheck, which sees every results.json text in tests) and read back: every per-case
 * metric, the head-to-head and the savings survive the trip; a missing key is named by its pointer.
 */
class ReconstructionRoundTripTest {
  private static final List<String> METHODS = List.of("fast", "ai_smooth", "ai_drift");

  @Test
  void everyNumberSurvivesTheTrip() throws Exception {
    List<ReconstructionJson.CaseResult> cases = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      ReconPhantom.Case p = ReconPhantom.generate("p" + c, 48, 48, 6, c, c != 3);
      Regions regions = Regions.fromBoxes(p.images().get(0).grid(), p.lesionBoxes(), List.of(p.uniform()));
      List<Comparison> comparisons = Fidelity.compare(p.images().get(0), p.images().subList(1, 4), regions);
      cases.add(new ReconstructionJson.CaseResult(p.id(), Fidelity.contrast(p.images().get(0), regions), comparisons));
    }
    Volume ref = ReconPhantom.generate("x", 48, 48, 6, 9).images().get(0);
    Thumbnails.Slice slice = Thumbnails.slice(ref.voxels(), 48, 48, 2);
    List<ReconstructionJson.WorstCase> worst = List.of(new ReconstructionJson.WorstCase("ai_smooth", "p0",
        "lowest_region_ssim", 0.4, 2, Thumbnails.png(slice, 0, 160), Thumbnails.png(slice, 0, 160),
        Thumbnails.difference(slice, slice, 160)));
    ExamCost standard = new ExamCost(20, Double.NaN, Double.NaN, Double.NaN);
    ExamCost fast = new ExamCost(6, Double.NaN, Double.NaN, Double.NaN);
    ExamCost[][] costs = new ExamCost[4][];
    for (int c = 0; c < 4; c++) {
      costs[c] = new ExamCost[] {standard, fast, fast, fast};
    }
    Savings.Result savings = Savings.of(List.of("reference", "fast", "ai_smooth", "ai_drift"), costs, 30);
    ObjectNode tree = ReconstructionJson.tree("reference", METHODS, "roi", cases, worst, savings, "table", 0.95,
        new String[][] {{"cases.csv", "0".repeat(64)}}, TestProvenance.of(11));
    for (FidelityMetric f : List.of(FidelityMetric.SSIM, FidelityMetric.LESION_SSIM)) {
      double[][] values = new double[3][4];
      for (int j = 0; j < 3; j++) {
        for (int c = 0; c < 4; c++) {
          values[j][c] = f.of(cases.get(c).methods().get(j));
        }
      }
      PairedComparisonResult h = PairedComparison.compare(METHODS, values, Direction.HIGHER_IS_BETTER, 200, 11, 0.95);
      ReconstructionJson.headToHead(tree, f, h);
    }
    String text = ResultsJson.text(tree);
    ReconstructionResults back = ReconstructionReader.read(new ObjectMapper().readTree(text));
    assertThat(back.methods()).isEqualTo(METHODS);
    assertThat(back.cases()).isEqualTo(4);
    assertThat(back.perCase()).hasSize(4);
    for (int c = 0; c < 4; c++) {
      for (int j = 0; j < 3; j++) {
        Comparison original = cases.get(c).methods().get(j);
        for (FidelityMetric f : FidelityMetric.values()) {
          double v = f.of(original);
          double read = back.perCase().get(c).byMethod().get(METHODS.get(j)).get(f.key());
          if (Double.isFinite(v)) {
            assertThat(read).as(f.key()).isEqualTo(v);
          } else {
            assertThat(read).as(f.key()).isNaN();
          }
        }
      }
    }
    // the case without lesions has no lesion metrics
    assertThat(back.perCase().get(3).byMethod().get("fast").get("lesion_ssim")).isNaN();
    assertThat(back.headToHead()).hasSize(2);
    assertThat(back.headToHead().get(1).methods().get(0).n()).isEqualTo(3);
    assertThat(back.headToHead().get(1).methods().get(0).missing()).isEqualTo(1);
    assertThat(back.headToHead().get(0).pairs()).hasSize(3);
    assertThat(back.savings()).extracting(ReconstructionResults.SavingLine::saved).contains(56.0, 28.0);
    assertThat(back.ciLevel()).isEqualTo(0.95);

    tree.with("reconstruction").remove("design");
    assertThatThrownBy(() -> ReconstructionReader.read(tree)).hasMessageContaining("/reconstruction has no key 'design'");
  }
}
