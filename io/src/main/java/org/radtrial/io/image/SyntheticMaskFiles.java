package org.radtrial.io.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.radtrial.core.synth.SyntheticMasks;
import org.radtrial.io.AtomicFiles;

/**
 * Writes a {@link SyntheticMasks} study as files: per case {@code masks/CASE_reference.nii.gz},
 * one {@code masks/CASE_MODEL.nii.gz} per model (uint8), {@code pet/CASE_pet.nii.gz} (float32,
 * activity in Bq/mL) with its JSON sidecar of SUV attributes ({@link PetSidecar}: 75 kg, 370 MBq of
 * F-18, decay-corrected to the scan start 4350 s after injection), so that reading it gives the
 * study's SUV back; and {@code cases.csv} with the columns case_id, site, size (small when every
 * lesion is under 1 mL), reference, each model, pet and series (empty: the command line's synth
 * fills it for the case it also writes as DICOM), paths relative to the table.
 */
public final class SyntheticMaskFiles {
  /** The SUV attributes of every synthetic PET image (BIDS-PET names, as {@link PetSidecar} reads them). */
  static final String SIDECAR = "{\"Units\": \"Bq/mL\", \"BodyWeight\": 75, \"BodyWeightUnits\": \"kg\","
      + " \"InjectedRadioactivity\": 370, \"InjectedRadioactivityUnits\": \"MBq\", \"RadionuclideHalfLife\": 6586.2,"
      + " \"InjectionStart\": 0, \"ScanStart\": 4350, \"ImageDecayCorrected\": true, \"ImageDecayCorrectionTime\": 4350}\n";

  private SyntheticMaskFiles() {}

  /** Writes {@code cases} cases into {@code folder}; returns the table's path. */
  public static Path write(SyntheticMasks study, int cases, Path folder) {
    if (cases < 2) {
      throw new IllegalArgumentException("--cases must be 2 or more for a mask study, was " + cases);
    }
    try {
      Files.createDirectories(folder.resolve("masks"));
      Files.createDirectories(folder.resolve("pet"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + folder + ": " + e.getMessage(), e);
    }
    StringBuilder csv = new StringBuilder("case_id,site,size,reference");
    for (String m : SyntheticMasks.MODELS) {
      csv.append(',').append(m);
    }
    csv.append(",pet,series\n");
    Path sidecarTemplate = folder.resolve("pet").resolve("sidecar.json");
    AtomicFiles.writeString(sidecarTemplate, SIDECAR);
    double factor = PetSidecar.read(sidecarTemplate).factor();
    try {
      Files.delete(sidecarTemplate);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < cases; i++) {
      SyntheticMasks.Case c = study.generate(i);
      String ref = "masks/" + c.id() + "_reference.nii.gz";
      Nifti.writeLabels(c.reference(), folder.resolve(ref));
      csv.append(c.id()).append(',').append(c.site()).append(',').append(c.smallOnly() ? "small" : "large")
          .append(',').append(ref);
      for (int m = 0; m < SyntheticMasks.MODELS.size(); m++) {
        String file = "masks/" + c.id() + "_" + SyntheticMasks.MODELS.get(m) + ".nii.gz";
        Nifti.writeLabels(c.models().get(m), folder.resolve(file));
        csv.append(',').append(file);
      }
      String pet = "pet/" + c.id() + "_pet.nii.gz";
      float[] suv = c.pet().voxels();
      float[] activity = new float[suv.length];
      for (int v = 0; v < suv.length; v++) {
        activity[v] = (float) (suv[v] / factor);
      }
      Nifti.writeFloat32(new org.radtrial.core.image.Volume(c.pet().grid(), activity), folder.resolve(pet));
      AtomicFiles.writeString(PetSidecar.beside(folder.resolve(pet)), SIDECAR);
      csv.append(',').append(pet).append(",\n");
    }
    Path table = folder.resolve("cases.csv");
    AtomicFiles.writeString(table, csv.toString());
    return table;
  }
}
