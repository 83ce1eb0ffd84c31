package org.radtrial.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.radtrial.core.image.Volume;
import org.radtrial.dicom.image.ImageFiles;
import org.radtrial.io.image.ImageFileException;
import org.radtrial.io.image.ImageReader;
import org.radtrial.io.image.Nifti;

/**
 * The image files of {@code radtrial masks} as the command line reads them: NIfTI, or DICOM through
 * the dicom module's {@link ImageFiles} (a SEG's segments as labels on its source series, named by
 * the table's --series column; a PET series in SUV from its headers; a NIfTI PET through its JSON
 * sidecar).
 */
final class StudyImages implements ImageReader {
  static final StudyImages INSTANCE = new StudyImages();

  private StudyImages() {}

  @Override
  public Volume mask(Path file, Path series) {
    if (!Files.isDirectory(file) && Nifti.isNiftiName(file)) {
      return Nifti.read(file);
    }
    if (series == null) {
      if (Files.isRegularFile(file)) {
        try {
          return ImageFiles.read(file);
        } catch (ImageFileException e) {
          if (e.getMessage().contains("Segmentation (SEG)")) {
            throw new ImageFileException(file + ": a DICOM SEG needs the DICOM series it was drawn on: name the table's"
                + " column of series folders with --series");
          }
          throw e;
        }
      }
      return ImageFiles.read(file);
    }
    return ImageFiles.readLabels(file, series);
  }

  @Override
  public Volume pet(Path file) {
    if (!Files.isDirectory(file) && Nifti.isNiftiName(file)) {
      return ImageReader.NIFTI.pet(file);
    }
    return ImageFiles.suvScale(file).apply(ImageFiles.read(file));
  }
}
