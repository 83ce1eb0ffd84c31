package org.radtrial.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.radtrial.core.cohort.Cohort;
import org.radtrial.core.cohort.ReaderDecisions;

class CaseTableReaderTest {
  @TempDir Path dir;

  private static final String GOOD = """
      case_id,cancer,density,reader_1,model_a,model_b
      e1,1,D,1,0.91,0.2
      e2,0,B,0,0.12,0.3
      e3,0,C,yes,0.55,0.1
      e4,1,A,no,0.40,0.8
      """;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private static CaseTableSpec spec() {
    return CaseTableSpec.of("cancer", "1", List.of("model_a", "model_b")).withId("case_id");
  }

  @Nested
  class ReadsGoodTables {
    @Test
    void readsCsvWithIdsReadersAndMetadata() throws IOException {
      Cohort cohort = CaseTableReader.read(write("cases.csv", GOOD),
          spec().withReaders(List.of("reader_1")).withMetadata(List.of("density")));

      assertThat(cohort.caseIds()).containsExactly("e1", "e2", "e3", "e4");
      assertThat(cohort.truth()).containsExactly(true, false, false, true);
      assertThat(cohort.models().get(0).scores()).containsExactly(0.91, 0.12, 0.55, 0.40);
      assertThat(cohort.readers().get(0).decisions())
          .containsExactly(ReaderDecisions.POSITIVE, ReaderDecisions.NEGATIVE, ReaderDecisions.POSITIVE, ReaderDecisions.NEGATIVE);
      assertThat(cohort.metadata().get("density")).containsExactly("D", "B", "C", "A");
    }

    @Test
    void usesTheRowNumberAsCaseIdWithoutAnIdColumn() throws IOException {
      Cohort cohort = CaseTableReader.read(write("cases.csv", GOOD), spec().withId(null));
      assertThat(cohort.caseIds()).containsExactly("1", "2", "3", "4");
    }

    @Test
    void readsTabSeparatedFilesByExtension() throws IOException {
      Cohort cohort = CaseTableReader.read(write("cases.tsv", GOOD.replace(',', '\t')), spec());
      assertThat(cohort.size()).isEqualTo(4);
      assertThat(cohort.models().get(1).scores()).containsExactly(0.2, 0.3, 0.1, 0.8);
    }

    @Test
    void readsParquet() throws Exception {
      Path csv = write("cases.csv", GOOD);
      Path parquet = dir.resolve("cases.parquet");
      try (var db = DriverManager.getConnection("jdbc:duckdb:"); var st = db.createStatement()) {
        st.execute("COPY (SELECT * FROM read_csv('" + csv + "', all_varchar = false)) TO '" + parquet + "' (FORMAT parquet)");
      }
      Cohort cohort = CaseTableReader.read(parquet, spec().withReaders(List.of("reader_1")));
      assertThat(cohort.caseIds()).containsExactly("e1", "e2", "e3", "e4");
      assertThat(cohort.models().get(0).scores()).containsExactly(0.91, 0.12, 0.55, 0.40);
      assertThat(cohort.truth()).containsExactly(true, false, false, true);
    }

    @Test
    void excludesMissingScoresWhenAskedAndCountsThem() throws IOException {
      Path file = write("cases.csv", GOOD.replace("0.12,0.3", ",NA").replace("0.55", ""));
      Cohort cohort = CaseTableReader.read(file, spec().withMissing(MissingPolicy.EXCLUDE));
      assertThat(cohort.models().get(0).missing()).isEqualTo(2);
      assertThat(cohort.models().get(1).missing()).isEqualTo(1);
      assertThat(cohort.size()).isEqualTo(4);
    }

    @Test
    void ordersLowerIsPositiveModels() throws IOException {
      Cohort cohort = CaseTableReader.read(write("cases.csv", GOOD), spec().withLowerIsPositive(Set.of("model_b")));
      assertThat(cohort.models().get(0).higherIsPositive()).isTrue();
      assertThat(cohort.models().get(1).higherIsPositive()).isFalse();
    }

