package org.radtrial.dicom.image;

import com.pixelmed.dicom.AttributeList;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.radtrial.core.image.SuvScale;
import org.radtrial.dicom.DataSet;
import org.radtrial.io.image.ImageFileException;

/**
 * The body-weight SUV scale of a PET series from its DICOM headers (no pixel is decoded), by QIBA's
 * vendor-neutral pseudo-code ({@link SuvScale}): CorrectedImage must hold ATTN and DECY; Units
 * BQML; DecayCorrection START or ADMIN (no decay); RadionuclideTotalDose, RadionuclideHalfLife and
 * RadiopharmaceuticalStart* from the first item of RadiopharmaceuticalInformationSequence;
 * PatientWeight in kg. Values come from the first slice's header, except the acquisition time.
 *
 * <p>The scan start that START decays the dose to (from RadiopharmaceuticalStartDateTime, else
 * RadiopharmaceuticalStartTime on the SeriesDate): SeriesDate/SeriesTime when it is not after the
 * EARLIEST AcquisitionDate/AcquisitionTime over all slices of the series, as QIBA's pseudo-code
 * has it. Otherwise the series may have been post-processed (SeriesTime rewritten): QIBA then takes
 * GE's private scan date-time, which radtrial does not read, so a GE series ("GE" Manufacturer) is
 * refused; for other vendors QIBA's fallback is used, the earliest AcquisitionDate/AcquisitionTime
 * (which QIBA notes is wrong for Siemens PETsyngo 3.x multi-injection series).
 *
 * <p>Magnitude checks (QIBA's sanity checks), each with why it refuses or warns:
 *
 * <ul>
 *   <li>RadionuclideTotalDose below {@value #MIN_DOSE_BQ} Bq (1 MBq) is refused: DICOM requires Bq,
 *       a human PET dose is some 100 to 800 MBq and even a mouse gets several MBq, so such a value
 *       is almost surely in MBq (or mCi) and the SUV would be off by a factor of a million; no unit
 *       can be guessed safely, so the header must be fixed.
 *   <li>PatientWeight above {@value #MAX_WEIGHT_KG} kg is refused: no PET table carries that (they
 *       are rated to about 200 to 250 kg), so the value is almost surely in grams or pounds, and the
 *       SUV would scale with the error.
 *   <li>PatientWeight below {@value #MIN_WEIGHT_KG} kg is only a warning (logged as WARNING on the
 *       {@code org.radtrial.dicom.image.PetSuv} logger): a mouse or rat in a preclinical scanner
 *       truly weighs that, while a human's weight in tons is rare.
 * </ul>
 *
 * Each missing or unusable attribute is a one-line error naming the file and the attribute.
 */
public final class PetSuv {
  /** The smallest RadionuclideTotalDose taken as Bq. */
  static final double MIN_DOSE_BQ = 1e6;
  /** The largest PatientWeight taken as kg. */
  static final double MAX_WEIGHT_KG = 300;
  /** Below this PatientWeight (kg), a warning. */
  static final double MIN_WEIGHT_KG = 1;

  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(PetSuv.class.getName());

  private PetSuv() {}

  /** The scale of a series read by {@link DicomSeries}, from its slices' headers. */
  public static SuvScale of(SeriesVolume series) {
    return of(series.slices().stream().map(SliceSource::file).distinct().toList());
  }

  /** The scale from one PET file's header. */
  public static SuvScale of(Path file) {
    return of(List.of(file));
  }

  /** The scale of a series folder or file, from its headers only. */
  static SuvScale ofHeaders(Path folderOrFile) {
    return of(DicomSeries.headers(folderOrFile, "").slices().stream().map(SliceSource::file).distinct().toList());
  }

