package org.radtrial.io.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.radtrial.core.synth.SyntheticMasks;
import org.radtrial.io.AtomicFiles;

/**
 * Writes a {@link SyntheticMasks} study as files: per case {@code masks/CASE_reference.nii.gz},
 * one {@code masks/CASE_MODEL.nii.gz} per model (uint8), {@code pet/CASE_suv.nii.gz} (float32, SUV),
 * and {@code cases.csv} with the columns case_id, site, size (small when every lesion is under
 * 1 mL), reference, each model and pet, paths relative to the table.
 */
public final class SyntheticMaskFiles {
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
    csv.append(",pet\n");
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
      String pet = "pet/" + c.id() + "_suv.nii.gz";
      Nifti.writeFloat32(c.pet(), folder.resolve(pet));
      csv.append(',').append(pet).append('\n');
    }
    Path table = folder.resolve("cases.csv");
    AtomicFiles.writeString(table, csv.toString());
    return table;
  }
}
