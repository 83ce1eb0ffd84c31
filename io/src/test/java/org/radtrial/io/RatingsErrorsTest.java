package org.radtrial.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.core.mrmc.ReaderStudy;

/** Every kind of bad ratings file stops the read with a message naming the file and the rows or lines. */
class RatingsErrorsTest {
  @TempDir Path dir;

  /** Two modalities × two readers × four cases (two with disease), fully crossed: 16 rows. */
  private static final String GOOD = """
      reader,modality,case,truth,rating
      r1,A,c1,1,5
      r1,A,c2,1,4
      r1,A,c3,0,2
      r1,A,c4,0,1
      r2,A,c1,1,4
      r2,A,c2,1,4
      r2,A,c3,0,3
      r2,A,c4,0,1
      r1,B,c1,1,5
      r1,B,c2,1,5
      r1,B,c3,0,1
      r1,B,c4,0,2
      r2,B,c1,1,3
      r2,B,c2,1,5
      r2,B,c3,0,1
      r2,B,c4,0,1
      """;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private ReaderStudy read(String name, String content) throws IOException {
    return RatingsReader.read(write(name, content), RatingsSpec.defaults());
  }

  @Nested
  class Tables {
    @Test
    void readsAGoodTable() throws IOException {
      ReaderStudy s = read("ok.csv", GOOD);
      assertThat(s.modalities()).containsExactly("A", "B");
      assertThat(s.readers()).containsExactly("r1", "r2");
      assertThat(s.cases()).containsExactly("c1", "c2", "c3", "c4");
    }

    @Test
    void anUnbalancedDesignNamesTheReaderTheModalityTheCaseAndItsRows() throws IOException {
      String missing = GOOD.replace("r2,B,c3,0,1\n", "");
      assertThatThrownBy(() -> read("unbalanced.csv", missing))
          .isInstanceOf(CaseTableException.class)
          .hasMessageStartingWith(dir.resolve("unbalanced.csv") + ": unbalanced design: reader 'r2' has no rating of"
              + " case 'c3' in modality 'B' (the case appears in rows 3, 7 and 11)")
          .hasMessageContaining("fully crossed");
    }

    /** GOOD, plus readers r3 and r4 who read cases c5–c8 (and only those) in both modalities. */
    private String splitPlot() {
      StringBuilder b = new StringBuilder(GOOD);
      for (String line : GOOD.lines().skip(1).toList()) {
        String[] f = line.split(",");
        int c = Integer.parseInt(f[2].substring(1)) + 4;
        b.append(f[0].equals("r1") ? "r3" : "r4").append(',').append(f[1]).append(",c").append(c).append(',')
            .append(f[3]).append(',').append(f[4]).append('\n');
      }
      return b.toString();
    }

    @Test
    void readersWhoReadDisjointCaseSetsFormTheBlocksOfASplitPlotStudy() throws IOException {
      ReaderStudy s = read("split.csv", splitPlot());
      assertThat(s.isSplitPlot()).isTrue();
      assertThat(s.blocks()).isEqualTo(2);
      assertThat(s.studyBlocks().get(0).readers()).containsExactly("r1", "r2");
      assertThat(s.studyBlocks().get(1).readers()).containsExactly("r3", "r4");
      assertThat(s.studyBlocks().get(1).cases()).isEqualTo(4);
      assertThat(s.cases()).hasSize(8);
    }

    @Test
    void aMissingReadingInsideABlockIsNamedAsASplitPlotGap() throws IOException {
      assertThatThrownBy(() -> read("split.csv", splitPlot().replace("r4,B,c7,0,1\n", "")))
          .isInstanceOf(CaseTableException.class)
          .hasMessageContaining("reader 'r4' has no rating of case 'c7' in modality 'B'")
          .hasMessageContaining("every case of his block");
    }

    @Test
    void caseSetsThatOverlapWithoutBeingEqualAreAnUnbalancedDesign() throws IOException {
      // r4 also reads c1 in A: its cases overlap block 1's without being the same set
      assertThatThrownBy(() -> read("overlap.csv", splitPlot() + "r4,A,c1,1,3\n"))
          .hasMessageContaining("unbalanced design").hasMessageContaining("split plot");
    }

    @Test
    void aStandaloneReaderCannotJoinASplitPlotStudy() throws IOException {
      String withAi = splitPlot() + "AI,AI alone,c1,1,0.9\nAI,AI alone,c2,1,0.7\nAI,AI alone,c3,0,0.4\nAI,AI alone,c4,0,0.1\n"
          + "AI,AI alone,c5,1,0.9\nAI,AI alone,c6,1,0.7\nAI,AI alone,c7,0,0.4\nAI,AI alone,c8,0,0.1\n";
      Path file = write("split-ai.csv", withAi);
      assertThatThrownBy(() -> RatingsReader.read(file, RatingsSpec.defaults().withStandaloneReader("AI")))
          .hasMessageContaining("split-plot design of 2 blocks").hasMessageContaining("drop --standalone-reader");
    }

