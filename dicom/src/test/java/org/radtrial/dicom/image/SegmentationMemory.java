package org.radtrial.dicom.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;
import org.radtrial.dicom.synth.SyntheticSeries;

/**
 * The heap a SEG of many segments needs: a 256 x 256 x 120 CT series and a SEG of 40 small
 * segments (20 x 20 x 2 voxels each) on it, then one read per JVM, so that a small -Xmx shows which
 * way fits. Not a test (surefire runs *Test classes): run it by hand, as docs/benchmarks.md says.
 * Arguments: {@code make DIR}, then {@code labels DIR} (ImageFiles.readLabels: one label array) or
 * {@code segments DIR} (readSegments then labels: a float volume per segment, as every read was before).
 */
public final class SegmentationMemory {
  private SegmentationMemory() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[1]);
    Path seg = dir.resolve("seg.dcm");
    Path ct = dir.resolve("ct");
    if (args[0].equals("make")) {
      Grid g = new Grid(256, 256, 120, new double[] {1, 1, 2}, new double[] {0, 0, 0}, Grid.AXIAL);
      SyntheticSeries.write(ct, new Volume(g, new float[g.size()]), SyntheticSeries.Options.ct(new Random(1)), new Random(2));
      List<SegmentationWriter.Segment> segments = new ArrayList<>();
      for (int n = 0; n < 40; n++) {
        float[] m = new float[g.size()];
        for (int k = 2 * n + 10; k < 2 * n + 12; k++) {
          for (int j = 100; j < 120; j++) {
            for (int i = 100; i < 120; i++) {
              m[g.index(i, j, k)] = 1;
            }
          }
        }
        segments.add(SegmentationWriter.Segment.lesion("s" + n, new Volume(g, m)));
      }
      SegmentationWriter.write(seg, DicomSeries.read(ct), segments, "x", new Random(3));
      return;
    }
    long start = System.nanoTime();
    Volume labels = args[0].equals("labels") ? ImageFiles.readLabels(seg, ct)
        : SegmentationMasks.labels(ImageFiles.readSegments(seg, ct), seg);
    System.out.printf(Locale.ROOT, "%s: %d labelled voxels, %.1f s, max heap %d MB%n", args[0], labels.countNonZero(),
        (System.nanoTime() - start) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
  }
}
