package org.radtrial.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtrial.core.mrmc.CovarianceMethod;
import org.radtrial.core.mrmc.FomAnalysis;
import org.radtrial.core.mrmc.Generalization;
import org.radtrial.core.mrmc.GeneralizationResult;
import org.radtrial.core.mrmc.ModalityDifference;
import org.radtrial.core.mrmc.MrmcAnalysis;
import org.radtrial.core.mrmc.MrmcResult;
import org.radtrial.core.mrmc.MrmcSpec;
import org.radtrial.core.mrmc.ReaderStudy;
import org.radtrial.core.mrmc.ReaderValue;

/**
 * The Van Dyke study read from its CSV, iMRMC and OR-DBM MRMC (.lrc) files (test resources copied
 * from /work/shared/data/vandyke, see the README there) gives the same study and identical
 * analyses; only the reader and modality names differ (1–5 and 1–2 in the CSV, 0–4 and 0–1 in the
 * others).
 */
class RatingsReaderTest {
  @TempDir Path dir;

  static Path resource(String name) {
    try {
      return Path.of(RatingsReaderTest.class.getResource("vandyke/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ReaderStudy read(String name) {
    return RatingsReader.read(resource(name), RatingsSpec.defaults());
  }

  @Test
  void readsTheCsvTable() {
    ReaderStudy s = read("vandyke.csv");
    assertThat(s.modalities()).containsExactly("1", "2");
    assertThat(s.readers()).containsExactly("1", "2", "3", "4", "5");
    assertThat(s.cases()).hasSize(114);
    assertThat(s.positives()).isEqualTo(45);
    assertThat(s.negatives()).isEqualTo(69);
    assertThat(s.ratings(0, 0)).startsWith(1, 2, 2, 1);
  }

  @Test
  void readsTheImrmcFile() {
    ReaderStudy s = read("RJafroc_dataset02.imrmc");
    assertThat(s.modalities()).containsExactly("0", "1");
    assertThat(s.readers()).containsExactly("0", "1", "2", "3", "4");
    assertThat(s.positives()).isEqualTo(45);
    assertThat(s.negatives()).isEqualTo(69);
  }

  @Test
  void readsTheLrcFile() {
    ReaderStudy s = read("RJafroc_VD.lrc");
    assertThat(s.modalities()).containsExactly("0", "1");
    assertThat(s.readers()).containsExactly("0", "1", "2", "3", "4");
    assertThat(s.positives()).isEqualTo(45);
    assertThat(s.negatives()).isEqualTo(69);
    assertThat(s.cases()).startsWith("negative-1").contains("positive-45");
  }

  @Test
  void allThreeFormatsGiveIdenticalAnalyses() {
    MrmcSpec spec = MrmcSpec.defaults().withCut(3);
    MrmcResult csv = MrmcAnalysis.analyse(read("vandyke.csv"), spec);
    for (String other : List.of("RJafroc_dataset02.imrmc", "RJafroc_VD.lrc")) {
      for (CovarianceMethod method : CovarianceMethod.values()) {
        MrmcResult a = MrmcAnalysis.analyse(read("vandyke.csv"), spec.withCovariance(method));
        MrmcResult b = MrmcAnalysis.analyse(read(other), spec.withCovariance(method));
        assertSameAnalysis(a.auc(), b.auc(), other);
        assertSameAnalysis(a.sensitivity(), b.sensitivity(), other);
        assertSameAnalysis(a.specificity(), b.specificity(), other);
      }
    }
    assertThat(csv.auc().obuchowskiRockette().randomReadersRandomCases().test().p()).isCloseTo(0.0517, within(5e-5));
  }

  @Test
  void aParquetTableIsReadLikeTheCsv() throws Exception {
    Path parquet = dir.resolve("vandyke.parquet");
    try (var c = DriverManager.getConnection("jdbc:duckdb:"); var s = c.createStatement()) {
      s.execute("COPY (SELECT * FROM read_csv('" + resource("vandyke.csv") + "', all_varchar = true)) TO '" + parquet
          + "' (FORMAT PARQUET)");
    }
    MrmcResult a = MrmcAnalysis.analyse(read("vandyke.csv"), MrmcSpec.defaults());
    MrmcResult b = MrmcAnalysis.analyse(RatingsReader.read(parquet, RatingsSpec.defaults()), MrmcSpec.defaults());
    assertSameAnalysis(a.auc(), b.auc(), "parquet");
  }

  @Test
  void lowerIsPositiveRatingsGiveTheSameAucsWhenReversed() {
    ReaderStudy s = RatingsReader.read(resource("vandyke.csv"), RatingsSpec.defaults().withLowerIsPositive(true));
    MrmcResult reversed = MrmcAnalysis.analyse(s, MrmcSpec.defaults());
    MrmcResult original = MrmcAnalysis.analyse(read("vandyke.csv"), MrmcSpec.defaults());
    for (int k = 0; k < 10; k++) {
      assertThat(reversed.auc().values().get(k).value())
          .isCloseTo(1 - original.auc().values().get(k).value(), within(1e-12));
    }
    assertThat(s.higherIsPositive(0)).isFalse();
  }

  private static void assertSameAnalysis(FomAnalysis a, FomAnalysis b, String context) {
    assertThat(b.values()).extracting(ReaderValue::value).as(context).containsExactlyElementsOf(
        a.values().stream().map(ReaderValue::value).toList());
    var ca = a.obuchowskiRockette().components();
    var cb = b.obuchowskiRockette().components();
    assertThat(cb.varError()).as(context).isCloseTo(ca.varError(), within(1e-15));
    assertThat(cb.cov1()).as(context).isCloseTo(ca.cov1(), within(1e-15));
    assertThat(cb.cov2()).as(context).isCloseTo(ca.cov2(), within(1e-15));
    assertThat(cb.cov3()).as(context).isCloseTo(ca.cov3(), within(1e-15));
    assertThat(cb.varR()).as(context).isCloseTo(ca.varR(), within(1e-15));
    assertThat(b.obuchowskiRockette().meanSquares().modality()).isEqualTo(a.obuchowskiRockette().meanSquares().modality());
    for (Generalization g : Generalization.values()) {
      assertSameResult(a.obuchowskiRockette().result(g), b.obuchowskiRockette().result(g), context);
      assertSameResult(a.dbm().result(g), b.dbm().result(g), context);
    }
    assertThat(b.dbm().components().varC()).isCloseTo(a.dbm().components().varC(), within(1e-12));
  }

  private static void assertSameResult(GeneralizationResult a, GeneralizationResult b, String context) {
    assertThat(b.test().statistic()).as(context).isCloseTo(a.test().statistic(), within(1e-9));
    assertThat(b.test().ddf()).as(context).isCloseTo(a.test().ddf(), within(1e-9));
    assertThat(b.test().p()).as(context).isCloseTo(a.test().p(), within(1e-12));
    ModalityDifference da = a.differences().get(0);
    ModalityDifference db = b.differences().get(0);
    assertThat(db.estimate()).as(context).isCloseTo(da.estimate(), within(1e-15));
    assertThat(db.ci().lower()).as(context).isCloseTo(da.ci().lower(), within(1e-12));
    assertThat(db.ci().upper()).as(context).isCloseTo(da.ci().upper(), within(1e-12));
  }
}
