package org.radtrial.io.image;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.radtrial.core.image.Volume;

/**
 * Reads the image files of a segmentation study; problems are {@link ImageFileException}s naming
 * the file. {@link #NIFTI} reads NIfTI-1 only; the command line's reader adds DICOM (SEG masks on
 * their source series, PET series with SUV from the headers) from the dicom module, which io
 * cannot depend on.
 */
public interface ImageReader {
  /**
   * A mask or label image. {@code series} is the DICOM series a SEG's segments are placed on (null
   * when the table has none); a NIfTI file ignores it.
   */
  Volume mask(Path file, @Nullable Path series);

  /** A PET image in SUV (body weight, decay-corrected), computed from the file's own attributes. */
  Volume pet(Path file);

  /** NIfTI-1 only: masks as they are, PET in Bq/mL scaled by its JSON sidecar ({@link PetSidecar}). */
  ImageReader NIFTI = new ImageReader() {
    @Override
    public Volume mask(Path file, @Nullable Path series) {
      requireNifti(file);
      return Nifti.read(file);
    }

    @Override
    public Volume pet(Path file) {
      requireNifti(file);
      Path sidecar = PetSidecar.beside(file);
      if (!Files.exists(sidecar)) {
        throw new ImageFileException(file + ": no JSON sidecar (" + sidecar.getFileName() + ") with the SUV attributes"
            + " (Units, BodyWeight, InjectedRadioactivity, RadionuclideHalfLife, InjectionStart, ScanStart,"
            + " ImageDecayCorrected); write one beside the image");
      }
      return PetSidecar.read(sidecar).apply(Nifti.read(file));
    }

    private void requireNifti(Path file) {
      if (!Nifti.isNiftiName(file)) {
        throw new ImageFileException(file + ": not a NIfTI file (.nii or .nii.gz); this reader takes NIfTI only");
      }
    }
  };
}