  /** The scale from the headers of a series' files: values from the first, acquisition time the earliest of all. */
  static SuvScale of(List<Path> files) {
    Path file = files.get(0);
    AttributeList h = DicomImageFiles.header(file);
    String corrected = String.join("\\", values(h, "CorrectedImage", file));
    if (!corrected.contains("ATTN") || !corrected.contains("DECY")) {
      throw new ImageFileException(file + ": CorrectedImage is '" + corrected + "'; SUV needs images corrected for"
          + " attenuation and decay (ATTN and DECY)");
    }
    String units = required(h, "Units", file);
    String decayCorrection = required(h, "DecayCorrection", file);
    double weight = number(h, "PatientWeight", file);
    AttributeList drug = Frame.items(h, "RadiopharmaceuticalInformationSequence").stream().findFirst()
        .orElseThrow(() -> new ImageFileException(file + ": no RadiopharmaceuticalInformationSequence (needed for SUV)"));
    double dose = number(drug, "RadionuclideTotalDose", file);
    double halfLife = number(drug, "RadionuclideHalfLife", file);
    checkMagnitudes(weight, DataSet.value(h, "PatientWeight"), dose, DataSet.value(drug, "RadionuclideTotalDose"), file);
    LocalDate seriesDate = date(required(h, "SeriesDate", file), "SeriesDate", file);
    LocalDateTime series = seriesDate.atTime(time(required(h, "SeriesTime", file), "SeriesTime", file));
    LocalDateTime scanStart = series;
    Path earliestFile = null;
    LocalDateTime earliest = null;
    for (Path f : files) {
      AttributeList each = f.equals(file) ? h : DicomImageFiles.header(f);
      String acquisitionDate = DataSet.value(each, "AcquisitionDate");
      String acquisitionTime = DataSet.value(each, "AcquisitionTime");
      if (!acquisitionDate.isEmpty() && !acquisitionTime.isEmpty()) {
        LocalDateTime acquisition = date(acquisitionDate, "AcquisitionDate", f).atTime(time(acquisitionTime, "AcquisitionTime", f));
        if (earliest == null || acquisition.isBefore(earliest)) {
          earliest = acquisition;
          earliestFile = f;
        }
      }
    }
    if (earliest != null && series.isAfter(earliest) && decayCorrection.equals("START")) {
      if (DataSet.value(h, "Manufacturer").toUpperCase(java.util.Locale.ROOT).startsWith("GE")) {
        throw new ImageFileException(file + ": SeriesDate/SeriesTime (" + series + ") lies after the earliest"
            + " AcquisitionDate/AcquisitionTime (" + earliest + ", " + earliestFile.getFileName() + "): a post-processed GE"
            + " series, whose scan start QIBA takes from GE's private scan date-time (0009,100D), which radtrial does not read");
      }
      scanStart = earliest;
    }
    LocalDateTime injection;
    String startDateTime = DataSet.value(drug, "RadiopharmaceuticalStartDateTime");
    if (!startDateTime.isEmpty()) {
      injection = dateTime(startDateTime, file);
    } else {
      LocalTime start = time(required(drug, "RadiopharmaceuticalStartTime", file), "RadiopharmaceuticalStartTime", file);
      injection = seriesDate.atTime(start);
      if (injection.isAfter(series)) {
        injection = injection.minusDays(1); // injected before midnight, scanned after
      }
    }
    try {
      return SuvScale.bodyWeight(units, decayCorrection, weight, dose, halfLife, injection, scanStart);
    } catch (IllegalArgumentException e) {
      throw new ImageFileException(file + ": " + e.getMessage(), e);
    }
  }

