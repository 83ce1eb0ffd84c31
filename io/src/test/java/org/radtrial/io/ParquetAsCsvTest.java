package org.radtrial.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radtrial.core.cohort.Cohort;

/**
 * A Parquet table read through DuckDB's CSV and the parallel parser gives the cohort of the
 * row-by-row reader, and leaves every type it cannot vouch for, and every problem, to that reader.
 */
class ParquetAsCsvTest {
  @TempDir Path dir;

  private static final CaseTableSpec SPEC = CaseTableSpec.of("cancer", "1", List.of("model_a", "model_b", "model_c"))
      .withId("case_id").withReaders(List.of("reader_1")).withMetadata(List.of("site", "age"))
      .withLowerIsPositive(Set.of("model_b"));

  /** A Parquet file made by DuckDB from a SELECT over a generated series of rows. */
  private Path parquet(String name, String select) throws SQLException {
    Path file = dir.resolve(name);
    try (var db = DriverManager.getConnection("jdbc:duckdb:"); var st = db.createStatement()) {
      st.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet)");
    }
    return file;
  }

  private static String rows(int n, long seed, String scoreB) {
    return "SELECT 'exam-' || i AS case_id, CASE WHEN hash(i + " + seed + ") % 50 = 0 THEN 1 ELSE 0 END AS cancer,"
        + " round(random() * 1000) / 1000 AS model_a, " + scoreB + " AS model_b,"
        + " (hash(i * 7 + " + seed + ") % 100000)::DOUBLE / 7 AS model_c,"
        + " CASE WHEN i % 3 = 0 THEN 'yes' ELSE 'no' END AS reader_1, 'site ' || (i % 5) AS site,"
        + " (40 + i % 35)::INTEGER AS age, i * 2 AS unused"
        + " FROM range(" + n + ") t(i)";
  }

  private static void assertSameCohort(Cohort actual, Cohort expected) {
    assertThat(actual.caseIds()).containsExactlyElementsOf(expected.caseIds());
    assertThat(actual.truth()).containsExactly(expected.truth());
    for (int k = 0; k < expected.models().size(); k++) {
      assertThat(actual.models().get(k).scores()).containsExactly(expected.models().get(k).scores());
      assertThat(actual.models().get(k).higherIsPositive()).isEqualTo(expected.models().get(k).higherIsPositive());
    }
    for (int k = 0; k < expected.readers().size(); k++) {
      assertThat(actual.readers().get(k).decisions()).containsExactly(expected.readers().get(k).decisions());
    }
    assertThat(actual.metadata()).isEqualTo(expected.metadata());
  }

  @RepeatedTest(3)
  void aParquetTableGivesTheRowByRowReadersCohortAndTheFilesChecksum(RepetitionInfo info) throws Exception {
    int n = 60_000 + 20_000 * info.getCurrentRepetition(); // several megabytes: several chunks
    String scoreB = switch (info.getCurrentRepetition()) {
      case 1 -> "(random() * 20 - 10)::DOUBLE"; // full-precision doubles, negative too
      case 2 -> "(i % 997)::BIGINT"; // integers
      default -> "(random() * 100)::DECIMAL(9, 4)"; // decimals
    };
    Path file = parquet("t.parquet", "SELECT setseed(0." + info.getCurrentRepetition() + "), * FROM (" + rows(n, 11, scoreB)
        + ") ORDER BY 1");
    Path exported = ParquetAsCsv.export(file, SPEC.models(), List.of("case_id", "cancer", "reader_1", "site", "age"));
    assertThat(exported).as("the fast path takes these types").isNotNull();
    Files.delete(exported);

    CaseTableReader.Checksummed fast = CaseTableReader.readChecksummed(file, SPEC);
    Cohort rowByRow = CaseTableReader.readRowByRow(file, SPEC);

    assertThat(fast.cohort().size()).isEqualTo(n);
    assertSameCohort(fast.cohort(), rowByRow);
    assertThat(fast.sha256()).isEqualTo(Checksums.sha256(file));
  }

  /** A FLOAT's or a date's JDBC text is not the CSV's: such a table is read row by row, as before. */
  @ParameterizedTest
  @CsvSource({"float score", "date metadata"})
  void typesWhoseTextDiffersAreLeftToTheRowByRowReader(String kind) throws Exception {
    String select = kind.equals("float score") ? rows(2_000, 3, "(random())::FLOAT")
        : "SELECT * REPLACE (DATE '2020-01-01' + age AS site) FROM (" + rows(2_000, 3, "random()") + ")";
    Path file = parquet("odd.parquet", select);
    assertThat(ParquetAsCsv.export(file, SPEC.models(), List.of("case_id", "cancer", "reader_1", "site", "age"))).isNull();
    assertSameCohort(CaseTableReader.read(file, SPEC), CaseTableReader.readRowByRow(file, SPEC));
  }

  /** A problem deep in the table is reported by the row-by-row reader, at its row, naming the Parquet file. */
  @ParameterizedTest
  @CsvSource({"missing score, model_a", "repeated id, case_id", "unknown decision, reader_1"})
  void aProblemDeepInTheTableIsReportedAsTheRowByRowReaderReportsIt(String problem, String column) throws Exception {
    String value = switch (problem) {
      case "missing score" -> "NULL::DOUBLE";
      case "repeated id" -> "'exam-10'";
      default -> "'maybe'";
    };
    String inner = rows(60_000, 5, "random()").replace("AS unused", "AS unused, i");
    String planted = "SELECT * REPLACE (CASE WHEN i = 54320 THEN " + value + " ELSE " + column + " END AS " + column + ")"
        + " FROM (" + inner + ")";
    Path file = parquet("bad.parquet", "SELECT * EXCLUDE (i) FROM (" + planted + ")");
    String expected = PlainCsvTest.catchMessage(() -> CaseTableReader.readRowByRow(file, SPEC));
    assertThat(expected).startsWith(file + ", row 54321");
    assertThatThrownBy(() -> CaseTableReader.read(file, SPEC)).hasMessage(expected);
  }

  @Test
  void aMissingColumnIsNamedAsTheRowByRowReaderNamesIt() throws Exception {
    Path file = parquet("short.parquet", rows(100, 1, "random()").replace(", 'site ' || (i % 5) AS site", ""));
    String expected = PlainCsvTest.catchMessage(() -> CaseTableReader.readRowByRow(file, SPEC));
    assertThat(expected).contains("'site'").contains("no such column");
    assertThatThrownBy(() -> CaseTableReader.read(file, SPEC)).hasMessage(expected);
  }

  @Test
  void theTemporaryCsvIsRemoved() throws Exception {
    Path file = parquet("t.parquet", rows(1_000, 2, "random()"));
    long before = countTemporaryFiles();
    CaseTableReader.read(file, SPEC);
    assertThat(countTemporaryFiles()).isEqualTo(before);
  }

  private static long countTemporaryFiles() throws IOException {
    try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(f -> f.getFileName().toString().startsWith("radtrial-parquet-")).count();
    }
  }
  /** PlainCsv trims its header as String.trim does (control characters too): such a name is left to the checking reader. */
  @Test
  void aColumnNameEndingInAControlCharacterIsReadAsTheRowByRowReaderReadsIt() throws Exception {
    Path file = parquet("control.parquet", "SELECT 'e' || i AS case_id, (i % 2)::INTEGER AS cancer, random() AS \"model_a\u0001\""
        + " FROM range(100) t(i)");
    CaseTableSpec spec = CaseTableSpec.of("cancer", "1", List.of("model_a\u0001")).withId("case_id");
    assertThat(ParquetAsCsv.export(file, spec.models(), List.of("case_id", "cancer"))).isNull();
    assertSameCohort(CaseTableReader.read(file, spec), CaseTableReader.readRowByRow(file, spec));
  }
}
