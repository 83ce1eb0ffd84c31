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
 * The body-weight SUV scale of a PET series from its DICOM header, by QIBA's vendor-neutral
 * pseudo-code ({@link SuvScale}): CorrectedImage must hold ATTN and DECY; Units BQML;
 * DecayCorrection START (the dose decayed from RadiopharmaceuticalStartDateTime, else
 * RadiopharmaceuticalStartTime on the SeriesDate, to SeriesDate/SeriesTime) or ADMIN (no decay);
 * RadionuclideTotalDose, RadionuclideHalfLife and RadiopharmaceuticalStart* from the first item of
 * RadiopharmaceuticalInformationSequence; PatientWeight in kg. A series whose SeriesDate/Time lies
 * after its AcquisitionDate/Time may have been post-processed: QIBA then takes a vendor's private
 * scan time, which radtrial does not read, so it stops. Each missing or unusable attribute is a
 * one-line error naming the file and the attribute.
 */
public final class PetSuv {
  private PetSuv() {}

  /** The scale of a series read by {@link DicomSeries}, from its first slice's header. */
  public static SuvScale of(SeriesVolume series) {
    return of(series.slices().get(0).file());
  }

  /** The scale from one PET file's header. */
  public static SuvScale of(Path file) {
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
    LocalDate seriesDate = date(required(h, "SeriesDate", file), "SeriesDate", file);
    LocalDateTime series = seriesDate.atTime(time(required(h, "SeriesTime", file), "SeriesTime", file));
    String acquisitionDate = DataSet.value(h, "AcquisitionDate");
    String acquisitionTime = DataSet.value(h, "AcquisitionTime");
    if (!acquisitionDate.isEmpty() && !acquisitionTime.isEmpty()) {
      LocalDateTime acquisition = date(acquisitionDate, "AcquisitionDate", file).atTime(time(acquisitionTime, "AcquisitionTime", file));
      if (series.isAfter(acquisition) && decayCorrection.equals("START")) {
        throw new ImageFileException(file + ": SeriesDate/SeriesTime (" + series + ") lies after AcquisitionDate/AcquisitionTime ("
            + acquisition + "): a post-processed series, whose scan start QIBA takes from a vendor's private attribute,"
            + " which radtrial does not read");
      }
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
      return SuvScale.bodyWeight(units, decayCorrection, weight, dose, halfLife, injection, series);
    } catch (IllegalArgumentException e) {
      throw new ImageFileException(file + ": " + e.getMessage(), e);
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
