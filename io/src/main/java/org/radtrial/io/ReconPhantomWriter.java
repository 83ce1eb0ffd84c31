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
 * a synthetic detector's score on each image: the task-based comparison for {@code radtrial evaluate}).
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
      for (int c = 1; c <= cases; c++) {
        String id = String.format(java.util.Locale.ROOT, "phantom%03d", c);
        ReconPhantom.Case phantom = ReconPhantom.generate(id, nx, ny, nz, seed * 1_000_003L + c, c % 3 != 0);
        table.append(id);
        detector.append(id).append(',').append(phantom.lesions().isEmpty() ? 0 : 1);
        for (var image : phantom.images()) {
          detector.append(',').append(String.format(java.util.Locale.ROOT, "%.4f", ReconPhantom.detectorScore(image)));
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
      return casesCsv;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String csv(VoxelBox b) {
    return b.i0() + "," + b.j0() + "," + b.k0() + "," + b.i1() + "," + b.j1() + "," + b.k1();
  }
}
