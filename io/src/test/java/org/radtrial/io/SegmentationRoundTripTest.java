package org.radtrial.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radtrial.core.paired.MethodSummary;
import org.radtrial.core.segment.MaskCase;
import org.radtrial.core.segment.MaskComparison;
import org.radtrial.core.segment.PetQuantities;
import org.radtrial.core.segment.SegmentationAnalysis;
import org.radtrial.core.segment.SegmentationMetric;
import org.radtrial.core.segment.SegmentationMetrics;
import org.radtrial.core.segment.SegmentationResult;
import org.radtrial.core.synth.SyntheticMasks;

/**
 * A real segmentation study (12 synthetic cases with the three faulty models and PET) written as
 * results.json (checked against the schema by the registered check), read back by
 * {@link SegmentationReader}, every value compared.
 */
class SegmentationRoundTripTest {

  @Test
  void everyValueReadsBackAsWritten() throws Exception {
    SyntheticMasks study = new SyntheticMasks(5);
    List<MaskCase> cases = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      SyntheticMasks.Case c = study.generate(i);
      List<SegmentationMetrics> metrics = new ArrayList<>();
      List<PetQuantities> pet = new ArrayList<>();
      for (var m : c.models()) {
        metrics.add(MaskComparison.compare(c.reference(), m, 1, 2.0));
        pet.add(PetQuantities.of(c.pet(), m, 1));
      }
      cases.add(new MaskCase(c.id(), Map.of("site", c.site()), 1, metrics, PetQuantities.of(c.pet(), c.reference(), 1), pet));
    }
    SegmentationResult result = SegmentationAnalysis.analyse(SyntheticMasks.MODELS, List.of(1), 2.0, List.of("site"),
        cases, 200, 11, 0.95);
    String text = ResultsJson.text(SegmentationJson.tree(result, new String[][] {{"cases.csv", "0".repeat(64)}, {"masks/c1.nii.gz", "1".repeat(64)}},
        TestProvenance.of(11)));
    SegmentationResults back = SegmentationReader.read(new ObjectMapper().readTree(text));

    assertThat(back.models()).isEqualTo(SyntheticMasks.MODELS);
    assertThat(back.cases()).isEqualTo(12);
    assertThat(back.pet()).isTrue();
    assertThat(back.toleranceMm()).isEqualTo(2.0);
    SegmentationResult.LabelResult label = result.byLabel().get(0);
    SegmentationResults.Label read = back.byLabel().get(0);
    for (int m = 0; m < 3; m++) {
      SegmentationResult.ModelSummary written = label.models().get(m);
      SegmentationResults.Model model = read.models().get(m);
      assertThat(model.empty()).isEqualTo(written.empty());
      assertThat(model.undefinedRelativeVolume()).isEqualTo(written.undefinedRelativeVolume());
      assertThat(model.metrics().keySet()).isEqualTo(written.metrics().keySet());
      written.metrics().forEach((metric, s) -> {
        SegmentationResults.Summary r = model.metrics().get(metric);
        assertThat(r.mean()).isEqualTo(s.mean());
        assertThat(r.meanCi()).isEqualTo(s.meanCi());
        assertThat(r.median()).isEqualTo(s.median());
        assertThat(r.medianCi()).isEqualTo(s.medianCi());
        assertThat(r.n()).isEqualTo(s.n());
      });
    }
    assertThat(read.comparisons()).hasSize(label.comparisons().size());
    for (int i = 0; i < read.comparisons().size(); i++) {
      var w = label.comparisons().get(i);
      var r = read.comparisons().get(i);
      assertThat(r.metric()).isEqualTo(w.metric());
      assertThat(r.meanDifference()).isEqualTo(w.pair().meanDifference());
      assertThat(r.meanDifferenceCi()).isEqualTo(w.pair().meanDifferenceCi());
      assertThat(r.holmP()).isEqualTo(w.pair().holmP());
    }
    assertThat(read.worst()).extracting(SegmentationResults.Worst::caseId)
        .containsExactlyElementsOf(label.worst().stream().map(SegmentationResult.WorstCase::caseId).toList());
    assertThat(read.agreement()).hasSize(label.agreement().size()).hasSize(3 * 5); // volume and 4 PET quantities
    for (int i = 0; i < read.agreement().size(); i++) {
      var w = label.agreement().get(i);
      var r = read.agreement().get(i);
      assertThat(r.quantity()).isEqualTo(w.quantity());
      assertThat(r.notes()).isEqualTo(w.notes());
      if (w.blandAltman() != null) {
        assertThat(r.bias()).isEqualTo(w.blandAltman().bias());
        assertThat(r.lowerLimitCi()).isEqualTo(w.blandAltman().lowerLimitCi());
        assertThat(r.upperLimit()).isEqualTo(w.blandAltman().upperLimit());
      }
      if (w.icc() != null) {
        assertThat(r.iccCi()).isEqualTo(w.icc().ci());
      }
      if (w.concordance() != null) {
        assertThat(r.ccc()).isEqualTo(w.concordance().ccc());
      }
    }
    assertThat(read.agreement().get(0).quantity()).isEqualTo("volume_ml");
    assertThat(read.agreement().get(0).iccCi()).isNotNull();
    assertThat(read.subgroups()).hasSize(2);
    for (int i = 0; i < 2; i++) {
      List<MethodSummary> dice = label.subgroups().get(i).dice();
      assertThat(read.subgroups().get(i).dice().get("model_over").mean()).isEqualTo(dice.get(1).mean());
    }
    for (int c = 0; c < 12; c++) {
      MaskCase w = cases.get(c);
      SegmentationResults.Case r = back.caseRows().get(c);
      assertThat(r.caseId()).isEqualTo(w.caseId());
      assertThat(r.referencePet()).isEqualTo(w.referencePet());
      for (int m = 0; m < 3; m++) {
        SegmentationMetrics s = w.models().get(m);
        assertThat(r.models().get(m).empty()).isEqualTo(s.empty());
        assertThat(r.models().get(m).pet()).isEqualTo(w.modelPet().get(m));
        for (SegmentationMetric metric : SegmentationMetric.values()) {
          double v = s.value(metric);
          assertThat(r.models().get(m).values().get(metric)).as("%s %s", w.caseId(), metric)
              .isEqualTo(Double.valueOf(Double.isFinite(v) ? v : Double.NaN)); // boxed: NaN equals NaN
        }
      }
    }
  }
}
