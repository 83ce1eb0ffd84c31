package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code radtrial synth --lesions} writes a study whose planted behaviour {@code radtrial lesions} finds. */
class SynthLesionsTest {
  @TempDir Path dir;

  @Test
  void thePlantedBehaviourOfEachModelShowsInItsFigures() throws Exception {
    String stem = dir.resolve("study").toString();
    CliRun synth = CliRun.of("synth", "--lesions", "--cases", "600", "--seed", "3", "--out", stem + ".csv");
    assertThat(synth.exitCode()).as(synth.err()).isZero();
    Path truth = Path.of(stem + "-truth.csv");
    Path marks = Path.of(stem + "-marks.csv");
    assertThat(Files.readAllLines(truth).get(0)).isEqualTo("case_id,lesion_id,x,y,diameter,density");
    CliRun run = CliRun.of("lesions", "--truth", truth.toString(), "--marks", marks.toString(), "--bootstrap", "200",
        "--no-report", "--out", dir.resolve("out").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode readings = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile()).at("/lesions/readings");
    JsonNode balanced = readings.get(0);
    JsonNode missesSmall = readings.get(1);
    JsonNode overmarks = readings.get(2);
    assertThat(missesSmall.at("/froc/max_llf").asDouble()).isLessThan(balanced.at("/froc/max_llf").asDouble() - 0.1);
    assertThat(overmarks.at("/froc/max_nlf").asDouble()).isGreaterThan(balanced.at("/froc/max_nlf").asDouble() + 0.2);
    assertThat(overmarks.at("/figures_of_merit/wafroc").asDouble())
        .isLessThan(balanced.at("/figures_of_merit/wafroc").asDouble());
    JsonNode groups = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile()).at("/lesions/lesion_groups");
    double balancedSmall = Double.NaN;
    double missesSmallSmall = Double.NaN;
    for (JsonNode g : groups) {
      if (g.get("by").asText().equals("size") && g.get("group").asText().equals("under 10 mm")) {
        if (g.get("model").asText().equals("balanced")) {
          balancedSmall = g.get("sensitivity").asDouble();
        } else if (g.get("model").asText().equals("misses_small")) {
          missesSmallSmall = g.get("sensitivity").asDouble();
          assertThat(g.get("ci").get(1).asDouble()).isLessThan(0.3);
        }
      }
    }
    assertThat(missesSmallSmall).isLessThan(balancedSmall - 0.3);
  }

  @Test
  void theSameSeedWritesTheSameTables() throws Exception {
    CliRun.of("synth", "--lesions", "--cases", "50", "--seed", "9", "--out", dir.resolve("a.csv").toString());
    CliRun.of("synth", "--lesions", "--cases", "50", "--seed", "9", "--out", dir.resolve("b.csv").toString());
    assertThat(Files.readString(dir.resolve("a-marks.csv"))).isEqualTo(Files.readString(dir.resolve("b-marks.csv")));
    assertThat(Files.readString(dir.resolve("a-truth.csv"))).isEqualTo(Files.readString(dir.resolve("b-truth.csv")));
  }
}
