package org.radtrial.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.radtrial.core.recon.VoxelBox;
import org.radtrial.core.synth.ReconPhantom;
import org.radtrial.io.image.Nifti;

/**
 * Writes the SYNTHETIC reconstruction study of {@code radtrial synth --recon}: per case its four
 * NIfTI images and its box table under {@code images/}, then {@code cases.csv} (case_id, reference,
 * fast, ai_smooth, ai_drift, roi), {@code savings.csv} (a 20-minute standard protocol against a
 * 6-minute fast one, on which both AI methods run) and {@code detector.csv} (case_id, lesion 1/0, and
 * a synthetic detector's score on each image: the task-based comparison for {@code radtrial evaluate}),
 * {@code lesion-truth.csv} and {@code lesion-marks.csv} (the lesions' centres and the detector's three
 * highest marks on each image, one "model" per image, for {@code radtrial lesions --marks}).
 * One case in three has no lesion.
 */
public final class ReconPhantomWriter {
  private ReconPhantomWriter() {}

  /** Writes {@code cases} cases of nx × ny × nz voxels into {@code directory} as .nii.gz; returns cases.csv. */
  public static Path write(Path directory, int cases, int nx, int ny, int nz, long seed) {
    return write(directory, cases, nx, ny, nz, seed, ".nii.gz");
  }

  /** The same, with the images' extension: ".nii.gz" or ".nii" (uncompressed: faster to read, four times larger). */
  public static Path write(Path directory, int cases, int nx, int ny, int nz, long seed, String extension) {
    try {
      Path images = directory.resolve("images");
      Files.createDirectories(images);
      StringBuilder table = new StringBuilder("case_id," + String.join(",", ReconPhantom.IMAGES) + ",roi\n");
      StringBuilder detector = new StringBuilder("case_id,lesion," + String.join(",", ReconPhantom.IMAGES) + "\n");
      StringBuilder truth = new StringBuilder("case_id,lesion_id,x,y,z,radius\n");
      StringBuilder marks = new StringBuilder("model,case_id,x,y,z,confidence\n");
      for (int c = 1; c <= cases; c++) {
        String id = String.format(java.util.Locale.ROOT, "phantom%03d", c);
        ReconPhantom.Case phantom = ReconPhantom.generate(id, nx, ny, nz, seed * 1_000_003L + c, c % 3 != 0);
        table.append(id);
        detector.append(id).append(',').append(phantom.lesions().isEmpty() ? 0 : 1);
        if (phantom.lesions().isEmpty()) {
          truth.append(id).append(",,,,,\n");
        }
        for (int l = 0; l < phantom.lesions().size(); l++) {
          ReconPhantom.Lesion lesion = phantom.lesions().get(l);
          // the matching radius: the lesion's, and at least 2 voxels so a mark on a small lesion's peak counts
          truth.append(String.format(java.util.Locale.ROOT, "%s,%d,%.2f,%.2f,%.2f,%.2f%n", id, l + 1, lesion.i(), lesion.j(),
              lesion.k(), Math.max(2, lesion.radius())));
        }
        for (int m = 0; m < phantom.images().size(); m++) {
          List<ReconPhantom.Mark> found = ReconPhantom.detectorMarks(phantom.images().get(m), 3);
          detector.append(',').append(String.format(java.util.Locale.ROOT, "%.4f", found.isEmpty() ? 0
              : found.get(0).confidence()));
          for (ReconPhantom.Mark mark : found) {
            marks.append(String.format(java.util.Locale.ROOT, "%s,%s,%d,%d,%d,%.4f%n", ReconPhantom.IMAGES.get(m), id,
                mark.i(), mark.j(), mark.k(), mark.confidence()));
          }
        }
        detector.append('\n');
        for (int m = 0; m < ReconPhantom.IMAGES.size(); m++) {
          String file = id + "-" + ReconPhantom.IMAGES.get(m) + extension;
          Nifti.writeFloat32(phantom.images().get(m), images.resolve(file));
          table.append(",images/").append(file);
        }
        StringBuilder boxes = new StringBuilder("kind,i0,j0,k0,i1,j1,k1\n");
        for (VoxelBox b : phantom.lesionBoxes()) {
          boxes.append("lesion,").append(csv(b)).append('\n');
        }
        boxes.append("uniform,").append(csv(phantom.uniform())).append('\n');
        String roi = id + "-boxes.csv";
        Files.writeString(images.resolve(roi), boxes);
        table.append(",images/").append(roi).append('\n');
      }
      Path casesCsv = directory.resolve("cases.csv");
      Files.writeString(casesCsv, table);
      StringBuilder savings = new StringBuilder("case,image,minutes\n*,reference,20\n");
      for (String m : List.of("fast", "ai_smooth", "ai_drift")) {
        savings.append("*,").append(m).append(",6\n");
      }
      Files.writeString(directory.resolve("savings.csv"), savings);
      Files.writeString(directory.resolve("detector.csv"), detector);
      Files.writeString(directory.resolve("lesion-truth.csv"), truth);
      Files.writeString(directory.resolve("lesion-marks.csv"), marks);
      return casesCsv;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String csv(VoxelBox b) {
    return b.i0() + "," + b.j0() + "," + b.k0() + "," + b.i1() + "," + b.j1() + "," + b.k1();
  }
}
