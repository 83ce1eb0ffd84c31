package org.radtrial.core.mrmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReaderStudyTest {
  private static final List<String> CASES = List.of("a", "b", "c", "d");
  private static final boolean[] TRUTH = {true, true, false, false};

  private static double[][][] ratings(int t, int r) {
    double[][][] x = new double[t][r][];
    for (int i = 0; i < t; i++) {
      for (int j = 0; j < r; j++) {
        x[i][j] = new double[] {4, 3, 2, 1};
      }
    }
    return x;
  }

  @Test
  void keepsNamesAndSplitsTheClasses() {
    ReaderStudy s = ReaderStudy.of(List.of("A", "B"), List.of("r1", "r2"), CASES, TRUTH, ratings(2, 2));
    assertThat(s.positives()).isEqualTo(2);
    assertThat(s.negatives()).isEqualTo(2);
    assertThat(s.higherIsPositive(1)).isTrue();
    assertThat(s.standalone()).isEmpty();
  }

  @Test
  void ratingsAreCopiedNotShared() {
    double[][][] x = ratings(1, 2);
    ReaderStudy s = ReaderStudy.of(List.of("A"), List.of("r1", "r2"), CASES, TRUTH, x);
    x[0][0][0] = 99;
    s.ratings(0, 0)[1] = 99;
    assertThat(s.ratings(0, 0)).containsExactly(4, 3, 2, 1);
  }

  @Test
  void needsTwoReaders() {
    assertThatThrownBy(() -> ReaderStudy.of(List.of("A"), List.of("r1"), CASES, TRUTH, ratings(1, 1)))
        .hasMessageContaining("at least two readers");
  }

  @Test
  void needsTwoCasesOfEachClassForTheJackknife() {
    assertThatThrownBy(() -> ReaderStudy.of(List.of("A"), List.of("r1", "r2"), CASES, new boolean[] {true, false, false, false},
        ratings(1, 2))).hasMessageContaining("1 positive and 3 negative");
  }

  @Test
  void rejectsRaggedAndNonFiniteRatings() {
    double[][][] ragged = ratings(1, 2);
    ragged[0][1] = new double[] {1, 2, 3};
    assertThatThrownBy(() -> ReaderStudy.of(List.of("A"), List.of("r1", "r2"), CASES, TRUTH, ragged))
        .hasMessageContaining("ratings for 3 cases, expected 4");
    double[][][] nan = ratings(1, 2);
    nan[0][0][2] = Double.NaN;
    assertThatThrownBy(() -> ReaderStudy.of(List.of("A"), List.of("r1", "r2"), CASES, TRUTH, nan))
        .hasMessageContaining("finite");
  }

  @Test
  void rejectsRepeatedNames() {
    assertThatThrownBy(() -> ReaderStudy.of(List.of("A"), List.of("r1", "r1"), CASES, TRUTH, ratings(1, 2)))
        .hasMessageContaining("distinct name");
  }

  @Test
  void theStandaloneReaderRatesEveryCaseAndIsNotAHumanReader() {
    ReaderStudy s = ReaderStudy.of(List.of("A"), List.of("r1", "r2"), CASES, TRUTH, ratings(1, 2));
    assertThatThrownBy(() -> s.withStandalone(new StandaloneReader("ai", new double[] {1, 2}, true)))
        .hasMessageContaining("rated 2 of 4 cases");
    assertThatThrownBy(() -> s.withStandalone(new StandaloneReader("r1", new double[] {1, 2, 3, 4}, true)))
        .hasMessageContaining("also a human reader");
  }
}
