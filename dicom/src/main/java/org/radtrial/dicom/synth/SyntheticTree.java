package org.radtrial.dicom.synth;

import com.pixelmed.dicom.AttributeList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A synthetic screening-mammography archive for the demo and the benchmark (not real patients):
 * DIR/images/EXAM/*.dcm (four views per exam, three vendors, ages 40 to 79), DIR/ai/EXAM.dcm (one
 * Mammography CAD SR per exam from the model "breast-ai"), and DIR/truth.csv (accession_number,
 * cancer). The model is planted to be weaker on vendor "Vendor C" and on women aged 70 and over, so
 * that an audit by vendor and age has something to find.
 */
public final class SyntheticTree {
  static final List<SyntheticDevice> DEVICES = List.of(
      new SyntheticDevice("Vendor A", "Alpha 3000", "SN-A-0001", "North Hospital"),
      new SyntheticDevice("Vendor B", "Beta Mammo", "SN-B-0002", "South Clinic"),
      new SyntheticDevice("Vendor C", "Gamma DR", "SN-C-0003", "East Center"));

  private SyntheticTree() {}

  /** What was written. */
  public record Written(int exams, int images, int reports, int cancers) {}

  /**
   * @param dir folder to write into (created)
   * @param exams number of exams
   * @param withReports whether to write the AI SRs and truth.csv
   * @param seed the same seed writes the same files
   */
  public static Written write(Path dir, int exams, boolean withReports, long seed) {
    if (exams < 1) {
      throw new IllegalArgumentException("--exams " + exams + ": write at least one exam");
    }
    Random random = new Random(seed);
    StringBuilder truth = new StringBuilder("accession_number,cancer\n");
    int images = 0;
    int cancers = 0;
    for (int e = 0; e < exams; e++) {
      String accession = String.format(Locale.ROOT, "ACC%07d", e + 1);
      int age = 40 + random.nextInt(40);
      LocalDate studyDate = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(700));
      LocalDate birth = studyDate.minusYears(age).minusDays(1 + random.nextInt(360));
      SyntheticPatient patient = new SyntheticPatient(String.format(Locale.ROOT, "PID%06d", e + 1),
          "Synthetic^Patient" + (e + 1), birth, "F", studyDate, accession, SyntheticDicom.uid(random));
      SyntheticDevice device = DEVICES.get(random.nextInt(DEVICES.size()));
      String series = SyntheticDicom.uid(random);
      int n = 0;
      for (String side : List.of("L", "R")) {
        for (String view : List.of("CC", "MLO")) {
          n++;
          AttributeList image = SyntheticDicom.mammogram(patient, device, series, SyntheticDicom.uid(random), side, view, n);
          SyntheticDicom.write(image, dir.resolve("images").resolve(accession).resolve(side + "_" + view + ".dcm"));
          images++;
        }
      }
      boolean cancer = random.nextDouble() < 0.1;
      cancers += cancer ? 1 : 0;
      truth.append(accession).append(',').append(cancer ? 1 : 0).append('\n');
      if (withReports) {
        double signal = device.manufacturer().equals("Vendor C") || age >= 70 ? 0.3 : 2.5;
        double logit = (cancer ? signal : 0) - 2 + random.nextGaussian();
        double probability = 1 / (1 + Math.exp(-logit));
        String side = random.nextBoolean() ? "L" : "R";
        AttributeList sr = SyntheticReports.mammographyCad(patient, "breast-ai", SyntheticDicom.uid(random),
            SyntheticDicom.uid(random), List.of(new SyntheticReports.Lesion("Mass", side, probability)));
        SyntheticDicom.write(sr, dir.resolve("ai").resolve(accession + ".dcm"));
      }
    }
    if (withReports) {
      try {
        Files.writeString(dir.resolve("truth.csv"), truth.toString());
      } catch (IOException ex) {
        throw new UncheckedIOException("cannot write " + dir.resolve("truth.csv"), ex);
      }
    }
    return new Written(exams, images, withReports ? exams : 0, cancers);
  }

  /** The devices, for tests. */
  static List<SyntheticDevice> devices() {
    return new ArrayList<>(DEVICES);
  }
}