    @Test
    void aReaderWhoSkippedAWholeModalityIsNamed() throws IOException {
      String skipped = GOOD.lines().filter(l -> !l.startsWith("r2,B")).reduce("", (a, b) -> a + b + "\n");
      assertThatThrownBy(() -> read("skipped.csv", skipped))
          .hasMessageContaining("reader 'r2' did not rate modality 'B' at all");
    }

    @Test
    void aDuplicateReadingNamesBothRows() throws IOException {
      assertThatThrownBy(() -> read("duplicate.csv", GOOD + "r1,A,c2,1,3\n"))
          .hasMessageStartingWith(dir.resolve("duplicate.csv") + ", row 17: repeats the reading of case 'c2' by reader"
              + " 'r1' in modality 'A' already given in row 2");
    }

    @Test
    void aCaseWhoseTruthDiffersBetweenRowsNamesBothRows() throws IOException {
      String conflict = GOOD.replace("r2,B,c1,1,3", "r2,B,c1,0,3");
      assertThatThrownBy(() -> read("truth.csv", conflict))
          .hasMessageStartingWith(dir.resolve("truth.csv") + ", row 13: case 'c1' has truth '0' here but '1' in row 1");
    }

    @Test
    void aNonNumericRatingNamesRowAndColumn() throws IOException {
      assertThatThrownBy(() -> read("text.csv", GOOD.replace("r1,B,c2,1,5", "r1,B,c2,1,high")))
          .hasMessageStartingWith(dir.resolve("text.csv") + ", row 10, column 'rating': 'high' is not a number");
    }

    @Test
    void anUnknownColumnListsTheHeaderAndSuggestsTheClosest() throws IOException {
      Path file = write("columns.csv", GOOD.replace("rating", "ratings"));
      assertThatThrownBy(() -> RatingsReader.read(file, RatingsSpec.defaults()))
          .hasMessage(file + ", column 'rating': no such column (named by --rating-column). The header has: reader,"
              + " modality, case, truth, ratings. Did you mean 'ratings'?");
    }

    @Test
    void columnsCanBeRenamed() throws IOException {
      Path file = write("renamed.csv", GOOD.replace("reader,modality,case,truth,rating", "rdr,trt,id,cancer,score"));
      ReaderStudy s = RatingsReader.read(file, RatingsSpec.defaults().withColumns("rdr", "trt", "id", "cancer", "score"));
      assertThat(s.readers()).containsExactly("r1", "r2");
    }

    @Test
    void aThirdTruthValueIsRejected() throws IOException {
      assertThatThrownBy(() -> read("third.csv", GOOD.replace("r1,A,c4,0,1", "r1,A,c4,2,1")))
          .hasMessageContaining("row 4, column 'truth': truth value '2' is neither the positive class '1'");
    }

    @Test
    void aMissingRatingIsNamed() throws IOException {
      assertThatThrownBy(() -> read("missing.csv", GOOD.replace("r2,A,c2,1,4", "r2,A,c2,1,")))
          .hasMessageStartingWith(dir.resolve("missing.csv") + ", row 6, column 'rating': the rating is missing");
    }

    @Test
    void oneReaderIsNotAReaderStudy() throws IOException {
      String one = GOOD.lines().filter(l -> !l.startsWith("r2")).reduce("", (a, b) -> a + b + "\n");
      assertThatThrownBy(() -> read("one.csv", one)).hasMessageContaining("at least two human readers; found 1 (r1)");
    }

    @Test
    void tooFewCasesOfAClassAreNamed() throws IOException {
      String onePositive = GOOD.replace(",c2,1,", ",c2,0,");
      assertThatThrownBy(() -> read("classes.csv", onePositive))
          .hasMessageContaining("1 case(s) with and 3 without disease; the analysis needs at least two of each");
    }
  }

  @Nested
  class StandaloneReader {
    private final String withAi = GOOD
        + "AI,AI alone,c1,1,0.9\nAI,AI alone,c2,1,0.7\nAI,AI alone,c3,0,0.4\nAI,AI alone,c4,0,0.1\n";