  private static void checkMagnitudes(double weight, String weightText, double dose, String doseText, Path file) {
    if (dose > 0 && dose < MIN_DOSE_BQ) {
      throw new ImageFileException(file + ": RadionuclideTotalDose " + doseText + " Bq is implausibly small"
          + " for a PET dose (under 1 MBq); DICOM requires Bq and the value looks like MBq or mCi: fix the header");
    }
    if (weight > MAX_WEIGHT_KG) {
      throw new ImageFileException(file + ": PatientWeight " + DataSet.value(DicomImageFiles.header(file), "PatientWeight")
          + " kg is over " + (int) MAX_WEIGHT_KG + " kg, more than a PET table carries; DICOM requires kg and the value looks"
          + " like grams or pounds: fix the header");
    }
    if (weight > 0 && weight < MIN_WEIGHT_KG) {
      LOG.warning(() -> file + ": PatientWeight " + weight + " kg is under 1 kg: right for a small animal, a unit error"
          + " (tons?) for a patient");
    }
  }

  private static List<String> values(AttributeList list, String keyword, Path file) {
    com.pixelmed.dicom.Attribute a = list.get(DataSet.tag(keyword));
    String[] v = a == null ? null : stringValues(a);
    if (v == null || v.length == 0) {
      throw new ImageFileException(file + ": no " + keyword + " (needed for SUV)");
    }
    return List.of(v);
  }

  private static String[] stringValues(com.pixelmed.dicom.Attribute a) {
    try {
      return a.getStringValues();
    } catch (com.pixelmed.dicom.DicomException e) {
      return new String[0];
    }
  }

  private static String required(AttributeList list, String keyword, Path file) {
    String v = DataSet.value(list, keyword);
    if (v.isEmpty()) {
      throw new ImageFileException(file + ": no " + keyword + " (needed for SUV)");
    }
    return v;
  }

  private static double number(AttributeList list, String keyword, Path file) {
    String v = required(list, keyword, file);
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new ImageFileException(file + ": " + keyword + " '" + v + "' is not a number");
    }
  }

  static LocalDate date(String da, String keyword, Path file) {
    try {
      return LocalDate.parse(da.strip(), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    } catch (DateTimeParseException e) {
      throw new ImageFileException(file + ": " + keyword + " '" + da + "' is not a DICOM date (YYYYMMDD)");
    }
  }

  /** A DICOM TM: HH, HHMM, HHMMSS, with an optional fraction; the old HH:MM:SS form too. */
  static LocalTime time(String tm, String keyword, Path file) {
    String t = tm.strip().replace(":", "");
    try {
      String whole = t.contains(".") ? t.substring(0, t.indexOf('.')) : t;
      String fraction = t.contains(".") ? t.substring(t.indexOf('.') + 1) : "";
      int h = Integer.parseInt(whole.substring(0, 2));
      int m = whole.length() >= 4 ? Integer.parseInt(whole.substring(2, 4)) : 0;
      int s = whole.length() >= 6 ? Integer.parseInt(whole.substring(4, 6)) : 0;
      if (whole.length() != 2 && whole.length() != 4 && whole.length() != 6) {
        throw new NumberFormatException(tm);
      }
      int nanos = fraction.isEmpty() ? 0 : (int) Math.round(Double.parseDouble("0." + fraction) * 1e9);
      return LocalTime.of(h, m, s).plusNanos(nanos);
    } catch (RuntimeException e) {
      throw new ImageFileException(file + ": " + keyword + " '" + tm + "' is not a DICOM time (HHMMSS.FFFFFF)");
    }
  }

  /** A DICOM DT (YYYYMMDDHHMMSS.FFFFFF, an offset &ZZXX ignored: both times are the scanner's local time). */
  static LocalDateTime dateTime(String dt, Path file) {
    String v = dt.strip();
    int offset = Math.max(v.indexOf('+'), v.indexOf('-'));
    if (offset > 0) {
      v = v.substring(0, offset);
    }
    if (v.length() < 8) {
      throw new ImageFileException(file + ": RadiopharmaceuticalStartDateTime '" + dt + "' is not a DICOM date-time");
    }
    LocalDate day = date(v.substring(0, 8), "RadiopharmaceuticalStartDateTime", file);
    return v.length() == 8 ? day.atStartOfDay() : day.atTime(time(v.substring(8), "RadiopharmaceuticalStartDateTime", file));
  }

}
