package org.radtrial.io.image;

import java.nio.file.Path;
import org.radtrial.core.image.Volume;

/**
 * Reads one image file (a mask or a PET volume) into a {@link Volume}; problems are
 * {@link ImageFileException}s naming the file. {@link #NIFTI} reads NIfTI-1; the command line adds
 * DICOM (series and SEG) from the dicom module, which io cannot depend on.
 */
@FunctionalInterface
public interface ImageReader {
  Volume read(Path file);

  /** NIfTI-1 only; any other file is refused by name. */
  ImageReader NIFTI = file -> {
    if (!Nifti.isNiftiName(file)) {
      throw new ImageFileException(file + ": not a NIfTI file (.nii or .nii.gz); this reader takes NIfTI only");
    }
    return Nifti.read(file);
  };
}