    @Test
    void parsesScoresInEveryDecimalNotationExactlyAsJava() throws IOException {
      java.util.SplittableRandom random = new java.util.SplittableRandom(11);
      StringBuilder csv = new StringBuilder("cancer,model_a\n1,3e-2\n0,-.5\n1,+1\n0,1E+3\n1,0.1000000000000000055511151231257827\n");
      List<Double> expected = new java.util.ArrayList<>(List.of(3e-2, -.5, 1.0, 1e3, 0.1));
      for (int i = 0; i < 2000; i++) {
        double x = random.nextDouble() * Math.pow(10, random.nextInt(-12, 12)) * (random.nextBoolean() ? 1 : -1);
        String text = i % 2 == 0 ? Double.toString(x) : String.format(java.util.Locale.ROOT, "%.6f", x);
        csv.append(i % 2).append(',').append(text).append('\n');
        expected.add(Double.parseDouble(text));
      }
      Cohort cohort = CaseTableReader.read(write("cases.csv", csv.toString()), CaseTableSpec.of("cancer", "1", List.of("model_a")));
      double[] scores = cohort.models().get(0).scores();
      for (int i = 0; i < scores.length; i++) {
        assertThat(scores[i]).as("row %d", i + 1).isEqualTo(expected.get(i));
      }
    }

    @Test
    void ignoresBlankLinesAtTheEnd() throws IOException {
      Cohort cohort = CaseTableReader.read(write("cases.csv", GOOD + "\n\n"), spec());
      assertThat(cohort.size()).isEqualTo(4);
    }

    @Test
    void trimsThePositiveValue() throws IOException {
      Cohort cohort = CaseTableReader.read(write("cases.csv", GOOD), CaseTableSpec.of("cancer", " 1 ", List.of("model_a")));
      assertThat(cohort.positives()).isEqualTo(2);
    }

    @Test
    void neverModifiesTheInput() throws IOException {
      Path file = write("cases.csv", GOOD);
      String before = Checksums.sha256(file);
      CaseTableReader.read(file, spec());
      assertThat(Checksums.sha256(file)).isEqualTo(before);
    }
  }

  @Nested
  class RejectsBadInputWithALocatedMessage {
    @Test
    void unknownColumnIsNamedWithTheHeaderAndTheClosestName() throws IOException {
      Path file = write("cases.csv", GOOD);
      assertThatThrownBy(() -> CaseTableReader.read(file, CaseTableSpec.of("cancer", "1", List.of("modle_a"))))
          .isInstanceOf(CaseTableException.class)
          .hasMessageContaining("cases.csv, column 'modle_a': no such column (named by --models)")
          .hasMessageContaining("The header has: case_id, cancer, density, reader_1, model_a, model_b")
          .hasMessageContaining("Did you mean 'model_a'?");
    }

    @Test
    void nonNumericScoreNamesRowColumnAndValue() throws IOException {
      Path file = write("cases.csv", GOOD.replace("0.55", "high"));
      assertThatThrownBy(() -> CaseTableReader.read(file, spec()))
          .isInstanceOf(CaseTableException.class)
          .hasMessageContaining("cases.csv, row 3, column 'model_a': 'high' is not a number")
          .hasMessageContaining("decimal numbers such as 0.42");
    }

    @Test
    void nonFiniteScoreIsRejected() throws IOException {
      Path file = write("cases.csv", GOOD.replace("0.55", "Infinity"));
      assertThatThrownBy(() -> CaseTableReader.read(file, spec()))
          .hasMessageContaining("row 3, column 'model_a': 'Infinity' is not a finite number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1d", "0.7f", "0x1p-1", "1,5", "--1"})
    void javaNumberLiteralsAreNotScores(String literal) throws IOException {
      String quoted = literal.contains(",") ? '"' + literal + '"' : literal;
      Path file = write("cases.csv", GOOD.replace("0.55", quoted));
      assertThatThrownBy(() -> CaseTableReader.read(file, spec().withMissing(MissingPolicy.EXCLUDE)))
          .hasMessageContaining("row 3, column 'model_a'");
    }

    @Test
    void blankLineInsideTheTableIsRejected() throws IOException {
      Path file = write("cases.csv", GOOD.replace("e3,", "\ne3,"));
      assertThatThrownBy(() -> CaseTableReader.read(file, spec()))
          .hasMessageContaining("cases.csv, row 3: the row is empty; remove blank lines inside the table");
    }

