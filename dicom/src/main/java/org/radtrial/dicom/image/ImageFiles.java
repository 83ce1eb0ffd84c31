package org.radtrial.dicom.image;

import com.pixelmed.dicom.AttributeList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.radtrial.core.image.SuvScale;
import org.radtrial.core.image.Volume;
import org.radtrial.dicom.DataSet;
import org.radtrial.dicom.DicomFiles;
import org.radtrial.io.image.ImageFileException;
import org.radtrial.io.image.Nifti;
import org.radtrial.io.image.PetSidecar;

/**
 * The one entry point for image files: a NIfTI file ({@code .nii}, {@code .nii.gz}), a DICOM series
 * folder or a single (multi-frame) DICOM file becomes a {@link Volume}; a DICOM SEG becomes its
 * segments on its source series' grid. Every error is an {@link ImageFileException} naming the path.
 */
public final class ImageFiles {
  private ImageFiles() {}

  /**
   * An intensity image: NIfTI by name, a folder as its one DICOM image series, a DICOM file alone.
   * A SEG is refused here (its masks need the source series: {@link #readSegments}).
   */
  public static Volume read(Path path) {
    if (!Files.exists(path)) {
      throw new ImageFileException(path + ": no such file or folder");
    }
    if (!Files.isDirectory(path) && Nifti.isNiftiName(path)) {
      return Nifti.read(path);
    }
    if (!Files.isDirectory(path)) {
      requireDicom(path);
      if (isSegmentation(path)) {
        throw new ImageFileException(path + ": a Segmentation (SEG): read its masks with the source series folder"
            + " (ImageFiles.readSegments)");
      }
    }
    return DicomSeries.read(path).volume();
  }

  /** A SEG's segments as binary masks on the grid of its source series, found in {@code sourceFolder}. */
  public static List<SegmentMask> readSegments(Path seg, Path sourceFolder) {
    if (!Files.isRegularFile(seg)) {
      throw new ImageFileException(seg + ": no such file");
    }
    requireDicom(seg);
    return SegmentationMasks.read(seg, sourceFolder);
  }

  /**
   * A label image: a NIfTI label file as it is ({@code sourceFolder} unused), or a SEG's segments as
   * one label volume (voxel = segment number) on its source series' grid.
   */
  public static Volume readLabels(Path labels, Path sourceFolder) {
    if (!Files.isDirectory(labels) && Nifti.isNiftiName(labels)) {
      return Nifti.read(labels);
    }
    if (Files.isRegularFile(labels) && !DicomFiles.notDicom(labels).isPresent() && isSegmentation(labels)) {
      return SegmentationMasks.readLabels(labels, sourceFolder);
    }
    return read(labels);
  }

  /**
   * The body-weight SUV scale of a PET image: from the DICOM headers of a series folder or file (no
   * pixel decoded; {@link PetSuv}), or from the JSON sidecar beside a NIfTI file ({@link PetSidecar}).
   */
  public static SuvScale suvScale(Path pet) {
    if (!Files.exists(pet)) {
      throw new ImageFileException(pet + ": no such file or folder");
    }
    if (!Files.isDirectory(pet) && Nifti.isNiftiName(pet)) {
      return PetSidecar.read(PetSidecar.beside(pet));
    }
    if (!Files.isDirectory(pet)) {
      requireDicom(pet);
    }
    return PetSuv.ofHeaders(pet);
  }

  private static void requireDicom(Path file) {
    DicomFiles.notDicom(file).ifPresent(reason -> {
      throw new ImageFileException(file + ": neither NIfTI (.nii, .nii.gz) nor DICOM: " + reason);
    });
  }

  private static boolean isSegmentation(Path file) {
    AttributeList header = DicomImageFiles.header(file);
    return DataSet.value(header, "SOPClassUID").equals(DicomSeries.SEGMENTATION_STORAGE);
  }
}
