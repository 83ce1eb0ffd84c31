package org.radtrial.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.radtrial.core.simulate.SimulationMetric;

class MetricFormatTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void everyMetricOfTheSimulationHasAFormatUnderItsResultsJsonKey() {
    for (SimulationMetric m : SimulationMetric.values()) {
      MetricFormat f = MetricFormat.of(m);
      assertThat(f.metric).isEqualTo(m);
      assertThat(f.key).isEqualTo(m.key());
      assertThat(f.longLabel()).isNotBlank();
    }
  }

  @Test
  void estimatesReadWithTheirIntervalsInTheMetricsUnits() throws Exception {
    assertThat(MetricFormat.of(SimulationMetric.CDR).withInterval(MAPPER.readTree("{\"estimate\":5.7312,\"ci\":[5.26,6.214]}")))
        .isEqualTo("5.73 (5.26\u20136.21)");
    assertThat(MetricFormat.of(SimulationMetric.RECALL_RATE)
        .withInterval(MAPPER.readTree("{\"estimate\":0.0412,\"ci\":[0.039,0.04331]}"))).isEqualTo("4.12% (3.90\u20134.33%)");
    assertThat(MetricFormat.of(SimulationMetric.WORKLOAD_CHANGE_PCT)
        .withInterval(MAPPER.readTree("{\"estimate\":-48.4,\"ci\":[-48.7,-48.0]}"))).isEqualTo("\u221248.4% (\u221248.7 to \u221248.0%)");
    assertThat(MetricFormat.of(SimulationMetric.HUMAN_READS).withInterval(MAPPER.readTree("{\"estimate\":20000,\"ci\":null}")))
        .isEqualTo("20,000");
  }
}
