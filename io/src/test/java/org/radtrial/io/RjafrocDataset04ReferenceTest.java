package org.radtrial.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radtrial.core.lesions.CellResult;
import org.radtrial.core.lesions.FrocPoint;
import org.radtrial.core.lesions.LesionAnalysis;
import org.radtrial.core.lesions.LesionResult;
import org.radtrial.core.lesions.LesionStudy;
import org.radtrial.core.lesions.LocalizationFigure;
import org.radtrial.core.mrmc.GeneralizationResult;
import org.radtrial.core.mrmc.GlobalTest;
import org.radtrial.core.mrmc.ModalityDifference;
import org.radtrial.core.mrmc.OrVarianceComponents;

/**
 * RJafroc's dataset04 (Zanca et al. 2009: 5 modalities × 4 readers × 200 mammograms), read from RJafroc's
 * layout, against RJafroc's published and stored output. Sources:
 *
 * <ul>
 *   <li>[book] RJafrocBook, chapter "Obuchowski Rockette Applications", section "RJafroc: dataset04, FROC":
 *       {@code print(StSignificanceTesting(dataset04, FOM = "wAFROC", method = "OR"), digits = 3)}, as
 *       rendered in GitHub dpc10ster/RJafrocBook, branch gh-pages, {@code 10c-or-analysis-applications.md}
 *       lines 918–1011 (December 2021).
 *   <li>[rds] RJafroc's stored test value {@code tests/testthat/goodValues361/UtilOutputReport/dataset04-OR-wAFROC.rds}
 *       (GitHub dpc10ster/RJafroc, commit 44b0e39e), the same analysis at full precision, printed by the
 *       committed {@code goodvalues-or-wafroc.R} into {@code goodvalues-or-wafroc.out} (R 4 {@code readRDS}).
 *   <li>[plots] RJafroc's stored {@code goodValues361/Plots/ds04-FROC.rds}, {@code ds04-AFROC.rds},
 *       {@code ds04-wAFROC.rds}: the empirical operating points of modality 1, reader 3, printed by
 *       {@code goodvalues-plots.R} into {@code goodvalues-plots.out}.
 *   <li>[froc-book] RJafrocFrocBook (GitHub dpc10ster/RJafrocFrocBook), chapter "Empirical plots from FROC data":
 *       {@code UtilFigureOfMerit(dataset04, FOM = "AFROC")} and {@code FOM = "FROC"}, every reader × modality printed
 *       to 7 digits.
 *   <li>[Iowa] OR-DBM MRMC 2.51 on the inferred-ROC data {@code DfFroc2Roc(dataset04)}, RJafroc
 *       {@code inst/Iowa/FedRoc.txt}, "TREATMENT x READER AUC ESTIMATES" (8 decimals).
 * </ul>
 */
class RjafrocDataset04ReferenceTest {
  private static LesionResult result;

  @BeforeAll
  static void analyse() throws URISyntaxException {
    Path dir = Paths.get(RjafrocDataset04ReferenceTest.class.getResource("/rjafroc-dataset04/truth.csv").toURI()).getParent();
    LesionStudy study = LocalizationTablesReader.read(dir.resolve("truth.csv"), dir.resolve("nl.csv"), dir.resolve("ll.csv"));
    result = LesionAnalysis.analyse(study, 0.95);
  }

  private static CellResult cell(String modality, String reader) {
    return result.cells().stream().filter(c -> c.modality().equals(modality) && c.reader().equals(reader)).findFirst()
        .orElseThrow();
  }

  @Test
  void readsTheDesignAsRjafrocDescribesIt() {
    assertThat(result.cases()).isEqualTo(200);
    assertThat(result.normals()).isEqualTo(100);
    assertThat(result.abnormals()).isEqualTo(100);
    assertThat(result.lesions()).isEqualTo(142);
    assertThat(result.modalities()).containsExactly("1", "2", "3", "4", "5");
    assertThat(result.readers()).containsExactly("1", "3", "4", "5");
    assertThat(result.primary()).isEqualTo(LocalizationFigure.WAFROC);
  }