    @Test
    void aModalityOnlyTheStandaloneReaderRatedIsNotAHumanModality() throws IOException {
      ReaderStudy s = RatingsReader.read(write("ai.csv", withAi), RatingsSpec.defaults().withStandaloneReader("AI"));
      assertThat(s.modalities()).containsExactly("A", "B");
      assertThat(s.readers()).containsExactly("r1", "r2");
      assertThat(s.standalone()).get().extracting(org.radtrial.core.mrmc.StandaloneReader::name).isEqualTo("AI");
      assertThat(s.standalone().get().ratings()).containsExactly(0.9, 0.7, 0.4, 0.1);
    }

    @Test
    void withoutNamingItTheAiIsAnUnbalancedReader() throws IOException {
      assertThatThrownBy(() -> read("ai.csv", withAi))
          .hasMessageContaining("reader 'AI' did not rate modality 'A' at all");
    }

    @Test
    void anUnknownStandaloneReaderListsTheReaders() throws IOException {
      Path file = write("ai.csv", withAi);
      assertThatThrownBy(() -> RatingsReader.read(file, RatingsSpec.defaults().withStandaloneReader("CAD")))
          .hasMessageContaining("no reader is named 'CAD'").hasMessageContaining("the readers are: r1, r2, AI");
    }

    @Test
    void theStandaloneReaderMustRateEveryCase() throws IOException {
      Path file = write("ai.csv", withAi.replace("AI,AI alone,c3,0,0.4\n", ""));
      assertThatThrownBy(() -> RatingsReader.read(file, RatingsSpec.defaults().withStandaloneReader("AI")))
          .hasMessageContaining("the stand-alone reader 'AI' has no rating of case 'c3' (the case appears in rows 3, 7, 11 and 15)");
    }

    @Test
    void theStandaloneReadersRatingsCannotDependOnTheModality() throws IOException {
      Path file = write("ai.csv", withAi + "AI,A,c2,1,0.6\n");
      assertThatThrownBy(() -> RatingsReader.read(file, RatingsSpec.defaults().withStandaloneReader("AI")))
          .hasMessageContaining("row 21: the stand-alone reader 'AI' rates case 'c2' differently here (modality 'A')"
              + " than in row 18 (modality 'AI alone')");
    }
  }

  @Nested
  class Imrmc {
    private static final String HEADER = "a small study\nNR: 2\nN0: 2\nN1: 2\nNM: 2\nBEGIN DATA:\n";
    private static final String TRUTH = "-1,c1,0,1\n-1,c2,0,1\n-1,c3,0,0\n-1,c4,0,0\n";

    private String data() {
      StringBuilder b = new StringBuilder(HEADER).append(TRUTH);
      GOOD.lines().skip(1).forEach(l -> {
        String[] f = l.split(",");
        b.append(f[0]).append(',').append(f[2]).append(',').append(f[1]).append(',').append(f[4]).append('\n');
      });
      return b.toString();
    }

    @Test
    void readsAGoodFile() throws IOException {
      ReaderStudy s = read("ok.imrmc", data());
      assertThat(s.modalities()).containsExactly("A", "B");
      assertThat(s.positives()).isEqualTo(2);
    }

    @Test
    void aLineWithoutFourFieldsIsNamed() throws IOException {
      assertThatThrownBy(() -> read("fields.imrmc", data().replace("r1,c2,A,4", "r1,c2,A")))
          .hasMessageStartingWith(dir.resolve("fields.imrmc") + ": line 12: expected 4 comma-separated fields");
    }

    @Test
    void aNonNumericScoreIsNamed() throws IOException {
      assertThatThrownBy(() -> read("score.imrmc", data().replace("r1,c2,A,4", "r1,c2,A,four")))
          .hasMessageContaining("line 12: score 'four' is not a finite number");
    }

    @Test
    void countsThatDisagreeWithTheDataAreNamed() throws IOException {
      assertThatThrownBy(() -> read("count.imrmc", data().replace("NR: 2", "NR: 3")))
          .hasMessageContaining("line 2: NR: says 3 but the data have 2 readers");
    }

    @Test
    void aCaseWithoutATruthLineIsNamed() throws IOException {
      assertThatThrownBy(() -> read("truth.imrmc", data().replace("-1,c4,0,0\n", "")))
          .hasMessageContaining("line 13: case 'c4' is rated but its truth is not given");
    }

    @Test
    void aTruthOtherThanZeroOrOneIsNamed() throws IOException {
      assertThatThrownBy(() -> read("two.imrmc", data().replace("-1,c4,0,0", "-1,c4,0,2")))
          .hasMessageContaining("line 10: truth score '2' of case 'c4' must be 0");
    }

