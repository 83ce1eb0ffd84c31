package org.radtrial.dicom.image;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;
import org.radtrial.dicom.synth.SyntheticSeries;
import org.radtrial.io.image.Nifti;

/**
 * Times reading a 512 x 512 x N synthetic CT series and writing and reading it as NIfTI (random HU:
 * the worst case for gzip). Not a test (surefire runs *Test classes): run it by hand, as
 * docs/benchmarks.md says. Arguments: N and a scratch folder (about 400 MB for N = 200).
 */
public final class ImageReadTiming {
  private ImageReadTiming() {}

  public static void main(String[] args) {
    int nz = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    Grid grid = new Grid(512, 512, nz, new double[] {0.7, 0.7, 1.25}, new double[] {-180, -180, -100}, Grid.AXIAL);
    float[] hu = new float[grid.size()];
    Random random = new Random(1);
    for (int i = 0; i < hu.length; i++) {
      hu[i] = random.nextInt(2000) - 1024;
    }
    SyntheticSeries.write(dir.resolve("ct"), new Volume(grid, hu), SyntheticSeries.Options.ct(new Random(2)), new Random(3));
    for (int rep = 0; rep < 3; rep++) {
      long t0 = System.nanoTime();
      Volume series = ImageFiles.read(dir.resolve("ct"));
      long t1 = System.nanoTime();
      Nifti.writeFloat32(series, dir.resolve("ct.nii.gz"));
      long t2 = System.nanoTime();
      Volume gz = ImageFiles.read(dir.resolve("ct.nii.gz"));
      long t3 = System.nanoTime();
      Nifti.writeFloat32(series, dir.resolve("ct.nii"));
      long t4 = System.nanoTime();
      Volume nii = ImageFiles.read(dir.resolve("ct.nii"));
      long t5 = System.nanoTime();
      if (!Arrays.equals(series.voxels(), hu) || !Arrays.equals(gz.voxels(), hu) || !Arrays.equals(nii.voxels(), hu)) {
        throw new AssertionError("a volume read back differs");
      }
      System.out.printf(Locale.ROOT, "512x512x%d: DICOM series read %.2f s; .nii.gz write %.2f s, read %.2f s; .nii write %.2f s,"
          + " read %.2f s%n", nz, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, (t5 - t4) / 1e9);
    }
  }
}
