package org.radtrial.io.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import org.radtrial.core.image.SuvScale;

/**
 * The body-weight SUV scale of a NIfTI PET image from its JSON sidecar (BIDS-PET names), by the
 * same rules as DICOM headers ({@link SuvScale}):
 *
 * <pre>
 * { "Units": "Bq/mL",
 *   "BodyWeight": 75, "BodyWeightUnits": "kg",
 *   "InjectedRadioactivity": 370, "InjectedRadioactivityUnits": "MBq",
 *   "RadionuclideHalfLife": 6586.2,
 *   "InjectionStart": 0, "ScanStart": 4350,
 *   "ImageDecayCorrected": true, "ImageDecayCorrectionTime": 4350 }
 * </pre>
 *
 * Times are seconds from BIDS' TimeZero. Decay correction to the scan start
 * ({@code ImageDecayCorrectionTime == ScanStart}) is DICOM's START: the dose is decayed from
 * InjectionStart to ScanStart; correction to the injection ({@code == InjectionStart}) is ADMIN.
 * {@code RadionuclideHalfLife} (seconds) is not a BIDS field: radtrial asks for it as DICOM has it.
 * Units Bq/mL only; weight in kg or g; activity in Bq, kBq, MBq, GBq or mCi. Missing fields are
 * one-line errors naming the file and the field.
 */
public final class PetSidecar {
  private static final LocalDateTime TIME_ZERO = LocalDateTime.of(2000, 1, 1, 0, 0);

  private PetSidecar() {}

  /** The sidecar of a NIfTI file: the same name with {@code .json} for {@code .nii} or {@code .nii.gz}. */
  public static Path beside(Path nifti) {
    String name = String.valueOf(nifti.getFileName());
    String stem = name.replaceFirst("(?i)\\.nii(\\.gz)?$", "");
    return nifti.resolveSibling(stem + ".json");
  }

  /** The SUV scale from a sidecar file. */
  public static SuvScale read(Path json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(json));
    } catch (NoSuchFileException e) {
      throw new ImageFileException(json + ": no such file (the PET image's JSON sidecar, needed for SUV)", e);
    } catch (IOException e) {
      throw new ImageFileException(json + ": not readable as JSON (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new ImageFileException(json + ": not a JSON object");
    }
    String units = text(root, "Units", json);
    String dicomUnits = units.equalsIgnoreCase("Bq/mL") || units.equals("BQML") ? "BQML" : units;
    String weightUnits = optionalText(root, "BodyWeightUnits", "kg");
    double weight = number(root, "BodyWeight", json) * switch (weightUnits) {
      case "kg" -> 1.0;
      case "g" -> 0.001;
      default -> throw new ImageFileException(json + ": BodyWeightUnits '" + weightUnits + "'; radtrial reads kg or g");
    };
    String activityUnits = text(root, "InjectedRadioactivityUnits", json);
    double dose = number(root, "InjectedRadioactivity", json) * switch (activityUnits) {
      case "Bq" -> 1.0;
      case "kBq" -> 1e3;
      case "MBq" -> 1e6;
      case "GBq" -> 1e9;
      case "mCi" -> 3.7e7;
      default -> throw new ImageFileException(json + ": InjectedRadioactivityUnits '" + activityUnits
          + "'; radtrial reads Bq, kBq, MBq, GBq or mCi");
    };
    double halfLife = number(root, "RadionuclideHalfLife", json);
    double injection = number(root, "InjectionStart", json);
    double scan = number(root, "ScanStart", json);
    if (!root.has("ImageDecayCorrected")) {
      throw new ImageFileException(json + ": no ImageDecayCorrected (needed for SUV)");
    }
    String decayCorrection;
    if (!root.get("ImageDecayCorrected").asBoolean()) {
      decayCorrection = "NONE";
    } else {
      double to = number(root, "ImageDecayCorrectionTime", json);
      if (Math.abs(to - scan) < 1e-6) {
        decayCorrection = "START";
      } else if (Math.abs(to - injection) < 1e-6) {
        decayCorrection = "ADMIN";
      } else {
        throw new ImageFileException(String.format(Locale.ROOT,
            "%s: ImageDecayCorrectionTime %s s is neither ScanStart (%s s) nor InjectionStart (%s s); SUV needs images decay"
                + " corrected to one of them", json, to, scan, injection));
      }
    }
    try {
      return SuvScale.bodyWeight(dicomUnits, decayCorrection, weight, dose, halfLife, at(injection), at(scan));
    } catch (IllegalArgumentException e) {
      throw new ImageFileException(json + ": " + e.getMessage(), e);
    }
  }

  private static LocalDateTime at(double seconds) {
    return TIME_ZERO.plusNanos(Math.round(seconds * 1e9));
  }

  private static String text(JsonNode root, String field, Path json) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      throw new ImageFileException(json + ": no " + field + " (needed for SUV)");
    }
    return v.asText().strip();
  }

  private static String optionalText(JsonNode root, String field, String absent) {
    JsonNode v = root.get(field);
    return v == null || v.isNull() ? absent : v.asText().strip();
  }

  private static double number(JsonNode root, String field, Path json) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      throw new ImageFileException(json + ": no " + field + " (needed for SUV)");
    }
    if (!v.isNumber()) {
      throw new ImageFileException(json + ": " + field + " is " + v + ", not a number");
    }
    return v.asDouble();
  }
}
