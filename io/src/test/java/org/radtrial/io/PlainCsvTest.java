package org.radtrial.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radtrial.core.cohort.Cohort;

/**
 * The parallel fast path gives the row-by-row reader's cohort on plain tables, and leaves every
 * problem, however deep in a file cut into chunks, to that reader with its exact row number.
 */
class PlainCsvTest {
  @TempDir Path dir;

  private static final String[] YES = {"1", "yes", "Y", "TRUE", "positive", "recall"};
  private static final String[] NO = {"0", "no", "n", "False", "negative", "no_recall"};

  /** A random plain table of several megabytes (so several chunks), in one of many dialects. */
  private Path table(SplittableRandom random, int rows, boolean ids, boolean crlf, boolean trailingNewline)
      throws IOException {
    String eol = crlf ? "\r\n" : "\n";
    StringBuilder text = new StringBuilder(rows * 60);
    text.append(ids ? "case_id," : "").append("cancer, model_a ,model_b,reader_1,site,model_c").append(eol);
    for (int r = 1; r <= rows; r++) {
      if (ids) {
        text.append(random.nextInt(4) == 0 ? " " : "").append("exam-").append(r * 7L + 3).append(',');
      }
      text.append(random.nextInt(50) == 0 ? "1" : "0").append(',');
      text.append(random.nextInt(3) == 0 ? "  " : "").append(decimal(random)).append(',');
      text.append(decimal(random)).append(random.nextInt(5) == 0 ? " " : "").append(',');
      text.append(random.nextBoolean() ? YES[random.nextInt(YES.length)] : NO[random.nextInt(NO.length)]).append(',');
      text.append("site ").append((char) ('A' + random.nextInt(5))).append(',');
      text.append(random.nextInt(1000) - 500);
      if (r < rows || trailingNewline) {
        text.append(eol);
      }
    }
    Path file = dir.resolve("t" + random.nextInt(1_000_000) + ".csv");
    Files.writeString(file, text);
    return file;
  }

