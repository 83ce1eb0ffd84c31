package org.radtrial.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The report's checklist against the committed official item lists
 * ({@code checklists/claim-2024.tsv}, {@code checklists/tripod-ai-2024.tsv}): every official item
 * appears exactly once, under its official number, and no other number appears, for every kind of
 * results.json the report renders.
 */
class OfficialChecklistTest {
  static List<String> officialNumbers(String file) {
    try (InputStream in = Report.class.getResourceAsStream("checklists/" + file)) {
      assertThat(in).as("checklists/%s on the class path", file).isNotNull();
      List<String> numbers = new ArrayList<>();
      int line = 0;
      for (String text : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
        line++;
        if (text.isBlank() || text.startsWith("#")) {
          continue;
        }
        String[] columns = text.split("\t", -1);
        assertThat(columns).as("%s line %d: number, section, summary separated by tabs", file, line).hasSize(3);
        assertThat(columns[0]).as("%s line %d: an item number such as 12 or 12a", file, line).matches("[1-9][0-9]?[a-g]?");
        assertThat(columns[2]).as("%s line %d: a summary", file, line).isNotBlank();
        numbers.add(columns[0]);
      }
      return numbers;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** How often each number appears in one column of the rendered checklist ("12, 13" counts both). */
  static Map<String, Integer> rendered(ReportDom dom, int column) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String cell : dom.texts("//section[@id='checklist']//tbody/tr/td[" + column + "]")) {
      for (String item : cell.split(",")) {
        if (!item.isBlank()) {
          counts.merge(item.trim(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  static Stream<Arguments> reports() {
    return Stream.of(
        Arguments.of("an evaluation", ReportTest.evaluation()),
        Arguments.of("an audit", ReportTest.audited()),
        Arguments.of("a simulation", ReportTest.fixture("simulation.json")),
        Arguments.of("a reader study", ReportTest.fixture("mrmc.json")),
        Arguments.of("a split-plot reader study", ReportTest.fixture("mrmc-split-plot.json")));
  }

  @Test
  void theOfficialListsHaveThePublishedNumberOfItems() {
    List<String> claim = officialNumbers("claim-2024.tsv");
    assertThat(claim).hasSize(44).doesNotHaveDuplicates();
    List<String> tripod = officialNumbers("tripod-ai-2024.tsv");
    assertThat(tripod).doesNotHaveDuplicates().hasSize(52);
    assertThat(tripod.stream().map(n -> n.replaceAll("[a-g]$", "")).distinct()).hasSize(27);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void everyClaim2024ItemAppearsExactlyOnceUnderItsOfficialNumber(String kind, JsonNode results) {
    assertOneToOne(rendered(new ReportDom(Report.render(results)), 1), officialNumbers("claim-2024.tsv"), "CLAIM 2024", kind);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void everyTripodAiItemAppearsExactlyOnceUnderItsOfficialNumber(String kind, JsonNode results) {
    assertOneToOne(rendered(new ReportDom(Report.render(results)), 2), officialNumbers("tripod-ai-2024.tsv"), "TRIPOD+AI", kind);
  }

  private static void assertOneToOne(Map<String, Integer> rendered, List<String> official, String checklist, String kind) {
    assertThat(rendered.keySet())
        .as("%s items in the checklist of %s: none missing, none extra or renumbered (official list in checklists/)",
            checklist, kind)
        .containsExactlyInAnyOrderElementsOf(official);
    assertThat(rendered)
        .as("%s items shown under more than one topic in the checklist of %s", checklist, kind)
        .allSatisfy((item, count) -> assertThat(count).as("item %s", item).isEqualTo(1));
  }
}
