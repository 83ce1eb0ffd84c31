import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.radtrial.core.image.Grid;
import org.radtrial.core.image.Volume;
import org.radtrial.io.image.Nifti;

/**
 * CT-sized masks for the speed measurement of {@code radtrial masks} (docs/benchmarks.md): N cases
 * of 512 x 512 x 300 voxels of 0.8 x 0.8 x 1.5 mm, each a liver-sized ellipsoid (about 1.5 L) and a
 * 2 cm lesion as the reference, and three models (shifted by up to 2 voxels and rescaled by up to
 * 10%; 2 mm wider; missing the lesion). Run with the built jar's classpath:
 *
 * <pre>
 * java -cp 'cli/target/radtrial.jar:cli/target/lib/*' bench/masks/GenerateMasks.java OUT N
 * </pre>
 */
public final class GenerateMasks {
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    Files.createDirectories(out.resolve("masks"));
    Grid grid = new Grid(512, 512, 300, new double[] {0.8, 0.8, 1.5}, new double[] {-204.8, -204.8, -225}, Grid.AXIAL);
    StringBuilder csv = new StringBuilder("case_id,reference,model_close,model_over,model_misses_small\n");
    for (int c = 0; c < n; c++) {
      SplittableRandom r = new SplittableRandom(c);
      double[] organ = {200 + 20 * r.nextDouble(), 190 + 20 * r.nextDouble(), 220 + 20 * r.nextDouble(), 85, 70, 55};
      double[] lesion = {organ[0] + 40, organ[1], organ[2] + 10, 10, 10, 10};
      String id = String.format(Locale.ROOT, "case%03d", c);
      csv.append(id);
      for (int m = 0; m < 4; m++) {
        float[] x = new float[grid.size()];
        double grow = m == 2 ? 2 : 0;
        double scale = m == 1 || m == 3 ? 0.9 + 0.2 * r.nextDouble() : 1;
        double shift = m == 1 || m == 3 ? 1.6 * (r.nextDouble() - 0.5) * 2 : 0;
        fill(grid, x, organ, shift, scale, grow);
        if (m != 3) {
          fill(grid, x, lesion, shift, scale, grow);
        }
        String name = m == 0 ? "reference" : m == 1 ? "model_close" : m == 2 ? "model_over" : "model_misses_small";
        String file = "masks/" + id + "_" + name + ".nii.gz";
        Nifti.writeLabels(new Volume(grid, x), out.resolve(file));
        csv.append(',').append(file);
      }
      csv.append('\n');
      System.err.println("wrote " + id);
    }
    Files.writeString(out.resolve("cases.csv"), csv.toString());
  }

  /** 1 inside the ellipsoid {centre mm, radii mm}, visiting its bounding box only. */
  private static void fill(Grid g, float[] x, double[] e, double shift, double scale, double grow) {
    double[] c = {e[0] + shift, e[1] - shift, e[2] + shift};
    double[] rad = {e[3] * scale + grow, e[4] * scale + grow, e[5] * scale + grow};
    int[] lo = new int[3];
    int[] hi = new int[3];
    int[] size = {g.nx(), g.ny(), g.nz()};
    for (int a = 0; a < 3; a++) {
      lo[a] = Math.max(0, (int) Math.floor((c[a] - rad[a]) / g.spacing(a)));
      hi[a] = Math.min(size[a] - 1, (int) Math.ceil((c[a] + rad[a]) / g.spacing(a)));
    }
    for (int k = lo[2]; k <= hi[2]; k++) {
      for (int j = lo[1]; j <= hi[1]; j++) {
        for (int i = lo[0]; i <= hi[0]; i++) {
          double a = (i * g.spacing(0) - c[0]) / rad[0];
          double b = (j * g.spacing(1) - c[1]) / rad[1];
          double d = (k * g.spacing(2) - c[2]) / rad[2];
          if (a * a + b * b + d * d <= 1) {
            x[g.index(i, j, k)] = 1;
          }
        }
      }
    }
  }
}
