package org.radtrial.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code radtrial synth --reader-study}, then {@code radtrial mrmc} on what it wrote, as the command's
 * help suggests a newcomer does: no file built by hand.
 */
class SynthReaderStudyTest {
  @TempDir Path dir;

  @Test
  void aNewcomerCanAnalyseTheSyntheticReaderStudyEndToEnd() throws IOException {
    Path ratings = dir.resolve("readings.csv");
    CliRun synth = CliRun.of("synth", "--reader-study", "--out", ratings.toString());
    assertThat(synth.exitCode()).as(synth.err()).isZero();
    assertThat(synth.out()).contains("6 readers x 200 cases x 2 modalities")
        .contains("radtrial mrmc --ratings " + ratings + " --standalone-reader AI --cut 3 --plan-readers 6,10");
    List<String> lines = Files.readAllLines(ratings);
    assertThat(lines.get(0)).isEqualTo("reader,modality,case,truth,rating");
    assertThat(lines).hasSize(1 + 6 * 200 * 2 + 200);

    Path out = dir.resolve("out");
    CliRun mrmc = CliRun.of("mrmc", "--ratings", ratings.toString(), "--standalone-reader", "AI", "--cut", "3",
        "--plan-readers", "6,10", "--out", out.toString());
    assertThat(mrmc.exitCode()).as(mrmc.err()).isZero();
    JsonNode r = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertThat(r.at("/mrmc/design/modalities").toString()).isEqualTo("[\"unaided\",\"AI-aided\"]");
    assertThat(r.at("/mrmc/design/readers")).hasSize(6);
    assertThat(r.at("/mrmc/design/cases").asInt()).isEqualTo(200);
    assertThat(r.at("/mrmc/design/standalone_reader").asText()).isEqualTo("AI");
    // The planted effect: AI-aided reading is more accurate, so unaided − AI-aided is negative.
    assertThat(r.at("/mrmc/comparisons/0/difference").asDouble()).isNegative();
    assertThat(r.at("/mrmc/sensitivity/values")).hasSize(13);
    assertThat(r.at("/mrmc/sample_size/plans")).hasSize(2);
    assertThat(out.resolve("report.html")).exists();
    assertThat(Files.readString(out.resolve("report.html"))).contains("Reader study: 6 readers in unaided and AI-aided");
  }

  @Test
  void theSameSeedGivesTheSameStudyAndAnotherSeedAnother() throws IOException {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    Path c = dir.resolve("c.csv");
    CliRun.of("synth", "--reader-study", "--seed", "7", "--readers", "3", "--cases", "40", "--out", a.toString());
    CliRun.of("synth", "--reader-study", "--seed", "7", "--readers", "3", "--cases", "40", "--out", b.toString());
    CliRun.of("synth", "--reader-study", "--seed", "8", "--readers", "3", "--cases", "40", "--out", c.toString());
    assertThat(Files.readString(a)).isEqualTo(Files.readString(b)).isNotEqualTo(Files.readString(c));
    assertThat(Files.readAllLines(a)).hasSize(1 + 3 * 40 * 2 + 40);
  }

  @Test
  void readersWithoutReaderStudyIsRefused() {
    CliRun r = CliRun.of("synth", "--readers", "4", "--cases", "10", "--out", dir.resolve("x.csv").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--readers applies only with --reader-study");
  }
}