  private static String decimal(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> Double.toString(random.nextDouble());
      case 1 -> String.format("%.4f", random.nextDouble());
      case 2 -> random.nextInt(100) + "e-" + random.nextInt(20);
      case 3 -> "-" + random.nextInt(10) + "." + random.nextInt(1000);
      case 4 -> "+." + random.nextInt(100000);
      default -> Double.toString(random.nextGaussian() * 1e-300);
    };
  }

  private static CaseTableSpec spec(boolean ids) {
    CaseTableSpec spec = CaseTableSpec.of("cancer", "1", List.of("model_a", "model_b", "model_c"))
        .withReaders(List.of("reader_1")).withMetadata(List.of("site")).withLowerIsPositive(Set.of("model_b"));
    return ids ? spec.withId("case_id") : spec;
  }

  @RepeatedTest(5)
  void aPlainTableReadInParallelGivesTheCohortOfTheRowByRowReader(RepetitionInfo info) throws IOException {
    SplittableRandom random = new SplittableRandom(info.getCurrentRepetition());
    boolean ids = info.getCurrentRepetition() % 3 != 0;
    Path file = table(random, 40_000 + random.nextInt(40_000), ids, random.nextBoolean(), random.nextBoolean());
    CaseTableSpec spec = spec(ids);

    PlainCsv plain = Objects.requireNonNull(PlainCsv.open(file, ','), "a plain table");
    Cohort parallel = plain.cohort(new CaseTableReader.Columns(ids ? 0 : -1, ids ? 1 : 0,
        ids ? new int[] {2, 3, 6} : new int[] {1, 2, 5}, ids ? new int[] {4} : new int[] {3},
        ids ? new int[] {5} : new int[] {4}), spec, false);
    Cohort rowByRow = CaseTableReader.readRowByRow(file, spec);

    assertThat(parallel).as("the fast path took the table").isNotNull();
    assertSameCohort(Objects.requireNonNull(parallel), rowByRow);
    assertSameCohort(CaseTableReader.read(file, spec), rowByRow);
    CaseTableReader.Checksummed checksummed = CaseTableReader.readChecksummed(file, spec);
    assertSameCohort(checksummed.cohort(), rowByRow);
    assertThat(checksummed.sha256()).as("hashed while parsed").isEqualTo(Checksums.sha256(file));
  }

  private static void assertSameCohort(Cohort actual, Cohort expected) {
    assertThat(actual.caseIds()).containsExactlyElementsOf(expected.caseIds());
    assertThat(actual.truth()).containsExactly(expected.truth());
    assertThat(actual.models()).hasSameSizeAs(expected.models());
    for (int k = 0; k < expected.models().size(); k++) {
      assertThat(actual.models().get(k).name()).isEqualTo(expected.models().get(k).name());
      assertThat(actual.models().get(k).higherIsPositive()).isEqualTo(expected.models().get(k).higherIsPositive());
      assertThat(actual.models().get(k).scores()).containsExactly(expected.models().get(k).scores());
    }
    for (int k = 0; k < expected.readers().size(); k++) {
      assertThat(actual.readers().get(k).name()).isEqualTo(expected.readers().get(k).name());
      assertThat(actual.readers().get(k).decisions()).containsExactly(expected.readers().get(k).decisions());
    }
    assertThat(actual.metadata()).isEqualTo(expected.metadata());
  }

  /** Each problem is planted in one row deep in a 150,000-row table that the fast path cuts into chunks. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "bad score    | 123457 | row 123457, column 'model_b': '0.4x' is not a number",
      "missing score| 140001 | row 140001, column 'model_a': the score is missing",
      "duplicate id | 149999 | row 149999, column 'case_id': case id 'exam-10' already appears in row 10",
      "third truth  | 99999  | row 99999, column 'cancer': truth value '2' is neither",
      "bad decision | 77777  | row 77777, column 'reader_1': 'maybe' is not a binary decision",
      "short row    | 120000 | row 120000: the row has 6 cells but the header has 7 columns (line 120001)",
      "blank line   | 130000 | row 130000: the row is empty"})
  void aProblemDeepInAFileParsedInParallelIsReportedAtItsExactRow(String problem, int row, String expected)
      throws IOException {
    StringBuilder text = new StringBuilder("case_id,cancer,model_a,model_b,reader_1,site,model_c\n");
    for (int r = 1; r <= 150_000; r++) {
      if (r != row) {
        text.append("exam-").append(r).append(',').append(r % 97 == 0 ? 1 : 0).append(",0.").append(r % 1000)
            .append(",0.5,1,A,").append(r % 13).append('\n');
        continue;
      }
      text.append(switch (problem.trim()) {
        case "bad score" -> "exam-" + r + ",0,0.1,0.4x,1,A,3";
        case "missing score" -> "exam-" + r + ",0,,0.4,1,A,3";
        case "duplicate id" -> "exam-10,0,0.1,0.4,1,A,3";
        case "third truth" -> "exam-" + r + ",2,0.1,0.4,1,A,3";
        case "bad decision" -> "exam-" + r + ",0,0.1,0.4,maybe,A,3";
        case "short row" -> "exam-" + r + ",0,0.1,0.4,1,A";
        default -> "";
      }).append('\n');
    }
    Path file = dir.resolve("deep.csv");
    Files.writeString(file, text);
    CaseTableSpec spec = spec(true);

    assertThat(PlainCsv.open(file, ',')).as("the file looks plain, so the fast path tries it").isNotNull();
    assertThatThrownBy(() -> CaseTableReader.read(file, spec))
        .isInstanceOf(CaseTableException.class)
        .hasMessageStartingWith(file + ", " + expected.trim());
    assertThatThrownBy(() -> CaseTableReader.readRowByRow(file, spec))
        .hasMessage(catchMessage(() -> CaseTableReader.read(file, spec)));
  }

  /** The message of the CaseTableException that {@code run} throws (also used by ParquetAsCsvTest). */
  static String catchMessage(Runnable run) {
    try {
      run.run();
    } catch (CaseTableException e) {
      return e.getMessage();
    }
    throw new AssertionError("no exception");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'case_id,cancer,model_a\ne1,1,\"0.5\"\ne2,0,0.25\n'",
      "'case_id,cancer,model_a\nécho,1,0.5\ne2,0,0.25\n'",
      "'case_id,cancer,model_a\re1,1,0.5\re2,0,0.25\r'"})
  void quotedNonAsciiOrOldMacTablesAreLeftToTheRowByRowReader(String content) throws IOException {
    Path file = dir.resolve("odd.csv");
    Files.writeString(file, content);
    assertThat(PlainCsv.open(file, ',')).isNull();
    CaseTableSpec spec = CaseTableSpec.of("cancer", "1", List.of("model_a")).withId("case_id");
    assertSameCohort(CaseTableReader.read(file, spec), CaseTableReader.readRowByRow(file, spec));
    assertThat(CaseTableReader.readChecksummed(file, spec).sha256()).isEqualTo(Checksums.sha256(file));
  }

  @Test
  void missingScoresWithExcludeAreKeptAsTheRowByRowReaderKeepsThem() throws IOException {
    Path file = dir.resolve("missing.csv");
    Files.writeString(file, "case_id,cancer,model_a\ne1,1,0.5\ne2,0,NA\ne3,0,0.25\n");
    CaseTableSpec spec = CaseTableSpec.of("cancer", "1", List.of("model_a")).withId("case_id")
        .withMissing(MissingPolicy.EXCLUDE);
    Cohort cohort = CaseTableReader.read(file, spec);
    assertThat(cohort.models().get(0).scores()).containsExactly(0.5, Double.NaN, 0.25);
  }
  /** A plain decimal's double comes from its digits and a power of ten, never from a second parse. */
  @Test
  void everyScoreIsTheDoubleThatDoubleParseDoubleGives() {
    SplittableRandom random = new SplittableRandom(20261130);
    char[] scratch = new char[64];
    String[] fixed = {"0", "-0", "+0", "1.", ".5", "-.5", "+.25", "000123.4500", "0.1", "0.3", "9007199254740993",
        "123456789012345", "1234567890123456", "0.000000000000001", "99999999999999.9", "1e5", "1E-3", "-", ".", "1.2.3",
        "1-2", "+-1", "0.30000000000000004", "179769313486231570000000000000000000000000"};
    for (String text : fixed) {
      assertScoreParsesAsDouble(text, scratch);
    }
    for (int k = 0; k < 300_000; k++) {
      StringBuilder text = new StringBuilder();
      int sign = random.nextInt(4);
      text.append(sign == 0 ? "-" : sign == 1 ? "+" : "");
      int before = random.nextInt(12);
      for (int d = 0; d < before; d++) {
        text.append((char) ('0' + random.nextInt(10)));
      }
      if (random.nextInt(5) != 0) {
        text.append('.');
        int after = random.nextInt(before == 0 ? 1 : 0, 14);
        for (int d = 0; d < after; d++) {
          text.append((char) ('0' + random.nextInt(10)));
        }
      }
      assertScoreParsesAsDouble(text.toString(), scratch);
    }
  }

  private static void assertScoreParsesAsDouble(String text, char[] scratch) {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    double parsed;
    try {
      parsed = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      parsed = Double.NaN;
    }
    double expected = Double.isInfinite(parsed) ? Double.NaN : parsed;
    double actual = PlainCsv.Target.score(bytes, 0, bytes.length, scratch);
    assertThat(Double.doubleToRawLongBits(actual)).as("'%s' read as %s, Double.parseDouble gives %s", text, actual, expected)
        .isEqualTo(Double.doubleToRawLongBits(expected));
  }

  /** Case ids are compared, not only hashed: one repeat among 200,000 distinct ids is found wherever it is. */
  @RepeatedTest(4)
  void oneRepeatedCaseIdAmongManyIsLeftToTheRowByRowReaderWhereverItIs(RepetitionInfo info) throws IOException {
    SplittableRandom random = new SplittableRandom(100 + info.getCurrentRepetition());
    int rows = 200_000;
    int first = random.nextInt(rows - 1);
    int repeat = first + 1 + random.nextInt(rows - first - 1);
    boolean reversed = info.getCurrentRepetition() % 2 == 0;
    CaseTableSpec spec = CaseTableSpec.of("cancer", "1", List.of("model_a")).withId("case_id");
    CaseTableReader.Columns columns = new CaseTableReader.Columns(0, 1, new int[] {2}, new int[0], new int[0]);

    Path file = idTable(rows, repeat, first, reversed);
    PlainCsv plain = Objects.requireNonNull(PlainCsv.open(file, ','));
    assertThat(plain.cohort(columns, spec, false)).as("the fast path hands the repeated id to the checking reader").isNull();
    assertThatThrownBy(() -> CaseTableReader.read(file, spec))
        .hasMessageContaining("row " + (repeat + 1) + ", column 'case_id'")
        .hasMessageContaining("already appears in row " + (first + 1));

    Path distinct = idTable(rows, repeat, repeat, reversed);
    Cohort cohort = Objects.requireNonNull(PlainCsv.open(distinct, ',')).cohort(columns, spec, false);
    assertThat(cohort).as("without the repeat the fast path takes the table").isNotNull();
    assertThat(Objects.requireNonNull(cohort).caseIds())
        .containsExactlyElementsOf(CaseTableReader.readRowByRow(distinct, spec).caseIds());
  }

  /** Ids "id{r}x" (or reversed, so that they differ only in the order of their characters); row {@code repeat} gets row {@code as}'s id. */
  private Path idTable(int rows, int repeat, int as, boolean reversed) throws IOException {
    StringBuilder text = new StringBuilder("case_id,cancer,model_a\n");
    for (int r = 0; r < rows; r++) {
      String id = "id" + (r == repeat ? as : r) + "x";
      text.append(reversed ? new StringBuilder(id).reverse() : id)
          .append(',').append(r % 50 == 0 ? 1 : 0).append(",0.").append(r % 997).append('\n');
    }
    Path file = dir.resolve("ids-" + repeat + "-" + as + ".csv");
    Files.writeString(file, text);
    return file;
  }
  @Test
  void zeroBytesMarksExactlyTheZeroBytesOfAWord() {
    SplittableRandom random = new SplittableRandom(7);
    for (int k = 0; k < 200_000; k++) {
      long word = 0;
      for (int b = 0; b < 8; b++) {
        int value = random.nextInt(4) == 0 ? 0 : random.nextInt(4) == 0 ? 0x80 : random.nextInt(256);
        word |= (long) value << (8 * b);
      }
      long expected = 0;
      for (int b = 0; b < 8; b++) {
        if ((word >>> (8 * b) & 0xFF) == 0) {
          expected |= 0x80L << (8 * b);
        }
      }
      assertThat(PlainCsv.zeroBytes(word)).as("%016x", word).isEqualTo(expected);
    }
  }

  /** The sweep reads eight bytes at a time: a quote, a non-ASCII byte or a lone carriage return is seen at any offset. */
  @ParameterizedTest
  @CsvSource({"'\"'", "é", "'\r'"})
  void anOddByteAtAnyOffsetLeavesTheTableToTheRowByRowReader(String odd) throws IOException {
    for (int offset = 0; offset < 16; offset++) {
      StringBuilder text = new StringBuilder("case_id,cancer,model_a\n");
      for (int r = 0; r < 40; r++) {
        text.append("case-").append(r).append(',').append(r % 2).append(",0.").append(r).append('\n');
      }
      int at = 30 + offset;
      text.insert(at, odd + "x");
      Path file = dir.resolve("odd-" + offset + ".csv");
      Files.writeString(file, text);
      assertThat(PlainCsv.open(file, ',')).as("'%s' at byte %d", odd, at).isNull();
    }
  }
  /** However skewed the hashes (here all in one share of four, many equal), the search ends and compares bytes. */
  @Test
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void theSearchForRepeatedIdsEndsWhateverTheHashes() {
    int rows = 5_000;
    StringBuilder text = new StringBuilder();
    int[] starts = new int[rows];
    int[] ends = new int[rows];
    long[] hashes = new long[rows];
    for (int r = 0; r < rows; r++) {
      starts[r] = text.length();
      text.append("id").append(r);
      ends[r] = text.length();
      hashes[r] = r % 7; // high bits 0: every id in share 0; only seven distinct hashes
    }
    byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    assertThat(PlainCsv.Target.idsRepeat(bytes, starts, ends, hashes, 4)).isFalse();

    starts[rows - 1] = starts[7];
    ends[rows - 1] = ends[7];
    hashes[rows - 1] = hashes[7];
    assertThat(PlainCsv.Target.idsRepeat(bytes, starts, ends, hashes, 4)).as("the last id now repeats id 7").isTrue();
  }
  /** Metadata of a few levels and of many (beyond the per-chunk table of distinct values) read as the checking reader reads them. */
  @Test
  void metadataOfFewAndOfManyDistinctValuesIsReadAsTheRowByRowReaderReadsIt() throws IOException {
    StringBuilder text = new StringBuilder("case_id,cancer,model_a,reader_1,density,exam_date\n");
    String[] densities = {"A", "B", "c", " D "};
    String[] decisions = {"yes", "NO", "Recall", "no_recall", "1", "0"};
    for (int r = 0; r < 60_000; r++) {
      text.append("e").append(r).append(',').append(r % 40 == 0 ? 1 : 0).append(",0.").append(r % 1000).append(',')
          .append(decisions[r % decisions.length]).append(',').append(densities[r % 4]).append(',')
          .append("2020-").append(r % 12 + 1).append('-').append(r).append('\n'); // 60,000 distinct values
    }
    Path file = dir.resolve("levels.csv");
    Files.writeString(file, text);
    CaseTableSpec spec = CaseTableSpec.of("cancer", "1", List.of("model_a")).withId("case_id")
        .withReaders(List.of("reader_1")).withMetadata(List.of("density", "exam_date"));
    Cohort fast = Objects.requireNonNull(PlainCsv.open(file, ','))
        .cohort(new CaseTableReader.Columns(0, 1, new int[] {2}, new int[] {3}, new int[] {4, 5}), spec, false);
    assertThat(fast).as("the fast path took the table").isNotNull();
    assertSameCohort(Objects.requireNonNull(fast), CaseTableReader.readRowByRow(file, spec));
    assertThat(new java.util.HashSet<>(Objects.requireNonNull(fast).metadata().get("exam_date"))).hasSize(60_000);
  }
}