    @Test
    void conflictingTruthLinesAreNamed() throws IOException {
      assertThatThrownBy(() -> read("twice.imrmc", data() + "-1,c1,0,0\n"))
          .hasMessageContaining("line 27: case 'c1' has truth '0' here but '1' in line 7");
    }

    @Test
    void anUnbalancedDesignNamesTheLinesOfTheCase() throws IOException {
      assertThatThrownBy(() -> read("unbalanced.imrmc", data().replace("r2,c3,B,1\n", "")))
          .hasMessageContaining("reader 'r2' has no rating of case 'c3' in modality 'B' (the case appears in lines 9, 13, 17 and 21)");
    }

    @Test
    void aDuplicateReadingNamesBothLines() throws IOException {
      assertThatThrownBy(() -> read("dup.imrmc", data() + "r1,c1,A,2\n"))
          .hasMessageContaining("line 27: repeats the reading of case 'c1' by reader 'r1' in modality 'A' already given in line 11");
    }

    @Test
    void withoutBeginDataNothingIsRead() throws IOException {
      assertThatThrownBy(() -> read("nodata.imrmc", "just a description\n"))
          .hasMessageContaining("no 'BEGIN DATA:' line");
    }
  }

  @Nested
  class Lrc {
    private static final String GOOD_LRC = """
        a small study
        r1
        "A"\t"B"
        L\tL
        2\t1\t0
        1\t2\t1
        *
        5\t5\t2
        4\t5\t3
        *
        r2
        3\t1
        1\t1
        *
        4\t3
        4\t5
        *
        #
        """;

    @Test
    void readsAGoodFileAndIgnoresTrailingFields() throws IOException {
      ReaderStudy s = read("ok.lrc", GOOD_LRC);
      assertThat(s.modalities()).containsExactly("A", "B");
      assertThat(s.readers()).containsExactly("r1", "r2");
      assertThat(s.cases()).containsExactly("negative-1", "negative-2", "positive-1", "positive-2");
      assertThat(s.ratings(1, 0)).containsExactly(1, 2, 5, 5);
    }

    @Test
    void smallerIsMoreSuspiciousWhenMarkedS() throws IOException {
      ReaderStudy s = read("small.lrc", GOOD_LRC.replace("L\tL", "L\tS"));
      assertThat(s.higherIsPositive(1)).isFalse();
      assertThat(s.ratings(1, 0)).containsExactly(-1, -2, -5, -5);
    }

    @Test
    void aReaderWithFewerCasesIsAnUnbalancedDesign() throws IOException {
      String fewer = GOOD_LRC.replace("r2\n3\t1\n1\t1\n*", "r2\n3\t1\n*");
      assertThatThrownBy(() -> read("fewer.lrc", fewer))
          .hasMessageContaining("line 12: unbalanced design: reader 'r2' has 1 cases without disease (lines 12-12) but"
              + " reader 'r1' has 2");
    }

    @Test
    void aLineWithTooFewRatingsIsNamed() throws IOException {
      assertThatThrownBy(() -> read("short.lrc", GOOD_LRC.replace("4\t3\n", "4\n")))
          .hasMessageContaining("line 15: found 1 rating(s) for 2 modalities (A, B)");
    }

    @Test
    void aNonNumericRatingIsNamed() throws IOException {
      assertThatThrownBy(() -> read("text.lrc", GOOD_LRC.replace("4\t5\t3", "4\tx\t3")))
          .hasMessageContaining("line 9: rating 'x' for modality 'B' is not a finite number");
    }

    @Test
    void aBadDirectionIsNamed() throws IOException {
      assertThatThrownBy(() -> read("direction.lrc", GOOD_LRC.replace("L\tL", "L\tUP")))
          .hasMessageContaining("line 4: 'UP' is not a rating direction");
    }

    @Test
    void aFileEndingInsideABlockIsNamed() throws IOException {
      assertThatThrownBy(() -> read("cut.lrc", GOOD_LRC.substring(0, GOOD_LRC.indexOf("4\t5\n"))))
          .hasMessageContaining("the file ends inside the ratings of reader 'r2'");
    }

    @Test
    void aRepeatedReaderIsNamed() throws IOException {
      assertThatThrownBy(() -> read("twice.lrc", GOOD_LRC.replace("r2\n", "r1\n")))
          .hasMessageContaining("line 11: reader 'r1' already has ratings from line 2");
    }
  }

  @Test
  void aMissingFileIsNamed() {
    Path absent = dir.resolve("absent.csv");
    assertThatThrownBy(() -> RatingsReader.read(absent, RatingsSpec.defaults()))
        .hasMessage(absent + ": no such file; check the path given to --ratings");
  }
}