  /** [rds] $FOMs$foms, 15 significant digits; [book] the same to the 3 printed decimals. */
  @Test
  void everyWafrocFigureOfMeritMatchesRjafroc() {
    String[] readers = {"1", "3", "4", "5"};
    double[][] rds = {
        {0.779266666666642, 0.724891666666683, 0.703624999999970, 0.805091666666654},
        {0.786999999999984, 0.726899999999986, 0.722616666666624, 0.803783333333312},
        {0.729691666666647, 0.715758333333362, 0.672308333333317, 0.772658333333321},
        {0.810133333333311, 0.743116666666663, 0.694358333333286, 0.829408333333333},
        {0.748799999999990, 0.682274999999998, 0.655174999999981, 0.771249999999967}};
    double[][] book = {
        {0.779, 0.725, 0.704, 0.805}, {0.787, 0.727, 0.723, 0.804}, {0.730, 0.716, 0.672, 0.773},
        {0.810, 0.743, 0.694, 0.829}, {0.749, 0.682, 0.655, 0.771}};
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 4; j++) {
        double v = cell(String.valueOf(i + 1), readers[j]).value(LocalizationFigure.WAFROC);
        assertThat(v).as("modality %d reader %s", i + 1, readers[j]).isCloseTo(rds[i][j], within(1e-12));
        assertThat(v).isCloseTo(book[i][j], within(0.0005));
      }
    }
  }

  /** [book] $RRRC$FTests: F 7.8, DF 4 and 36.8, p 0.000117; [rds] the same at full precision. */
  @Test
  void theRandomReaderRandomCaseTestMatchesRjafroc() {
    GlobalTest test = rrrc().test();
    assertThat(test).isNotNull();
    assertThat(test.statistic()).isCloseTo(7.80029966712507, within(1e-9));
    assertThat(test.ndf()).isEqualTo(4);
    assertThat(test.ddf()).isCloseTo(36.7933427334847, within(1e-9));
    assertThat(test.p()).isCloseTo(0.000117105004418416, within(1e-12));
    assertThat(test.statistic()).isCloseTo(7.8, within(0.05));
    assertThat(test.ddf()).isCloseTo(36.8, within(0.05));
    assertThat(test.p()).isCloseTo(0.000117, within(0.0000005));
  }

  /** [book] $RRRC$ciDiffTrt: every difference, SE 0.0122, t, p and CI as printed; [rds] full precision. */
  @Test
  void everyTreatmentDifferenceAndItsIntervalMatchRjafroc() {
    // estimate, t, p, lower, upper as printed in the book
    double[][] book = {
        {-0.00686, -0.563, 5.77e-01, -0.03155, 0.01784},
        {0.03061, 2.512, 1.65e-02, 0.00592, 0.05531},
        {-0.01604, -1.316, 1.96e-01, -0.04073, 0.00866},
        {0.03884, 3.188, 2.92e-03, 0.01415, 0.06354},
        {0.03747, 3.075, 3.96e-03, 0.01278, 0.06217},
        {-0.00918, -0.753, 4.56e-01, -0.03387, 0.01552},
        {0.04570, 3.750, 6.07e-04, 0.02100, 0.07040},
        {-0.04665, -3.828, 4.85e-04, -0.07135, -0.02195},
        {0.00823, 0.675, 5.04e-01, -0.01647, 0.03292},
        {0.05488, 4.504, 6.52e-05, 0.03018, 0.07957}};
    // estimate, p, lower, upper from the stored value
    double[][] rds = {
        {-0.00685624999998902, 5.77086663349750e-01, -0.03155144391743274, 0.01783894391745471},
        {0.03061458333332567, 1.65092867517966e-02, 0.00591938941588195, 0.05530977725076940},
        {-0.01603541666666064, 1.96339868368158e-01, -0.04073061058410436, 0.00865977725078308},
        {0.03884375000000351, 2.92464610591224e-03, 0.01414855608255979, 0.06353894391744723},
        {0.03747083333331469, 3.95574508974480e-03, 0.01277563941587097, 0.06216602725075841},
        {-0.00917916666667162, 4.56077670977386e-01, -0.03387436058411535, 0.01551602725077210},
        {0.04569999999999252, 6.06971057017063e-04, 0.02100480608254880, 0.07039519391743625},
        {-0.04664999999998631, 4.84595399517210e-04, -0.07134519391743004, -0.02195480608254259},
        {0.00822916666667783, 5.03697868674401e-01, -0.01646602725076589, 0.03292436058412156},
        {0.05487916666666415, 6.52281417308874e-05, 0.03018397274922043, 0.07957436058410787}};
    List<ModalityDifference> differences = rrrc().differences();
    assertThat(differences).hasSize(10);
    String[][] pairs = {{"1", "2"}, {"1", "3"}, {"1", "4"}, {"1", "5"}, {"2", "3"}, {"2", "4"}, {"2", "5"}, {"3", "4"},
        {"3", "5"}, {"4", "5"}};
    for (int d = 0; d < 10; d++) {
      ModalityDifference m = differences.get(d);
      assertThat(new String[] {m.first(), m.second()}).containsExactly(pairs[d]);
      assertThat(m.estimate()).isCloseTo(rds[d][0], within(1e-12));
      assertThat(m.standardError()).isCloseTo(0.0121856696366859, within(1e-12));
      assertThat(m.df()).isCloseTo(36.7933427334847, within(1e-9));
      assertThat(m.p()).isCloseTo(rds[d][1], within(1e-10 + 1e-9 * rds[d][1]));
      assertThat(m.ci().lower()).isCloseTo(rds[d][2], within(1e-10));
      assertThat(m.ci().upper()).isCloseTo(rds[d][3], within(1e-10));
      assertThat(m.estimate()).isCloseTo(book[d][0], within(0.000005));
      assertThat(m.standardError()).isCloseTo(0.0122, within(0.00005));
      assertThat(m.statistic()).isCloseTo(book[d][1], within(0.0005));
      assertThat(m.p()).isCloseTo(book[d][2], within(Math.abs(book[d][2]) * 0.005));
      assertThat(m.ci().lower()).isCloseTo(book[d][3], within(0.000005));
      assertThat(m.ci().upper()).isCloseTo(book[d][4], within(0.000005));
    }
  }

  /** [rds] $ANOVA$VarCom; [book] to the printed digits (VarR 0.002209, Cov1 0.000422, ...). */
  @Test
  void theVarianceComponentsMatchRjafroc() {
    OrVarianceComponents c = result.readerStudy().obuchowskiRockette().components();
    assertThat(c.varR()).isCloseTo(0.002208645635543267, within(1e-14));
    assertThat(c.varTR()).isCloseTo(-0.000304599776324186, within(1e-14));
    assertThat(c.cov1()).isCloseTo(0.000422035981920836, within(1e-14));
    assertThat(c.cov2()).isCloseTo(0.000336155636528308, within(1e-14));
    assertThat(c.cov3()).isCloseTo(0.000304311237834361, within(1e-14));
    assertThat(c.varError()).isCloseTo(0.000928083651152080, within(1e-14));
  }

  /** [Iowa] OR-DBM MRMC 2.51's trapezoidal AUCs of the inferred-ROC data (its readers 1–4 are 1, 3, 4, 5). */
  @Test
  void everyInferredRocAucMatchesOrDbmMrmc() {
    String[] readers = {"1", "3", "4", "5"};
    double[][] iowa = { // [reader][modality] as printed
        {0.90425000, 0.86425000, 0.81295000, 0.90235000, 0.84140000},
        {0.79820000, 0.84470000, 0.81635000, 0.83150000, 0.77300000},
        {0.81175000, 0.82050000, 0.75275000, 0.78865000, 0.77115000},
        {0.86645000, 0.87160000, 0.85730000, 0.87980000, 0.84800000}};
    for (int j = 0; j < 4; j++) {
      for (int i = 0; i < 5; i++) {
        assertThat(cell(String.valueOf(i + 1), readers[j]).value(LocalizationFigure.INFERRED_ROC))
            .isCloseTo(iowa[j][i], within(5e-9));
      }
    }
  }

  /**
   * [plots] modality 1, reader 3: the FROC and wAFROC operating points (NLF on all 200 cases, LLF of 142 lesions) and
   * the AFROC and wAFROC figures of merit as the trapezoidal areas under RJafroc's stored AFROC and wAFROC
   * points (which end at (1, 1)).
   */
  @Test
  void frocCurveAndAfrocAreasMatchRjafrocsStoredOperatingPoints() {
    CellResult c = cell("1", "3");
    double[][] froc = {{0, 0}, {0, 0.105633802816901}, {0, 0.309859154929577}, {0.030, 0.514084507042254},
        {0.105, 0.521126760563380}, {0.215, 0.521126760563380}};
    List<FrocPoint> points = c.froc().points();
    assertThat(points).hasSize(froc.length);
    for (int p = 0; p < froc.length; p++) {
      assertThat(points.get(p).nlf()).isCloseTo(froc[p][0], within(1e-12));
      assertThat(points.get(p).llf()).isCloseTo(froc[p][1], within(1e-12));
    }
    double[][] afroc = {{0, 0}, {0, 0.105633802816901}, {0, 0.309859154929577}, {0.04, 0.514084507042254},
        {0.10, 0.521126760563380}, {0.19, 0.521126760563380}, {1, 1}};
    double[][] wafroc = {{0, 0}, {0, 0.111666666666667}, {0, 0.338333333333333}, {0.04, 0.540000000000000},
        {0.10, 0.545000000000000}, {0.19, 0.545000000000000}, {1, 1}};
    assertThat(c.value(LocalizationFigure.AFROC)).isCloseTo(area(afroc), within(1e-12));
    assertThat(c.value(LocalizationFigure.WAFROC)).isCloseTo(area(wafroc), within(1e-12));
    double[] fpf = c.wafroc().fpf();
    double[] llf = c.wafroc().llf();
    assertThat(fpf).hasSize(wafroc.length);
    for (int p = 0; p < wafroc.length; p++) {
      assertThat(fpf[p]).isCloseTo(wafroc[p][0], within(1e-12));
      assertThat(llf[p]).isCloseTo(wafroc[p][1], within(1e-12));
    }
  }

  /**
   * [froc-book] RJafrocFrocBook (GitHub dpc10ster/RJafrocFrocBook), chapter "Empirical plots from FROC data",
   * section "The AFROC plot": {@code UtilFigureOfMerit(dataset04, FOM = "AFROC")}, printed to 7 decimals, every
   * reader × modality.
   */
  @Test
  void everyAfrocFigureOfMeritMatchesTheFrocBook() {
    String[] readers = {"1", "3", "4", "5"};
    double[][] book = {
        {0.7427113, 0.7104930, 0.7003169, 0.7909859},
        {0.7586972, 0.7161620, 0.7225352, 0.7927465},
        {0.6983451, 0.6955282, 0.6777817, 0.7547535},
        {0.7817606, 0.7234507, 0.7132746, 0.8136268},
        {0.7169718, 0.6690845, 0.6587324, 0.7682042}};
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 4; j++) {
        assertThat(cell(String.valueOf(i + 1), readers[j]).value(LocalizationFigure.AFROC))
            .as("modality %d reader %s", i + 1, readers[j]).isCloseTo(book[i][j], within(5e-8));
      }
    }
  }

  /**
   * [froc-book] the same chapter, section "The empirical FROC plot": {@code UtilFigureOfMerit(dataset04, FOM =
   * "FROC")} (an FOM of RJafroc versions before 2.0: the trapezoidal area under the empirical FROC from (0, 0)
   * to its end point, NLF over all 200 cases, no extension), printed to 7 significant digits, every cell.
   */
  @Test
  void everyAreaUnderTheFrocCurveMatchesTheFrocBook() {
    String[] readers = {"1", "3", "4", "5"};
    double[][] book = {
        {0.2361972, 0.1085035, 0.2268486, 0.09922535},
        {0.2192077, 0.2231338, 0.4793310, 0.18450704},
        {0.1947359, 0.1063028, 0.2543662, 0.15137324},
        {0.2198768, 0.1307394, 0.3293662, 0.13882042},
        {0.1800528, 0.1097535, 0.3015141, 0.16563380}};
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 4; j++) {
        List<FrocPoint> points = cell(String.valueOf(i + 1), readers[j]).froc().points();
        double[][] xy = new double[points.size()][];
        for (int p = 0; p < xy.length; p++) {
          xy[p] = new double[] {points.get(p).nlf(), points.get(p).llf()};
        }
        assertThat(area(xy)).as("modality %d reader %s", i + 1, readers[j]).isCloseTo(book[i][j], within(5e-8));
      }
    }
  }

  private static double area(double[][] points) {
    double a = 0;
    for (int p = 1; p < points.length; p++) {
      a += (points[p][0] - points[p - 1][0]) * (points[p][1] + points[p - 1][1]) / 2;
    }
    return a;
  }

  private static GeneralizationResult rrrc() {
    return result.readerStudy().obuchowskiRockette().randomReadersRandomCases();
  }
}