    @Test
    void aColumnCannotPlayTwoRoles() throws IOException {
      Path file = write("cases.csv", GOOD);
      assertThatThrownBy(() -> CaseTableReader.read(file, CaseTableSpec.of("cancer", "1", List.of("model_a", "cancer"))))
          .hasMessageContaining("column 'cancer': the column is named by --truth and by --models");
      assertThatThrownBy(() -> CaseTableReader.read(file, spec().withReaders(List.of("model_b"))))
          .hasMessageContaining("column 'model_b': the column is named by --models and by --readers");
      assertThatThrownBy(() -> CaseTableReader.read(file, CaseTableSpec.of("cancer", "1", List.of("model_a", "model_a"))))
          .hasMessageContaining("column 'model_a': the column is named by --models twice");
    }

    @Test
    void headerThatIsNotUtf8IsRejectedWithAMessage() throws IOException {
      Path file = dir.resolve("latin1.csv");
      Files.write(file, "case_id,cancer,caf\u00e9,model_a,model_b\ne1,1,x,0.9,0.1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      assertThatThrownBy(() -> CaseTableReader.read(file, spec()))
          .isInstanceOf(CaseTableException.class)
          .hasMessageContaining("UTF-8");
    }

    @Test
    void duplicateCaseIdNamesBothRows() throws IOException {
      Path file = write("cases.csv", GOOD.replace("e3,", "e1,"));
      assertThatThrownBy(() -> CaseTableReader.read(file, spec()))
          .isInstanceOf(CaseTableException.class)
          .hasMessageContaining("cases.csv, row 3, column 'case_id': case id 'e1' already appears in row 1")
          .hasMessageContaining("must be unique");
    }

    @Test
    void truthValueOfNeitherClassIsRejected() throws IOException {
      Path file = write("cases.csv", GOOD.replace("e4,1", "e4,2"));
      assertThatThrownBy(() -> CaseTableReader.read(file, spec()))
          .isInstanceOf(CaseTableException.class)
          .hasMessageContaining("cases.csv, row 4, column 'cancer': truth value '2' is neither the positive class '1'"
              + " (--positive) nor the negative class '0' (the first other value found)");
    }

    @Test
    void aThirdTruthValueBeforeTheFirstPositiveIsNamedAtItsRow() throws IOException {
      StringBuilder table = new StringBuilder("case_id,cancer,model_a,model_b\n");
      for (int row = 1; row <= 200; row++) {
        String truth = row == 11 ? "2" : row >= 169 && row % 2 == 1 ? "1" : "0";
        table.append("e").append(row).append(',').append(truth).append(",0.").append(row % 10).append(",0.5\n");
      }
      Path file = write("cases.csv", table.toString());
      String expected = "cases.csv, row 11, column 'cancer': truth value '2' is neither the positive class '1'"
          + " (--positive) nor the negative class '0' ";
      assertThatThrownBy(() -> CaseTableReader.read(file, spec()))
          .hasMessageContaining(expected + "(the first other value found)")
          .hasMessageNotContaining("no case with the positive class");
      assertThatThrownBy(() -> CaseTableReader.read(file, spec().withNegative("0")))
          .hasMessageContaining(expected + "(--negative)");
    }

    @Test
    void aCsvNamedParquetIsSaidToLookLikeCsv() throws IOException {
      Path file = write("cases.parquet", GOOD);
      assertThatThrownBy(() -> CaseTableReader.read(file, spec()))
          .hasMessage(file + ": is named like a Parquet file but is text (it starts 'case_id,cancer,density,reader_1,model_a,...'),"
              + " which looks like CSV; rename it to .csv (or .tsv if tab-separated), or write it as Parquet")
          .hasMessageNotContaining("magic");
    }

    @Test
    void aSemicolonSeparatedTableGetsADelimiterHint() throws IOException {
      Path file = write("cases.csv", GOOD.replace(',', ';'));
      assertThatThrownBy(() -> CaseTableReader.read(file, spec()))
          .hasMessageContaining("no such column (named by --id)")
          .hasMessageEndingWith("The header was read as one column, so the file looks separated by ';': give --delimiter ';'.");
    }

    @Test
    void truthValueOutsideAnExplicitNegativeClassIsRejected() throws IOException {
      Path file = write("cases.csv", GOOD);
      assertThatThrownBy(() -> CaseTableReader.read(file, spec().withNegative("normal")))
          .hasMessageContaining("row 2, column 'cancer': truth value '0' is neither the positive class '1' (--positive)"
              + " nor the negative class 'normal' (--negative)");
    }

    @Test
    void tableWithoutPositiveCasesIsRejected() throws IOException {
      Path file = write("cases.csv", GOOD);
      assertThatThrownBy(() -> CaseTableReader.read(file, CaseTableSpec.of("cancer", "cancer", List.of("model_a"))))
          .hasMessageContaining("row 2, column 'cancer': found truth values '1' and '0' but no case with the positive"
              + " class 'cancer' given by --positive; check --positive");
    }

    @Test
    void tableWithOnlyNegativeCasesIsRejected() throws IOException {
      Path file = write("cases.csv", GOOD.replace(",1,", ",0,"));
      assertThatThrownBy(() -> CaseTableReader.read(file, spec()))
          .hasMessageContaining("column 'cancer': no case has the positive class '1' given by --positive (all 4 cases are '0')")
          .hasMessageContaining("needs both classes");
    }

    @Test
    void tableWithOnlyPositiveCasesIsRejected() throws IOException {
      Path file = write("cases.csv", GOOD.replace(",0,", ",1,"));
      assertThatThrownBy(() -> CaseTableReader.read(file, spec()))
          .hasMessageContaining("column 'cancer': every one of the 4 cases has the positive class '1'");
    }

    @Test
    void missingScoreIsAnErrorByDefaultThatSuggestsExclusion() throws IOException {
      Path file = write("cases.csv", GOOD.replace("0.12", ""));
      assertThatThrownBy(() -> CaseTableReader.read(file, spec()))
          .hasMessageContaining("cases.csv, row 2, column 'model_a': the score is missing")
          .hasMessageContaining("--missing exclude");
    }

    @Test
    void missingTruthIsAlwaysAnError() throws IOException {
      Path file = write("cases.csv", GOOD.replace("e2,0", "e2,"));
      assertThatThrownBy(() -> CaseTableReader.read(file, spec().withMissing(MissingPolicy.EXCLUDE)))
          .hasMessageContaining("row 2, column 'cancer': the reference standard is missing");
    }

    @Test
    void badReaderDecisionIsRejected() throws IOException {
      Path file = write("cases.csv", GOOD.replace(",yes,", ",maybe,"));
      assertThatThrownBy(() -> CaseTableReader.read(file, spec().withReaders(List.of("reader_1"))))
          .hasMessageContaining("row 3, column 'reader_1': 'maybe' is not a binary decision");
    }

    @Test
    void rowWithTheWrongNumberOfCellsIsRejected() throws IOException {
      Path file = write("cases.csv", GOOD.replace("e2,0,B,0,0.12,0.3", "e2,0,B,0,0.12"));
      assertThatThrownBy(() -> CaseTableReader.read(file, spec()))
          .hasMessageContaining("cases.csv, row 2: the row has 5 cells but the header has 6 columns (line 3)");
    }

    @Test
    void duplicateHeaderNameIsRejected() throws IOException {
      Path file = write("cases.csv", GOOD.replace("density", "model_a"));
      assertThatThrownBy(() -> CaseTableReader.read(file, spec()))
          .hasMessageContaining("column 'model_a': the header names this column twice (columns 3 and 5)");
    }

    @Test
    void missingFileIsNamed() {
      assertThatThrownBy(() -> CaseTableReader.read(dir.resolve("nope.csv"), spec()))
          .hasMessageContaining("nope.csv: no such file; check the path given to --cases");
    }

    @Test
    void emptyFileIsRejected() throws IOException {
      Path file = write("cases.csv", "");
      assertThatThrownBy(() -> CaseTableReader.read(file, spec())).hasMessageContaining("cases.csv: the file is empty");
    }

    @Test
    void headerWithoutRowsIsRejected() throws IOException {
      Path file = write("cases.csv", "case_id,cancer,model_a,model_b\n");
      assertThatThrownBy(() -> CaseTableReader.read(file, spec())).hasMessageContaining("the table has a header but no cases");
    }

    @Test
    void garbageParquetIsRejected() throws IOException {
      Path file = write("cases.parquet", "this is not parquet");
      assertThatThrownBy(() -> CaseTableReader.read(file, spec()))
          .isInstanceOf(CaseTableException.class)
          .hasMessageContaining("cases.parquet: cannot be read as Parquet");
    }
  }
}
