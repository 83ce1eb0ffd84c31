package org.radtrial.core.lesions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sensitivity per group of lesions, with a bootstrap over the cases that hold them. */
class GroupSensitivityTest {
  private static final LesionTruth TRUTH = new LesionTruth(List.of(
      LesionCase.equallyWeighted("a", List.of("1", "2")),
      LesionCase.equallyWeighted("b", List.of("1")),
      LesionCase.normal("c"),
      LesionCase.equallyWeighted("d", List.of("1", "2"))));
  private static final double NONE = Double.NEGATIVE_INFINITY;

  @Test
  void countsTheFoundLesionsOfEachGroup() {
    // small: a1 (found), b1 (missed), d2 (found); large: a2 (found), d1 (found)
    String[][] groups = {{"small", "large"}, {"small"}, {}, {"large", "small"}};
    Reading reading = new Reading(new double[][] {{}, {}, {1}, {}}, new double[][] {{3, 4}, {NONE}, {}, {2, 5}});
    List<GroupSensitivity.Value> values = GroupSensitivity.of(TRUTH, reading, groups, 500, 1, 0.95);
    assertThat(values).extracting(GroupSensitivity.Value::group).containsExactly("small", "large");
    assertThat(values.get(0).lesions()).isEqualTo(3);
    assertThat(values.get(0).found()).isEqualTo(2);
    assertThat(values.get(0).sensitivity()).isEqualTo(2.0 / 3);
    assertThat(values.get(1).sensitivity()).isEqualTo(1.0);
    // every large lesion found: every bootstrap replicate gives 1
    assertThat(values.get(1).ci().lower()).isEqualTo(1.0);
    assertThat(values.get(0).ci().lower()).isLessThan(2.0 / 3);
  }

  @Test
  void sizeClassesSplitAt10And20Millimetres() {
    assertThat(GroupSensitivity.sizeClass(9.99)).isEqualTo("under 10 mm");
    assertThat(GroupSensitivity.sizeClass(10)).isEqualTo("10-20 mm");
    assertThat(GroupSensitivity.sizeClass(20)).isEqualTo("20 mm or more");
  }
}
